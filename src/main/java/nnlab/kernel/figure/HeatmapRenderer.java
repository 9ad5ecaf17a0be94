package nnlab.kernel.figure;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A matrix as coloured cells (row 0 at the top) with index ticks and a vertical colour bar. */
final class HeatmapRenderer {
    private HeatmapRenderer() { }

    static final double MAX_PLOT = 420;
    static final double MAX_CELL = 48;
    static final double MIN_PLOT = 140;
    static final double BAR_GAP = 18;
    static final double BAR_WIDTH = 16;
    static final int BAR_STEPS = 256;

    record Layout(double width, double height, Rectangle2D.Double plot, Rectangle2D.Double bar, int rows, int cols,
                  Axis xTicks, Axis yTicks, double lo, double hi, double[] barTicks, String[] barLabels) {
        /** Colour-map position of a value: 0 at lo, 1 at hi. */
        double t(double v) {
            return (v - lo) / (hi - lo);
        }

        double barY(double v) {
            return bar.getMaxY() - t(v) * bar.height;
        }
    }

    static int columns(double[][] values) {
        int cols = 0;
        if (values != null) for (double[] row : values) if (row != null) cols = Math.max(cols, row.length);
        return cols;
    }

    /** The colour range: the finite data range, made symmetric about 0 for a diverging map. */
    static double[] range(double[][] values, ColorMap map) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        if (values != null) {
            for (double[] row : values) {
                if (row == null) continue;
                for (double v : row) {
                    if (!Double.isFinite(v)) continue;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) return map.diverging() ? new double[] {-1, 1} : new double[] {0, 1};
        if (map.diverging()) {
            double m = Math.max(Math.abs(min), Math.abs(max));
            if (m == 0) m = 1;
            return new double[] {-m, m};
        }
        if (min == max) {
            double d = min == 0 ? 0.5 : Math.abs(min) * 0.5;
            return new double[] {min - d, max + d};
        }
        return new double[] {min, max};
    }

    static Layout layout(HeatmapFigure f) {
        ColorMap map = f.colorMap() == null ? ColorMap.VIRIDIS : f.colorMap();
        int rows = f.values() == null ? 0 : f.values().length;
        int cols = columns(f.values());
        double cell = Math.min(MAX_CELL, MAX_PLOT / Math.max(1, Math.max(rows, cols)));
        double plotW = Math.min(MAX_PLOT, Math.max(MIN_PLOT, cols * cell));
        double plotH = Math.min(MAX_PLOT, Math.max(MIN_PLOT, rows * cell));
        double[] range = range(f.values(), map);

        double tickH = Gfx.height(Gfx.TICK);
        Axis xTicks = Axis.indices(cols, 10);
        for (int max = 10; max > 1; max--) {
            xTicks = Axis.indices(cols, max);
            double widest = Gfx.width(Gfx.TICK, String.valueOf(Math.max(0, cols - 1)));
            if (xTicks.ticks.length < 2 || plotW * (xTicks.ticks[1] - xTicks.ticks[0]) / Math.max(1, cols) >= widest + 10) break;
        }
        Axis yTicks = Axis.indices(rows, 10);
        for (int max = 10; max > 1; max--) {
            yTicks = Axis.indices(rows, max);
            if (yTicks.ticks.length < 2 || plotH * (yTicks.ticks[1] - yTicks.ticks[0]) / Math.max(1, rows) >= tickH + 4) break;
        }

        double top = Gfx.PAD + Gfx.titleHeight(f.title()) + 12;
        double yTickW = 0;
        for (String l : yTicks.labels) yTickW = Math.max(yTickW, Gfx.width(Gfx.TICK, l));
        double yLabelW = Gfx.str(f.yLabel()).isEmpty() ? 0 : Gfx.height(Gfx.LABEL) + 8;
        double left = Gfx.PAD + yLabelW + yTickW + Gfx.TICK_LEN + 5;
        double xLabelH = Gfx.str(f.xLabel()).isEmpty() ? 0 : Gfx.height(Gfx.LABEL) + 6;
        double bottom = Gfx.TICK_LEN + 4 + tickH + xLabelH + Gfx.PAD;

        // Colour-bar ticks: the exact ends plus nice values not too close to them.
        Axis inner = Axis.fixed(range[0], range[1], 6);
        List<Double> ticks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        ticks.add(range[0]);
        labels.add(endLabel(range[0], inner));
        double minGap = (tickH + 2) / plotH * (range[1] - range[0]);
        for (int i = 0; i < inner.ticks.length; i++) {
            double v = inner.ticks[i];
            if (v - range[0] < minGap || range[1] - v < minGap) continue;
            ticks.add(v);
            labels.add(inner.labels[i]);
        }
        ticks.add(range[1]);
        labels.add(endLabel(range[1], inner));
        double barLabelW = 0;
        for (String l : labels) barLabelW = Math.max(barLabelW, Gfx.width(Gfx.TICK, l));
        double right = BAR_GAP + BAR_WIDTH + Gfx.TICK_LEN + 3 + barLabelW + Gfx.PAD;

        double contentW = left + plotW + right;
        double width = Math.max(contentW, Gfx.width(Gfx.TITLE, Gfx.str(f.title())) + 2 * Gfx.PAD);
        double shift = (width - contentW) / 2;
        double height = top + plotH + bottom;
        Rectangle2D.Double plot = new Rectangle2D.Double(left + shift, top, plotW, plotH);
        Rectangle2D.Double bar = new Rectangle2D.Double(plot.getMaxX() + BAR_GAP, top, BAR_WIDTH, plotH);
        return new Layout(width, height, plot, bar, rows, cols, xTicks, yTicks, range[0], range[1],
                ticks.stream().mapToDouble(Double::doubleValue).toArray(), labels.toArray(new String[0]));
    }

    /** An end of the colour bar that (almost) is a nice tick is labelled like the other ticks. */
    private static String endLabel(double v, Axis inner) {
        double step = inner.ticks.length > 1 ? inner.ticks[1] - inner.ticks[0] : Math.abs(inner.hi - inner.lo);
        for (int i = 0; i < inner.ticks.length; i++) {
            if (Math.abs(inner.ticks[i] - v) < step * 1e-3) return inner.labels[i];
        }
        return Axis.sig(v, 3);
    }

    static BufferedImage render(HeatmapFigure f, double scale) {
        return drawing(f).raster(scale);
    }

    static Drawing drawing(HeatmapFigure f) {
        Layout l = layout(f);
        return new Drawing(l.width, l.height, g -> paint(g, f, l));
    }

    private static void paint(Graphics2D g, HeatmapFigure f, Layout l) {
        ColorMap map = f.colorMap() == null ? ColorMap.VIRIDIS : f.colorMap();
        Rectangle2D.Double plot = l.plot;

        if (l.rows > 0 && l.cols > 0) {
            // One source pixel per cell, enlarged nearest-neighbour: fast even for 1024×1024.
            int[] px = new int[l.rows * l.cols];
            for (int r = 0; r < l.rows; r++) {
                double[] row = f.values()[r];
                for (int c = 0; c < l.cols; c++) {
                    double v = row != null && c < row.length ? row[c] : Double.NaN;
                    px[r * l.cols + c] = map.argb(Double.isNaN(v) ? Double.NaN : l.t(v));
                }
            }
            BufferedImage cells = new BufferedImage(l.cols, l.rows, BufferedImage.TYPE_INT_RGB);
            cells.setRGB(0, 0, l.cols, l.rows, px, 0, l.cols);
            Gfx.drawScaled(g, cells, plot);
        } else {
            Gfx.message(g, "empty matrix", plot);
        }

        int[] grad = new int[BAR_STEPS];
        for (int i = 0; i < BAR_STEPS; i++) grad[i] = map.argb(1 - (i + 0.5) / BAR_STEPS);
        BufferedImage gradient = new BufferedImage(1, BAR_STEPS, BufferedImage.TYPE_INT_RGB);
        gradient.setRGB(0, 0, 1, BAR_STEPS, grad, 0, 1);
        Gfx.drawScaled(g, gradient, l.bar);

        g.setColor(Gfx.FRAME);
        g.setStroke(Gfx.stroke(1));
        g.draw(plot);
        g.draw(l.bar);
        double cellW = plot.width / Math.max(1, l.cols), cellH = plot.height / Math.max(1, l.rows);
        if (l.cols > 0) Ticks.xTicks(g, l.xTicks, plot, i -> plot.x + (i + 0.5) * cellW);
        if (l.rows > 0) Ticks.yTicks(g, l.yTicks, plot, i -> plot.y + (i + 0.5) * cellH);
        for (int i = 0; i < l.barTicks.length; i++) {
            double y = l.barY(l.barTicks[i]);
            g.setColor(Gfx.FRAME);
            g.draw(new Line2D.Double(l.bar.getMaxX(), y, l.bar.getMaxX() + Gfx.TICK_LEN, y));
            g.setColor(Gfx.TEXT);
            Gfx.textMid(g, Gfx.TICK, l.barLabels[i], l.bar.getMaxX() + Gfx.TICK_LEN + 3, y, 0);
        }
        Ticks.axisLabels(g, plot, f.xLabel(), f.yLabel(), l.height);
        Gfx.drawTitle(g, f.title(), l.width);
    }

}
