package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Bars with optional error bars (e.g. ± std), grouped: categories along x, one bar per group
 * within each category (e.g. categories = padding types, groups = Net1, Net2).
 * values[g][c] and errors[g][c]; NaN means "no bar". Reading aids: an x-axis title, a subtitle
 * (lines separated by "\n"), labelled reference lines (chance) and flagged[g][c] bars, drawn
 * hatched, e.g. "not trained yet" (the subtitle or a note says what the hatching means).
 */
public record BarFigure(String title, String yLabel, List<String> categories, List<String> groups,
                        double[][] values, double[][] errors, double yMin, double yMax, String xLabel, String subtitle,
                        List<ReferenceLine> references, boolean[][] flagged) implements Figure {

    public BarFigure {
        categories = List.copyOf(categories);
        groups = List.copyOf(groups);
        xLabel = xLabel == null ? "" : xLabel;
        subtitle = subtitle == null ? "" : subtitle;
        references = references == null ? List.of() : List.copyOf(references);
    }

    public BarFigure(String title, String yLabel, List<String> categories, List<String> groups,
                     double[][] values, double[][] errors, double yMin, double yMax) {
        this(title, yLabel, categories, groups, values, errors, yMin, yMax, "", "", List.of(), null);
    }

    public BarFigure withXLabel(String label) {
        return new BarFigure(title, yLabel, categories, groups, values, errors, yMin, yMax, label, subtitle, references, flagged);
    }

    public BarFigure withSubtitle(String text) {
        return new BarFigure(title, yLabel, categories, groups, values, errors, yMin, yMax, xLabel, text, references, flagged);
    }

    public BarFigure withReferences(List<ReferenceLine> lines) {
        return new BarFigure(title, yLabel, categories, groups, values, errors, yMin, yMax, xLabel, subtitle, lines, flagged);
    }

    /** flags[g][c]: this bar is drawn hatched (null: none). */
    public BarFigure withFlagged(boolean[][] flags) {
        return new BarFigure(title, yLabel, categories, groups, values, errors, yMin, yMax, xLabel, subtitle, references, flags);
    }

    /** True when bar (g, c) is flagged. */
    public boolean isFlagged(int g, int c) {
        return flagged != null && g < flagged.length && flagged[g] != null && c < flagged[g].length && flagged[g][c];
    }

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder("category,group,value,error\n");
        for (int c = 0; c < categories.size(); c++) {
            for (int g = 0; g < groups.size(); g++) {
                if (Double.isNaN(values[g][c])) continue;
                sb.append(LineFigure.csvName(categories.get(c))).append(',').append(LineFigure.csvName(groups.get(g)))
                        .append(',').append(LineFigure.num(values[g][c])).append(',')
                        .append(errors == null ? "" : LineFigure.num(errors[g][c])).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public BufferedImage render(double scale) {
        return FigureRenderer.renderBars(this, scale);
    }

    @Override
    public Drawing drawing() {
        return BarRenderer.drawing(this);
    }
}
