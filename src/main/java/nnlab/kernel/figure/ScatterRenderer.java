package nnlab.kernel.figure;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Scatter plots: linear axes on both sides, a filled dot per point, a legend for several groups. */
final class ScatterRenderer {
    private ScatterRenderer() { }

    static final double WIDTH = 560;
    static final double HEIGHT = 460;
    static final double DOT_RADIUS = 2.6;

    record Layout(double width, double height, Rectangle2D.Double plot, Axis x, Axis y, Gfx.Legend legend,
                  double legendTop, boolean hasData) {
        double px(double v) {
            return plot.x + x.frac(v) * plot.width;
        }

        double py(double v) {
            return plot.y + (1 - y.frac(v)) * plot.height;
        }
    }

    private static int count(ScatterFigure.Group g) {
        if (g.x() == null || g.y() == null) return 0;
        return Math.min(g.x().length, g.y().length);
    }

    static Layout layout(ScatterFigure f) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (ScatterFigure.Group g : f.groups()) {
            for (int i = 0; i < count(g); i++) {
                double x = g.x()[i], y = g.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        boolean hasData = xMin <= xMax;
        Axis yAxis = Axis.linear(yMin, yMax, 0.05, 7);
        Gfx.Legend legend = f.groups().size() > 1
                ? new Gfx.Legend(f.groups().stream().map(g -> Gfx.str(g.name())).toList(), 12, WIDTH - 2 * Gfx.PAD)
                : null;
        Gfx.Frame frame = Gfx.Frame.of(f.title(), legend, HEIGHT, java.util.List.of(yAxis.labels), f.yLabel());
        double legendTop = frame.legendTop();
        double height = frame.height();
        Rectangle2D.Double plot = frame.xyPlot(f.xLabel(), WIDTH);
        // Fewer x ticks until their labels no longer crowd each other.
        Axis xAxis = Axis.uncrowdedLinear(xMin, xMax, 0.05, 8, plot.width);
        return new Layout(WIDTH, height, plot, xAxis, yAxis, legend, legendTop, hasData);
    }

    static Shape dot(double x, double y) {
        return new Ellipse2D.Double(x - DOT_RADIUS, y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
    }

    static BufferedImage render(ScatterFigure f, double scale) {
        return drawing(f).raster(scale);
    }

    static Drawing drawing(ScatterFigure f) {
        Layout l = layout(f);
        return new Drawing(l.width, l.height, g -> paint(g, f, l));
    }

    private static void paint(Graphics2D g, ScatterFigure f, Layout l) {
        Rectangle2D.Double plot = l.plot;

        g.setStroke(Gfx.stroke(1));
        g.setColor(Gfx.GRID);
        for (double v : l.y.ticks) g.draw(new Line2D.Double(plot.x, l.py(v), plot.getMaxX(), l.py(v)));
        for (double v : l.x.ticks) g.draw(new Line2D.Double(l.px(v), plot.y, l.px(v), plot.getMaxY()));

        if (l.hasData) {
            Shape saved = g.getClip();
            g.clip(plot);
            for (int gi = 0; gi < f.groups().size(); gi++) {
                ScatterFigure.Group group = f.groups().get(gi);
                g.setColor(Gfx.color(gi));
                for (int i = 0; i < count(group); i++) {
                    double x = group.x()[i], y = group.y()[i];
                    if (Double.isFinite(x) && Double.isFinite(y)) g.fill(dot(l.px(x), l.py(y)));
                }
            }
            g.setClip(saved);
        } else {
            Gfx.message(g, "no data", plot);
        }

        Ticks.xyAxes(g, plot, l.x, l.y, l::px, l::py, f.xLabel(), f.yLabel(), l.height);
        Gfx.drawTitle(g, f.title(), l.width);
        if (l.legend != null) {
            l.legend.draw(g, l.width / 2, l.legendTop, (gg, i, x, y, w, h) -> {
                gg.setColor(Gfx.color(i));
                gg.fill(new Ellipse2D.Double(x + w / 2 - 4, y + h / 2 - 4, 8, 8));
            });
        }
    }
}
