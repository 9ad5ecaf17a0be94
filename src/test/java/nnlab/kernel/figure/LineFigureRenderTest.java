package nnlab.kernel.figure;

import static nnlab.kernel.figure.Pixels.count;
import static nnlab.kernel.figure.Pixels.renderBoth;
import static nnlab.kernel.figure.Pixels.rgb;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFigureRenderTest {

    private static LineFigure oneSeries(double[] y, boolean logY) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return new LineFigure("Loss", "epoch", "loss", List.of(new LineFigure.Series("train", x, y)), logY);
    }

    @Test
    void rendersAtOneAndTwoTimesWithTheSeriesColour() {
        LineFigure f = oneSeries(new double[] {2.0, 1.2, 0.8, 0.6, 0.5, 0.45}, false);
        BufferedImage img = renderBoth(f);
        assertTrue(img.getWidth() >= 600 && img.getHeight() >= 380, img.getWidth() + "x" + img.getHeight());
        // One series: no legend, so every pixel of this colour belongs to the curve or its markers.
        assertTrue(count(img, Gfx.color(0)) > 200, "curve drawn in the first palette colour");
        assertTrue(count(f.render(2), Gfx.color(0)) > 3 * count(img, Gfx.color(0)), "2x strokes are wider, not just longer");
    }

    @Test
    void curvePassesThroughItsDataPoints() {
        LineFigure f = oneSeries(new double[] {1, 3, 2, 5}, false);
        LineRenderer.Layout l = LineRenderer.layout(f);
        BufferedImage img = f.render(2);
        for (int i = 0; i < 4; i++) {
            double x = l.px(i) * 2, y = l.py(f.series().get(0).y()[i]) * 2;
            assertEquals(Gfx.color(0).getRGB() & 0xFFFFFF, rgb(img, x, y), "point " + i);
        }
        assertTrue(l.py(5) < l.py(1), "larger values are higher up");
        assertTrue(l.plot().contains(l.px(0), l.py(1)) && l.plot().contains(l.px(3), l.py(5)), "data inside the plot area");
    }

    @Test
    void eachSeriesHasItsOwnColourAndALegendAppearsForSeveral() {
        LineFigure.Builder b = new LineFigure.Builder();
        for (int e = 1; e <= 20; e++) {
            b.add("train", e, 1.0 / e);
            b.add("test", e, 1.5 / e);
            b.add("val", e, 2.0 / e);
        }
        LineFigure f = b.build("Loss", "epoch", "loss", false);
        BufferedImage img = renderBoth(f);
        for (int i = 0; i < 3; i++) assertTrue(count(img, Gfx.color(i)) > 100, "series " + i);
        assertNotNull(LineRenderer.layout(f).legend());
        assertNull(LineRenderer.layout(oneSeries(new double[] {1, 2}, false)).legend());
        assertTrue(img.getHeight() > oneSeries(new double[] {1, 2}, false).render(1).getHeight(), "legend gets its own room");
    }

    @Test
    void epochsTickAtWholeNumbersAndAnyWidthKeepsTheTextSize() {
        LineFigure f = oneSeries(new double[] {0.9, 0.7, 0.6, 0.55}, false);
        for (double width : new double[] {320, 640, 1200}) {
            LineRenderer.Layout l = LineRenderer.layout(f, width, 270);
            assertEquals(width, l.width());
            assertTrue(l.x().ticks.length >= 2, "x ticks at width " + width);
            for (double t : l.x().ticks) assertEquals(Math.rint(t), t, 1e-9, "a tick between epochs at width " + width);
            assertEquals(width, f.render(1, width, 270).getWidth(), 1);
        }
        LineFigure fractional = new LineFigure("f", "x", "y",
                List.of(new LineFigure.Series("s", new double[] {0.1, 0.2, 0.35}, new double[] {1, 2, 3})), false);
        assertTrue(java.util.Arrays.stream(LineRenderer.layout(fractional).x().ticks).anyMatch(t -> t != Math.rint(t)),
                "fractional data keeps fractional ticks");
    }

    @Test
    void anEmptyChartTicksWholeNumbersAndOnePointTicksItsOwnNumber() {
        LineFigure empty = new LineFigure("Loss", "epoch", "loss", List.of(), false);
        LineFigure emptySeries = new LineFigure("Loss", "epoch", "loss",
                List.of(new LineFigure.Series("train", new double[0], new double[0])), false);
        LineFigure onePoint = new LineFigure("Loss", "epoch", "loss",
                List.of(new LineFigure.Series("train", new double[] {1}, new double[] {0.7})), false);
        for (LineFigure f : List.of(empty, emptySeries, onePoint)) {
            for (double width : new double[] {320, 640}) {
                double[] ticks = LineRenderer.layout(f, width, 270).x().ticks;
                assertTrue(ticks.length >= 2, f.series() + " at " + width + ": " + java.util.Arrays.toString(ticks));
                for (double t : ticks) assertEquals(Math.rint(t), t, 1e-9, "a tick between epochs: " + java.util.Arrays.toString(ticks));
            }
        }
        assertTrue(java.util.Arrays.stream(LineRenderer.layout(onePoint).x().ticks).anyMatch(t -> t == 1), "the point's epoch is ticked");
    }

    @Test
    void nanBreaksTheLine() {
        double[] full = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double[] gap = full.clone();
        gap[5] = Double.NaN;
        assertTrue(colouredPixelsBetween(oneSeries(full, false), 4, 6) > 20, "unbroken line crosses x=5");
        assertEquals(0, colouredPixelsBetween(oneSeries(gap, false), 4, 6), "no line across the NaN");
    }

    /** Series-coloured pixels on the curve's row strictly between points a and b (clear of the markers). */
    private static int colouredPixelsBetween(LineFigure f, int a, int b) {
        LineRenderer.Layout l = LineRenderer.layout(f);
        BufferedImage img = f.render(1);
        int y = (int) Math.floor(l.py(1));
        int n = 0;
        for (int x = (int) l.px(a) + 6; x < (int) l.px(b) - 6; x++) {
            if ((img.getRGB(x, y) & 0xFFFFFF) == (Gfx.color(0).getRGB() & 0xFFFFFF)) n++;
        }
        return n;
    }

    @Test
    void logAxisUsesDecadesAndSkipsNonPositiveValues() {
        LineFigure f = oneSeries(new double[] {0, -1, 100, 10, 1, 0.1, 0.01}, true);
        LineRenderer.Layout l = LineRenderer.layout(f);
        assertTrue(l.y().log);
        assertTrue(l.y().lo <= 0.01 && l.y().hi >= 100);
        for (double t : new double[] {0.01, 0.1, 1, 10, 100}) {
            assertTrue(java.util.Arrays.stream(l.y().ticks).anyMatch(v -> Math.abs(v - t) < t * 1e-9), "tick at " + t);
        }
        assertEquals(l.py(0.1) - l.py(1), l.py(1) - l.py(10), 1e-6, "decades equally spaced");
        BufferedImage img = renderBoth(f);
        assertTrue(count(img, Gfx.color(0)) > 100);
    }

    @Test
    void degenerateInputsRenderWithoutExceptions() {
        List<LineFigure> figures = List.of(
                new LineFigure("Empty", "x", "y", List.of(), false),
                new LineFigure("Empty series", "x", "y", List.of(new LineFigure.Series("a", new double[0], new double[0])), false),
                new LineFigure(null, null, null, List.of(new LineFigure.Series(null, new double[] {1}, new double[] {5})), false),
                oneSeries(new double[] {0.7, 0.7, 0.7}, false),
                oneSeries(new double[] {Double.NaN, Double.NaN}, false),
                oneSeries(new double[] {0, 0, -3}, true),
                oneSeries(new double[] {Double.POSITIVE_INFINITY, 1, 2}, false),
                new LineFigure("Mismatched", "x", "y", List.of(new LineFigure.Series("a", new double[] {1, 2, 3}, new double[] {1})), false));
        for (LineFigure f : figures) assertDoesNotThrow(() -> renderBoth(f), f.title());
    }

    @Test
    void singlePointAndConstantSeriesAreStillVisible() {
        BufferedImage single = new LineFigure("One", "x", "y",
                List.of(new LineFigure.Series("a", new double[] {3}, new double[] {0.5})), false).render(1);
        assertTrue(count(single, Gfx.color(0)) >= 12, "a lone point gets a marker");
        LineFigure flat = oneSeries(new double[] {0.7, 0.7, 0.7}, false);
        LineRenderer.Layout l = LineRenderer.layout(flat);
        assertEquals(l.plot().getCenterY(), l.py(0.7), 1e-6, "constant series in the middle, not on the frame");
        assertTrue(count(flat.render(1), Gfx.color(0)) > 200);
    }
}
