package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Curves over a shared x axis, e.g. loss per epoch. */
public record LineFigure(String title, String xLabel, String yLabel, List<Series> series, boolean logY)
        implements Figure {

    public record Series(String name, double[] x, double[] y) { }

    public LineFigure {
        series = List.copyOf(series);
    }

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder("series,").append(csvName(xLabel)).append(',').append(csvName(yLabel)).append('\n');
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                sb.append(csvName(s.name())).append(',').append(num(s.x()[i])).append(',').append(num(s.y()[i])).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public BufferedImage render(double scale) {
        return FigureRenderer.renderLines(this, scale);
    }

    @Override
    public Drawing drawing() {
        return LineRenderer.drawing(this);
    }

    /**
     * Draws the figure on a canvas of the given width in points (text keeps its size; the plot
     * takes what is left), baseHeight plus the legend's rows high, at the given pixel scale.
     */
    public BufferedImage render(double scale, double width, double baseHeight) {
        return LineRenderer.render(this, scale, width, baseHeight);
    }

    static String csvName(String s) {
        return nnlab.kernel.store.Csv.cell(s);
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    /** Convenience for building curves point by point. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<List<double[]>> points = new ArrayList<>();

        public Builder add(String series, double x, double y) {
            int i = names.indexOf(series);
            if (i < 0) {
                names.add(series);
                points.add(new ArrayList<>());
                i = names.size() - 1;
            }
            points.get(i).add(new double[] {x, y});
            return this;
        }

        public LineFigure build(String title, String xLabel, String yLabel, boolean logY) {
            List<Series> out = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                List<double[]> p = points.get(i);
                double[] xs = new double[p.size()];
                double[] ys = new double[p.size()];
                for (int j = 0; j < p.size(); j++) {
                    xs[j] = p.get(j)[0];
                    ys[j] = p.get(j)[1];
                }
                out.add(new Series(names.get(i), xs, ys));
            }
            return new LineFigure(title, xLabel, yLabel, out, logY);
        }
    }
}
