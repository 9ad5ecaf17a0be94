package nnlab.kernel.figure;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Grouped bars: categories along x, one bar per group within a category, optional ± error bars. */
final class BarRenderer {
    private BarRenderer() { }

    static final double WIDTH = 640;
    static final double HEIGHT = 400;
    static final double MAX_CATEGORY_LABEL = 160;
    /** Fraction of a category's slot taken by its bars; the rest separates categories. */
    static final double GROUP_FILL = 0.78;

    record Layout(double width, double height, Rectangle2D.Double plot, Axis y, double baseline, Gfx.Legend legend,
                  double legendTop, String[] categoryLabels, boolean valueLabels) {
        double py(double v) {
            return plot.y + (1 - y.frac(v)) * plot.height;
        }

        double slot() {
            return plot.width / Math.max(1, categoryLabels.length);
        }

        /** Left edge and width of the bar for group g in category c. */
        double[] bar(int c, int g, int groups) {
            double groupWidth = slot() * GROUP_FILL;
            double w = groupWidth / Math.max(1, groups);
            double x = plot.x + c * slot() + (slot() - groupWidth) / 2 + g * w;
            return new double[] {x, w};
        }
    }

    static double value(double[][] a, int g, int c) {
        if (a == null || g >= a.length || a[g] == null || c >= a[g].length) return Double.NaN;
        return a[g][c];
    }

    static Layout layout(BarFigure f) {
        int nCat = f.categories().size();
        int nGroup = f.groups().size();

        double dataLo = 0, dataHi = 0;
        boolean any = false;
        for (int g = 0; g < nGroup; g++) {
            for (int c = 0; c < nCat; c++) {
                double v = value(f.values(), g, c);
                if (!Double.isFinite(v)) continue;
                double e = value(f.errors(), g, c);
                e = Double.isFinite(e) ? Math.abs(e) : 0;
                dataLo = Math.min(dataLo, v - e);
                dataHi = Math.max(dataHi, v + e);
                any = true;
            }
        }
        if (any) {
            for (ReferenceLine r : f.references()) {
                dataLo = Math.min(dataLo, r.y());
                dataHi = Math.max(dataHi, r.y());
            }
        }
        if (!any || dataHi == dataLo) {
            dataLo = Math.min(dataLo, 0);
            dataHi = Math.max(dataLo + 1, dataHi);
        }
        double span = dataHi - dataLo;
        // Headroom for value labels above the tallest bar (below the deepest negative one).
        double autoHi = dataHi > 0 ? dataHi + 0.08 * span : dataHi;
        double autoLo = dataLo < 0 ? dataLo - 0.08 * span : dataLo;
        double lo = Double.isFinite(f.yMin()) ? f.yMin() : autoLo;
        double hi = Double.isFinite(f.yMax()) ? f.yMax() : autoHi;
        if (!(hi > lo)) {
            lo = autoLo;
            hi = autoHi;
        }
        Axis yAxis = Axis.fixed(lo, hi, 7);
        double baseline = Math.max(yAxis.lo, Math.min(yAxis.hi, 0));

        Gfx.Legend legend = nGroup > 1 ? new Gfx.Legend(f.groups(), 12, WIDTH - 2 * Gfx.PAD) : null;
        Gfx.Frame frame = Gfx.Frame.of(f.title(), f.subtitle(), legend, HEIGHT, java.util.List.of(yAxis.labels), f.yLabel());
        double top = frame.top();
        double legendTop = frame.legendTop();
        double height = frame.height();
        double left = frame.left();
        double bottom = Gfx.TICK_LEN + 6 + Gfx.height(Gfx.LABEL) + Gfx.PAD
                + (f.xLabel().isEmpty() ? 0 : Gfx.height(Gfx.LABEL) + 6);
        height += f.xLabel().isEmpty() ? 0 : Gfx.height(Gfx.LABEL) + 6;
        double right = Gfx.PAD + 6;

        String[] cats = new String[nCat];
        double widestCat = 0;
        for (int c = 0; c < nCat; c++) {
            cats[c] = Gfx.ellipsize(Gfx.LABEL, f.categories().get(c), MAX_CATEGORY_LABEL);
            widestCat = Math.max(widestCat, Gfx.width(Gfx.LABEL, cats[c]));
        }
        // Many or long categories widen the figure instead of overlapping their labels.
        double minSlot = Math.max(widestCat + 14, Math.max(1, nGroup) * 12 / GROUP_FILL);
        double width = Math.max(WIDTH, left + right + nCat * minSlot);
        width = Math.max(width, Gfx.width(Gfx.TITLE, Gfx.str(f.title())) + 2 * Gfx.PAD);
        Rectangle2D.Double plot = new Rectangle2D.Double(left, top, width - left - right, height - top - bottom);

        Layout probe = new Layout(width, height, plot, yAxis, baseline, legend, legendTop, cats, false);
        boolean labels = nCat > 0 && nGroup > 0;
        double barWidth = nCat == 0 ? 0 : probe.bar(0, 0, nGroup)[1];
        for (int g = 0; g < nGroup && labels; g++) {
            for (int c = 0; c < nCat; c++) {
                double v = value(f.values(), g, c);
                if (Double.isFinite(v) && Gfx.width(Gfx.SMALL, Axis.sig(v, 3)) > barWidth + 2) labels = false;
            }
        }
        return new Layout(width, height, plot, yAxis, baseline, legend, legendTop, cats, labels);
    }

    static BufferedImage render(BarFigure f, double scale) {
        return drawing(f).raster(scale);
    }

    static Drawing drawing(BarFigure f) {
        Layout l = layout(f);
        return new Drawing(l.width, l.height, g -> paint(g, f, l));
    }

    private static void paint(Graphics2D g, BarFigure f, Layout l) {
        Rectangle2D.Double plot = l.plot;
        int nCat = f.categories().size();
        int nGroup = f.groups().size();

        g.setStroke(Gfx.stroke(1));
        g.setColor(Gfx.GRID);
        for (double v : l.y.ticks) g.draw(new Line2D.Double(plot.x, l.py(v), plot.getMaxX(), l.py(v)));

        Shape savedClip = g.getClip();
        g.clip(plot);
        double baseY = l.py(l.baseline);
        for (int c = 0; c < nCat; c++) {
            for (int gi = 0; gi < nGroup; gi++) {
                double v = value(f.values(), gi, c);
                if (!Double.isFinite(v)) continue;
                double[] b = l.bar(c, gi, nGroup);
                double vy = l.py(v);
                // A hairline gap keeps neighbouring bars of similar colour apart.
                double inset = Math.min(0.5, b[1] * 0.05);
                Rectangle2D.Double bar = new Rectangle2D.Double(b[0] + inset, Math.min(vy, baseY), b[1] - 2 * inset, Math.abs(baseY - vy));
                if (f.isFlagged(gi, c)) {
                    hatch(g, bar, Gfx.color(gi));
                } else {
                    g.setColor(Gfx.color(gi));
                    g.fill(bar);
                }
            }
        }
        for (int c = 0; c < nCat; c++) {
            for (int gi = 0; gi < nGroup; gi++) {
                double v = value(f.values(), gi, c);
                double e = value(f.errors(), gi, c);
                if (!Double.isFinite(v) || !Double.isFinite(e) || e == 0) continue;
                e = Math.abs(e);
                double[] b = l.bar(c, gi, nGroup);
                double cx = b[0] + b[1] / 2;
                double cap = Math.min(b[1] * 0.45, 12) / 2;
                double y1 = l.py(v - e), y2 = l.py(v + e);
                g.setColor(Gfx.TEXT);
                g.setStroke(Gfx.stroke(1.3));
                g.draw(new Line2D.Double(cx, y1, cx, y2));
                g.draw(new Line2D.Double(cx - cap, y1, cx + cap, y1));
                g.draw(new Line2D.Double(cx - cap, y2, cx + cap, y2));
            }
        }
        g.setClip(savedClip);
        Gfx.drawReferences(g, f.references(), plot, l::py);

        if (l.valueLabels) {
            g.setColor(Gfx.TEXT);
            for (int c = 0; c < nCat; c++) {
                for (int gi = 0; gi < nGroup; gi++) {
                    double v = value(f.values(), gi, c);
                    if (!Double.isFinite(v)) continue;
                    double e = value(f.errors(), gi, c);
                    e = Double.isFinite(e) ? Math.abs(e) : 0;
                    double[] b = l.bar(c, gi, nGroup);
                    boolean up = v >= l.baseline;
                    double y = up ? l.py(v + e) - 3 : l.py(v - e) + 3 + Gfx.ascent(Gfx.SMALL);
                    // A bar that reaches the top of the axis (100 %) carries its label inside, in white.
                    boolean inside = up && y - Gfx.ascent(Gfx.SMALL) < plot.y && l.py(v) >= plot.y - 0.5
                            && baseY - l.py(v) > 3 * Gfx.ascent(Gfx.SMALL);
                    if (inside) y = Math.max(plot.y, l.py(v)) + 3 + Gfx.ascent(Gfx.SMALL);
                    // Labels of bars that run off the axis would collide with the frame or title.
                    if (!inside && (y - Gfx.ascent(Gfx.SMALL) < plot.y || y > plot.getMaxY())) continue;
                    g.setColor(inside && !f.isFlagged(gi, c) ? java.awt.Color.WHITE : Gfx.TEXT);
                    Gfx.text(g, Gfx.SMALL, Axis.sig(v, 3), b[0] + b[1] / 2, y, 0.5);
                }
            }
        }

        if (l.baseline > l.y.lo && l.baseline < l.y.hi) {
            g.setColor(Gfx.FRAME);
            g.setStroke(Gfx.stroke(1));
            g.draw(new Line2D.Double(plot.x, baseY, plot.getMaxX(), baseY));
        }
        if (nCat == 0 || nGroup == 0) Gfx.message(g, "no data", plot);

        g.setColor(Gfx.FRAME);
        g.setStroke(Gfx.stroke(1));
        g.draw(plot);
        Ticks.yTicks(g, l.y, plot, l::py);
        double baseline = plot.getMaxY() + Gfx.TICK_LEN + 4 + Gfx.ascent(Gfx.LABEL);
        for (int c = 0; c < nCat; c++) {
            double cx = plot.x + (c + 0.5) * l.slot();
            g.setColor(Gfx.FRAME);
            g.draw(new Line2D.Double(cx, plot.getMaxY(), cx, plot.getMaxY() + Gfx.TICK_LEN));
            g.setColor(Gfx.TEXT);
            Gfx.text(g, Gfx.LABEL, l.categoryLabels[c], cx, baseline, 0.5);
        }
        Ticks.axisLabels(g, plot, f.xLabel(), f.yLabel(), l.height);
        Gfx.drawSubtitle(g, f.subtitle(), l.width, Gfx.drawTitle(g, f.title(), l.width));
        if (l.legend != null) {
            l.legend.draw(g, l.width / 2, l.legendTop, (gg, i, x, y, w, h) -> {
                gg.setColor(Gfx.color(i));
                gg.fill(new Rectangle2D.Double(x, y, w, h));
            });
        }
    }

    /** A flagged bar: a pale fill with diagonal stripes and an outline in the group's colour. */
    private static void hatch(Graphics2D g, Rectangle2D.Double bar, java.awt.Color color) {
        g.setColor(new java.awt.Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
        g.fill(bar);
        Shape saved = g.getClip();
        g.clip(bar);
        g.setColor(color);
        g.setStroke(Gfx.stroke(1.2));
        for (double x = bar.x - bar.height; x < bar.getMaxX(); x += 6) {
            g.draw(new Line2D.Double(x, bar.getMaxY(), x + bar.height, bar.y));
        }
        g.setClip(saved);
        g.draw(bar);
    }
}
