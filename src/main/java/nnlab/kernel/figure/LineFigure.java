package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Curves over a shared x axis, e.g. loss per epoch, with optional reading aids: a subtitle under
 * the title (lines separated by "\n": the settings that matter, what a value means), labelled
 * reference lines (chance) and a fixed y range (yMin, yMax; NaN = from the data), e.g. 0–100 for
 * an accuracy in %.
 */
public record LineFigure(String title, String xLabel, String yLabel, List<Series> series, boolean logY, String subtitle,
                         List<ReferenceLine> references, double yMin, double yMax)
        implements Figure {

    public record Series(String name, double[] x, double[] y) { }

    public LineFigure {
        series = List.copyOf(series);
        subtitle = subtitle == null ? "" : subtitle;
        references = references == null ? List.of() : List.copyOf(references);
    }

    public LineFigure(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        this(title, xLabel, yLabel, series, logY, "", List.of(), Double.NaN, Double.NaN);
    }

    public LineFigure withSubtitle(String text) {
        return new LineFigure(title, xLabel, yLabel, series, logY, text, references, yMin, yMax);
    }

    public LineFigure withReferences(List<ReferenceLine> lines) {
        return new LineFigure(title, xLabel, yLabel, series, logY, subtitle, lines, yMin, yMax);
    }

    /** The y axis spans exactly [lo, hi] (NaN for either: from the data). */
    public LineFigure withYRange(double lo, double hi) {
        return new LineFigure(title, xLabel, yLabel, series, logY, subtitle, references, lo, hi);
    }

    /** 0–100: an accuracy in % on its whole scale, so 95 % never looks like 0 % next to 99 %. */
    public LineFigure withPercentAxis() {
        return withYRange(0, 100);
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
