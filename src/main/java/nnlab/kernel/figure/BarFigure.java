package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Bars with optional error bars (e.g. ± std), grouped: categories along x, one bar per group
 * within each category (e.g. categories = padding types, groups = Net1, Net2).
 * values[g][c] and errors[g][c]; NaN means "no bar".
 */
public record BarFigure(String title, String yLabel, List<String> categories, List<String> groups,
                        double[][] values, double[][] errors, double yMin, double yMax) implements Figure {

    public BarFigure {
        categories = List.copyOf(categories);
        groups = List.copyOf(groups);
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
