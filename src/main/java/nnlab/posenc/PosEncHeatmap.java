package nnlab.posenc;

import java.awt.image.BufferedImage;
import java.util.List;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.Drawing;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.HeatmapFigure;

/**
 * A heatmap with labelled, outlined blocks (e.g. the XᵀX, XᵀE, EᵀX, EᵀE quarters of
 * [X | E]ᵀ[X | E]). Kept in this package rather than as fields of the kernel's HeatmapFigure so the
 * kernel figure model stays minimal; {@link #plain()} gives the kernel form of the same data.
 */
public record PosEncHeatmap(String title, String xLabel, String yLabel, Matrix values, ColorMap colorMap,
                            List<Block> blocks) implements Figure {

    /** Cells [row, row+rows) × [col, col+cols), outlined and captioned. */
    public record Block(int row, int col, int rows, int cols, String label) { }

    public PosEncHeatmap {
        blocks = List.copyOf(blocks);
    }

    public PosEncHeatmap(String title, String xLabel, String yLabel, Matrix values, ColorMap colorMap) {
        this(title, xLabel, yLabel, values, colorMap, List.of());
    }

    /** The four quarters of a 2n×2n matrix, labelled row-major. */
    public static List<Block> quarters(int n, String[] labels) {
        return List.of(new Block(0, 0, n, n, labels[0]), new Block(0, n, n, n, labels[1]),
                new Block(n, 0, n, n, labels[2]), new Block(n, n, n, n, labels[3]));
    }

    public HeatmapFigure plain() {
        return new HeatmapFigure(title, xLabel, yLabel, values.toArrays(), colorMap);
    }

    /** row, col, value (and the block a cell belongs to, when there are blocks). */
    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder(blocks.isEmpty() ? "row,col,value\n" : "row,col,block,value\n");
        for (int r = 0; r < values.rows(); r++) {
            for (int c = 0; c < values.cols(); c++) {
                sb.append(r).append(',').append(c).append(',');
                if (!blocks.isEmpty()) sb.append(blockAt(r, c)).append(',');
                sb.append(csvNumber(values.get(r, c))).append('\n');
            }
        }
        return sb.toString();
    }

    String blockAt(int r, int c) {
        for (Block b : blocks) {
            if (r >= b.row() && r < b.row() + b.rows() && c >= b.col() && c < b.col() + b.cols()) return b.label();
        }
        return "";
    }

    static String csvNumber(double v) {
        // Full precision: the CSV is the data behind a publication figure, not a display.
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Override
    public BufferedImage render(double scale) {
        return HeatmapPainter.render(this, scale);
    }

    @Override
    public Drawing drawing() {
        return HeatmapPainter.drawing(this);
    }
}
