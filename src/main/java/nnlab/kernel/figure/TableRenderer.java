package nnlab.kernel.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.regex.Pattern;

/** A results table in the booktabs style: rules above and below, a bold header, zebra rows. */
final class TableRenderer {
    private TableRenderer() { }

    static final double CELL_PAD = 10;
    static final double ROW_HEIGHT = 22;
    static final double MAX_COLUMN = 320;
    static final Color ZEBRA = new Color(0xF3F5F8);
    /** Cells that start like a number ("0.93", "-1e-3", "0.91 ± 0.02", "12%") are right-aligned. */
    private static final Pattern NUMERIC = Pattern.compile("^[-+−]?(\\d|\\.\\d|NaN|∞).*");

    record Layout(double width, double height, double left, double top, double[] columnWidths, boolean[] rightAlign,
                  String[] header, String[][] cells) { }

    static Layout layout(TableFigure f) {
        int nCols = f.columns().size();
        for (List<String> r : f.rows()) nCols = Math.max(nCols, r.size());
        int nRows = f.rows().size();
        String[] header = new String[nCols];
        String[][] cells = new String[nRows][nCols];
        double[] widths = new double[nCols];
        boolean[] right = new boolean[nCols];
        for (int c = 0; c < nCols; c++) {
            header[c] = Gfx.ellipsize(Gfx.CELL_BOLD, c < f.columns().size() ? f.columns().get(c) : "", MAX_COLUMN);
            widths[c] = Gfx.width(Gfx.CELL_BOLD, header[c]);
            boolean numeric = false, text = false;
            for (int r = 0; r < nRows; r++) {
                List<String> row = f.rows().get(r);
                String s = Gfx.ellipsize(Gfx.CELL, c < row.size() ? row.get(c) : "", MAX_COLUMN);
                cells[r][c] = s;
                widths[c] = Math.max(widths[c], Gfx.width(Gfx.CELL, s));
                if (s.isBlank() || s.equals("—") || s.equals("-")) continue;
                if (NUMERIC.matcher(s).matches()) numeric = true;
                else text = true;
            }
            right[c] = numeric && !text;
            widths[c] += 2 * CELL_PAD;
        }
        double tableW = 0;
        for (double w : widths) tableW += w;
        double width = Math.max(tableW + 2 * Gfx.PAD, Gfx.width(Gfx.TITLE, Gfx.str(f.title())) + 2 * Gfx.PAD);
        width = Math.max(width, 200);
        double top = Gfx.PAD + Gfx.titleHeight(f.title()) + 12;
        double body = nCols == 0 ? 40 : ROW_HEIGHT * (1 + Math.max(nRows, 0)) + 4;
        double height = top + body + Gfx.PAD;
        return new Layout(width, height, (width - tableW) / 2, top, widths, right, header, cells);
    }

    static BufferedImage render(TableFigure f, double scale) {
        return drawing(f).raster(scale);
    }

    static Drawing drawing(TableFigure f) {
        Layout l = layout(f);
        return new Drawing(l.width, l.height, g -> paint(g, f, l));
    }

    private static void paint(Graphics2D g, TableFigure f, Layout l) {
        Gfx.drawTitle(g, f.title(), l.width);
        int nCols = l.columnWidths.length;
        if (nCols == 0) {
            Gfx.message(g, "empty table", new Rectangle2D.Double(0, l.top, l.width, 40));
            return;
        }
        double tableW = 0;
        for (double w : l.columnWidths) tableW += w;
        double x0 = l.left;
        double y = l.top;
        for (int r = 0; r < l.cells.length; r++) {
            if (r % 2 == 1) {
                g.setColor(ZEBRA);
                g.fill(new Rectangle2D.Double(x0, y + ROW_HEIGHT * (r + 1) + 2, tableW, ROW_HEIGHT));
            }
        }
        g.setColor(Gfx.TEXT);
        drawRow(g, l, l.header, Gfx.CELL_BOLD, y);
        for (int r = 0; r < l.cells.length; r++) drawRow(g, l, l.cells[r], Gfx.CELL, y + ROW_HEIGHT * (r + 1) + 2);

        double bottom = y + ROW_HEIGHT * (l.cells.length + 1) + 2;
        g.setColor(Gfx.TEXT);
        g.setStroke(Gfx.stroke(1.5));
        g.draw(new Line2D.Double(x0, y, x0 + tableW, y));
        g.draw(new Line2D.Double(x0, bottom, x0 + tableW, bottom));
        g.setStroke(Gfx.stroke(1));
        g.draw(new Line2D.Double(x0, y + ROW_HEIGHT + 1, x0 + tableW, y + ROW_HEIGHT + 1));
    }

    private static void drawRow(Graphics2D g, Layout l, String[] cells, Font font, double top) {
        double x = l.left;
        double mid = top + ROW_HEIGHT / 2;
        g.setColor(Gfx.TEXT);
        for (int c = 0; c < cells.length; c++) {
            double w = l.columnWidths[c];
            if (l.rightAlign[c]) Gfx.textMid(g, font, cells[c], x + w - CELL_PAD, mid, 1);
            else Gfx.textMid(g, font, cells[c], x + CELL_PAD, mid, 0);
            x += w;
        }
    }
}
