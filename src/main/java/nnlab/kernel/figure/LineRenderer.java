package nnlab.kernel.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Curves on shared axes, one colour per series. */
final class LineRenderer {
    private LineRenderer() { }

    static final double WIDTH = 640;
    static final double HEIGHT = 400;
    /** Series up to this many points get markers, so individual epochs stay visible. */
    static final int MARKER_MAX_POINTS = 30;
    private static final float[][] DASHES = {null, {7, 4}, {2, 3}, {7, 3, 2, 3}};

    /** Legends with more rows than this go beside the plot, one entry per row. */
    static final int MAX_LEGEND_ROWS_ABOVE = 2;
    static final double SIDE_LEGEND_MAX_WIDTH = 190;
    /** The x axis of a figure without data runs 0..this, in steps of 1. */
    static final double EMPTY_X_MAX = 5;

    record Layout(double width, double height, Rectangle2D.Double plot, Axis x, Axis y, Gfx.Legend legend,
                  double legendTop, boolean hasData, boolean legendBeside) {
        double px(double v) {
            return plot.x + x.frac(v) * plot.width;
        }

        double py(double v) {
            return plot.y + (1 - y.frac(v)) * plot.height;
        }

        /** The horizontal centre of the legend. */
        double legendCentre() {
            return legendBeside ? plot.getMaxX() + 12 + legend.width() / 2 : width / 2;
        }
    }

    private static boolean usable(double x, double y, boolean logY) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0);
    }

    static Layout layout(LineFigure f) {
        return layout(f, WIDTH, HEIGHT);
    }

    /** The layout for a canvas of the given width; its height is baseHeight plus the legend's rows. */
    static Layout layout(LineFigure f, double width, double baseHeight) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (LineFigure.Series s : f.series()) {
            int n = count(s);
            for (int i = 0; i < n; i++) {
                double x = s.x()[i], y = s.y()[i];
                if (!usable(x, y, f.logY())) continue;
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        boolean hasData = xMin <= xMax;
        // A reference line is only worth drawing in view: an automatic axis includes it.
        if (hasData) {
            for (ReferenceLine r : f.references()) {
                if (f.logY() && !(r.y() > 0)) continue;
                yMin = Math.min(yMin, r.y());
                yMax = Math.max(yMax, r.y());
            }
        }
        Axis yAxis = yAxis(f, yMin, yMax);

        List<String> names = f.series().stream().map(s -> Gfx.str(s.name())).toList();
        Gfx.Legend legend = f.series().size() > 1 ? new Gfx.Legend(names, 24, width - 2 * Gfx.PAD) : null;
        boolean beside = legend != null && legend.rowCount() > MAX_LEGEND_ROWS_ABOVE;
        if (beside) legend = new Gfx.Legend(names, 24, Math.min(SIDE_LEGEND_MAX_WIDTH, width * 0.32), true);
        Gfx.Frame frame = Gfx.Frame.of(f.title(), f.subtitle(), beside ? null : legend, baseHeight, List.of(yAxis.labels), f.yLabel());
        double legendTop = frame.legendTop();
        double height = frame.height();
        Rectangle2D.Double plot = frame.xyPlot(f.xLabel(), beside ? width - legend.width() - 12 : width);
        // Never taller than the plot: a long column is cut, the export keeps every curve.
        if (beside) legend = legend.fitHeight(plot.height);
        Axis xAxis = xAxis(f, xMin, xMax, plot.width);
        return new Layout(width, height, plot, xAxis, yAxis, legend, beside ? plot.y : legendTop, hasData, beside);
    }

    private static Axis yAxis(LineFigure f, double dataMin, double dataMax) {
        boolean fixed = Double.isFinite(f.yMin()) && Double.isFinite(f.yMax()) && f.yMax() > f.yMin() && !f.logY();
        if (fixed) return Axis.fixed(f.yMin(), f.yMax(), 7);
        Axis auto = f.logY() ? Axis.log(dataMin, dataMax, 8) : Axis.linear(dataMin, dataMax, 0.04, 7);
        if (f.logY()) return auto;
        // One bound given (e.g. an accuracy never above 100 %): the padded data range stops there.
        double lo = Double.isFinite(f.yMin()) ? Math.max(auto.lo, f.yMin()) : auto.lo;
        double hi = Double.isFinite(f.yMax()) ? Math.min(auto.hi, f.yMax()) : auto.hi;
        return lo == auto.lo && hi == auto.hi || !(hi > lo) ? auto : Axis.fixed(lo, hi, 7);
    }

    /**
     * Fewer x ticks until their labels no longer crowd each other; whole-number x (epochs,
     * rounds, layers) ticks whole numbers only, also for a single point. Without data (a live
     * chart before a run's first epoch) the axis ticks whole numbers too: nearly every x in NN Lab
     * counts something, and "0.2, 0.4 … epoch" on an empty chart reads as a bug.
     */
    private static Axis xAxis(LineFigure f, double xMin, double xMax, double plotWidth) {
        if (!(xMin <= xMax)) return Axis.fixed(0, EMPTY_X_MAX, (int) EMPTY_X_MAX + 1);
        boolean whole = wholeNumbers(f);
        if (whole && xMin == xMax && Double.isFinite(xMin)) return Axis.fixed(xMin - 1, xMax + 1, 3);
        return Axis.uncrowdedLinear(xMin, xMax, 0.02, 10, plotWidth, whole && xMax - xMin >= 1 ? 1 : 0);
    }

    /** True when every x is a whole number (epochs, rounds, layers). */
    private static boolean wholeNumbers(LineFigure f) {
        for (LineFigure.Series s : f.series()) {
            int n = count(s);
            for (int i = 0; i < n; i++) {
                double x = s.x()[i];
                if (Double.isFinite(x) && x != Math.rint(x)) return false;
            }
        }
        return true;
    }

    private static int count(LineFigure.Series s) {
        if (s.x() == null || s.y() == null) return 0;
        return Math.min(s.x().length, s.y().length);
    }

    static BufferedImage render(LineFigure f, double scale) {
        return render(f, scale, WIDTH, HEIGHT);
    }

    static BufferedImage render(LineFigure f, double scale, double width, double baseHeight) {
        return drawing(f, width, baseHeight).raster(scale);
    }

    static Drawing drawing(LineFigure f) {
        return drawing(f, WIDTH, HEIGHT);
    }

    static Drawing drawing(LineFigure f, double width, double baseHeight) {
        Layout l = layout(f, width, baseHeight);
        return new Drawing(l.width, l.height, g -> paint(g, f, l));
    }

    private static void paint(Graphics2D g, LineFigure f, Layout l) {
        Rectangle2D.Double plot = l.plot;

        g.setStroke(Gfx.stroke(1));
        g.setColor(Gfx.MINOR_GRID);
        for (double v : l.y.minor) g.draw(new Line2D.Double(plot.x, l.py(v), plot.getMaxX(), l.py(v)));
        g.setColor(Gfx.GRID);
        for (double v : l.y.ticks) g.draw(new Line2D.Double(plot.x, l.py(v), plot.getMaxX(), l.py(v)));
        for (double v : l.x.ticks) g.draw(new Line2D.Double(l.px(v), plot.y, l.px(v), plot.getMaxY()));

        if (l.hasData) {
            Shape savedClip = g.getClip();
            g.clip(plot);
            for (int si = 0; si < f.series().size(); si++) drawSeries(g, l, f.series().get(si), si, f.logY());
            g.setClip(savedClip);
            Gfx.drawReferences(g, f.references(), plot, l::py);
        } else {
            Gfx.message(g, "no data", plot);
            // On a fixed range the reading aids are already meaningful (chance before the first point).
            if (Double.isFinite(f.yMin()) && Double.isFinite(f.yMax())) Gfx.drawReferences(g, f.references(), plot, l::py);
        }

        Ticks.xyAxes(g, plot, l.x, l.y, l::px, l::py, f.xLabel(), f.yLabel(), l.height);

        Gfx.drawSubtitle(g, f.subtitle(), l.width, Gfx.drawTitle(g, f.title(), l.width));
        if (l.legend != null) {
            l.legend.draw(g, l.legendCentre(), l.legendTop, (gg, i, x, y, w, h) -> {
                if (i >= f.series().size()) return;
                LineFigure.Series s = f.series().get(i);
                gg.setColor(Gfx.color(i));
                gg.setStroke(lineStroke(i));
                gg.draw(new Line2D.Double(x, y + h / 2, x + w, y + h / 2));
                if (count(s) <= MARKER_MAX_POINTS) gg.fill(marker(x + w / 2, y + h / 2));
            });
        }
    }

    private static BasicStroke lineStroke(int index) {
        float[] dash = DASHES[(index / Gfx.PALETTE.length) % DASHES.length];
        return new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static Shape marker(double x, double y) {
        return new Ellipse2D.Double(x - 3, y - 3, 6, 6);
    }

    private static void drawSeries(Graphics2D g, Layout l, LineFigure.Series s, int index, boolean logY) {
        int n = count(s);
        Color color = Gfx.color(index);
        Path2D.Double path = new Path2D.Double();
        List<double[]> points = new ArrayList<>();
        boolean penDown = false;
        for (int i = 0; i < n; i++) {
            double x = s.x()[i], y = s.y()[i];
            if (!usable(x, y, logY)) {
                // A missing value breaks the line rather than bridging the gap.
                penDown = false;
                continue;
            }
            double px = l.px(x), py = l.py(y);
            if (penDown) path.lineTo(px, py);
            else path.moveTo(px, py);
            penDown = true;
            points.add(new double[] {px, py});
        }
        g.setColor(color);
        g.setStroke(lineStroke(index));
        g.draw(path);
        boolean markers = n <= MARKER_MAX_POINTS || points.size() == 1;
        if (markers) {
            for (double[] p : points) g.fill(marker(p[0], p[1]));
        }
    }
}
