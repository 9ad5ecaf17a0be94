package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.util.List;

/** Points in the plane, one colour per group (e.g. node embeddings coloured by class). */
public record ScatterFigure(String title, String xLabel, String yLabel, List<Group> groups) implements Figure {

    public record Group(String name, double[] x, double[] y) { }

    public ScatterFigure {
        groups = List.copyOf(groups);
    }

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder("group,").append(LineFigure.csvName(xLabel)).append(',')
                .append(LineFigure.csvName(yLabel)).append('\n');
        for (Group g : groups) {
            int n = Math.min(g.x().length, g.y().length);
            for (int i = 0; i < n; i++) {
                sb.append(LineFigure.csvName(g.name())).append(',').append(LineFigure.num(g.x()[i])).append(',')
                        .append(LineFigure.num(g.y()[i])).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public BufferedImage render(double scale) {
        return FigureRenderer.renderScatter(this, scale);
    }

    @Override
    public Drawing drawing() {
        return ScatterRenderer.drawing(this);
    }
}
