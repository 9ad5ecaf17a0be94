package nnlab.kernel.figure;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleUnaryOperator;

/** Tick marks, tick labels and axis titles around a rectangular plot area. */
final class Ticks {
    private Ticks() { }

    static void yTicks(Graphics2D g, Axis axis, Rectangle2D.Double plot, DoubleUnaryOperator toY) {
        g.setStroke(Gfx.stroke(1));
        for (int i = 0; i < axis.ticks.length; i++) {
            double y = toY.applyAsDouble(axis.ticks[i]);
            g.setColor(Gfx.FRAME);
            g.draw(new Line2D.Double(plot.x - Gfx.TICK_LEN, y, plot.x, y));
            g.setColor(Gfx.TEXT);
            Gfx.textMid(g, Gfx.TICK, axis.labels[i], plot.x - Gfx.TICK_LEN - 3, y, 1);
        }
    }

    static void xTicks(Graphics2D g, Axis axis, Rectangle2D.Double plot, DoubleUnaryOperator toX) {
        g.setStroke(Gfx.stroke(1));
        double baseline = plot.getMaxY() + Gfx.TICK_LEN + 3 + Gfx.ascent(Gfx.TICK);
        for (int i = 0; i < axis.ticks.length; i++) {
            double x = toX.applyAsDouble(axis.ticks[i]);
            g.setColor(Gfx.FRAME);
            g.draw(new Line2D.Double(x, plot.getMaxY(), x, plot.getMaxY() + Gfx.TICK_LEN));
            g.setColor(Gfx.TEXT);
            Gfx.text(g, Gfx.TICK, axis.labels[i], x, baseline, 0.5);
        }
    }

    /** x label centred under the plot at the bottom of the canvas, y label rotated at the far left. */
    static void axisLabels(Graphics2D g, Rectangle2D.Double plot, String xLabel, String yLabel, double canvasHeight) {
        g.setColor(Gfx.TEXT);
        if (!Gfx.str(xLabel).isEmpty()) {
            Gfx.text(g, Gfx.LABEL, Gfx.ellipsize(Gfx.LABEL, xLabel, plot.width), plot.getCenterX(),
                    canvasHeight - Gfx.PAD - Gfx.descent(Gfx.LABEL), 0.5);
        }
        if (!Gfx.str(yLabel).isEmpty()) {
            Gfx.textVertical(g, Gfx.LABEL, Gfx.ellipsize(Gfx.LABEL, yLabel, plot.height), Gfx.PAD + Gfx.height(Gfx.LABEL) / 2,
                    plot.getCenterY());
        }
    }

    /** The frame, ticks and axis labels of an x–y chart, drawn over its data. */
    static void xyAxes(Graphics2D g, Rectangle2D.Double plot, Axis x, Axis y, DoubleUnaryOperator toX, DoubleUnaryOperator toY,
                       String xLabel, String yLabel, double canvasHeight) {
        g.setColor(Gfx.FRAME);
        g.setStroke(Gfx.stroke(1));
        g.draw(plot);
        yTicks(g, y, plot, toY);
        xTicks(g, x, plot, toX);
        g.setColor(Gfx.TEXT);
        axisLabels(g, plot, xLabel, yLabel, canvasHeight);
    }
}
