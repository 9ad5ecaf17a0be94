package nnlab.kernel.figure;

import static nnlab.kernel.figure.Pixels.count;
import static nnlab.kernel.figure.Pixels.renderBoth;
import static nnlab.kernel.figure.Pixels.rgb;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarFigureRenderTest {
    private static final int BLUE = Gfx.color(0).getRGB() & 0xFFFFFF;
    private static final int ORANGE = Gfx.color(1).getRGB() & 0xFFFFFF;

    private static BarFigure single(double value, double error, double yMin, double yMax) {
        return new BarFigure("Accuracy", "accuracy", List.of("valid"), List.of("Net1"),
                new double[][] {{value}}, new double[][] {{error}}, yMin, yMax);
    }

    @Test
    void groupedBarsRenderAtOneAndTwoTimesWithALegend() {
        BarFigure f = new BarFigure("Accuracy by padding", "accuracy", List.of("valid", "same", "full"), List.of("Net1", "Net2"),
                new double[][] {{0.96, 0.97, 0.968}, {0.98, 0.987, 0.97}}, new double[][] {{0.004, 0.003, 0.005}, {0.002, 0.002, 0.01}},
                0.9, 1.0);
        BufferedImage img = renderBoth(f);
        assertTrue(count(img, BLUE) > 1000 && count(img, ORANGE) > 1000);
        BarRenderer.Layout l = BarRenderer.layout(f);
        assertNotNull(l.legend());
        assertEquals(0.9, l.y().lo, 1e-12);
        assertEquals(1.0, l.y().hi, 1e-12);
        double[] netTwoSame = l.bar(1, 1, 2);
        assertEquals(ORANGE, rgb(img, netTwoSame[0] + netTwoSame[1] / 4, l.py(0.95)), "Net2 bar in category 'same'");
        double[] netOneSame = l.bar(1, 0, 2);
        assertTrue(netOneSame[0] + netOneSame[1] <= netTwoSame[0] + 1e-9, "groups side by side");
        assertNull(BarRenderer.layout(single(0.5, 0, 0, 1)).legend(), "one group needs no legend");
    }

    @Test
    void barTopSitsAtItsValueOnTheGivenAxisRange() {
        BarFigure f = single(0.75, 0, 0.5, 1.0);
        BarRenderer.Layout l = BarRenderer.layout(f);
        assertEquals(l.plot().getCenterY(), l.py(0.75), 1e-6, "0.75 is half way up [0.5, 1]");
        BufferedImage img = f.render(1);
        double[] b = l.bar(0, 0, 1);
        double x = b[0] + b[1] / 4;
        assertEquals(BLUE, rgb(img, x, l.py(0.75) + 3), "inside the bar just below its top");
        assertEquals(BLUE, rgb(img, x, l.plot().getMaxY() - 3), "bar rises from the bottom of the axis");
        assertNotEquals(BLUE, rgb(img, x, l.py(0.75) - 3), "nothing of the bar above its value");
    }

    @Test
    void errorBarsSpanPlusMinusTheError() {
        BarRenderer.Layout l = BarRenderer.layout(single(0.7, 0.1, 0, 1));
        double[] b = l.bar(0, 0, 1);
        double cx = b[0] + b[1] / 2;
        BufferedImage with = single(0.7, 0.1, 0, 1).render(2);
        BufferedImage without = single(0.7, 0, 0, 1).render(2);
        int dark = 0x444444;
        assertTrue(Pixels.near(rgb(with, cx * 2, l.py(0.76) * 2), Gfx.TEXT.getRGB(), 0x30), "whisker above the bar");
        assertTrue(Pixels.near(rgb(with, cx * 2, l.py(0.795) * 2), Gfx.TEXT.getRGB(), 0x30), "whisker up to v + e");
        assertNotEquals(Gfx.TEXT.getRGB() & 0xFFFFFF, rgb(with, cx * 2, l.py(0.85) * 2), "and no further");
        assertTrue(!Pixels.near(rgb(without, cx * 2, l.py(0.76) * 2), dark, 0x40), "no whisker without an error");
        assertTrue(Pixels.near(rgb(with, cx * 2, l.py(0.64) * 2), Gfx.TEXT.getRGB(), 0x30), "whisker down into the bar");
    }

    @Test
    void nanValueDrawsNoBar() {
        assertEquals(0, count(single(Double.NaN, 0.1, Double.NaN, Double.NaN).render(1), BLUE));
        assertTrue(count(single(0.5, 0.1, Double.NaN, Double.NaN).render(1), BLUE) > 1000);
        BarFigure partial = new BarFigure("t", "y", List.of("a", "b"), List.of("g1", "g2"),
                new double[][] {{1, 2}, {Double.NaN, 3}}, null, Double.NaN, Double.NaN);
        BarRenderer.Layout l = BarRenderer.layout(partial);
        BufferedImage img = partial.render(1);
        double[] missing = l.bar(0, 1, 2);
        assertNotEquals(ORANGE, rgb(img, missing[0] + missing[1] / 2, l.plot().getMaxY() - 3));
        double[] present = l.bar(1, 1, 2);
        assertEquals(ORANGE, rgb(img, present[0] + present[1] / 4, l.plot().getMaxY() - 3));
    }

    @Test
    void automaticRangeIncludesZeroAndTheErrors() {
        BarRenderer.Layout l = BarRenderer.layout(new BarFigure("t", "y", List.of("a", "b"), List.of("g"),
                new double[][] {{0.3, -0.2}}, new double[][] {{0.05, 0.01}}, Double.NaN, Double.NaN));
        assertTrue(l.y().lo <= -0.21 && l.y().hi >= 0.35, l.y().lo + ".." + l.y().hi);
        assertEquals(0, l.baseline(), 0);
        BarRenderer.Layout half = BarRenderer.layout(single(5, 1, 2, Double.NaN));
        assertEquals(2, half.y().lo, 0, "a finite yMin is kept even when yMax is automatic");
        assertTrue(half.y().hi >= 6);
    }

    @Test
    void degenerateInputsRenderWithoutExceptions() {
        List<BarFigure> figures = List.of(
                new BarFigure("Empty", "y", List.of(), List.of(), new double[0][0], null, Double.NaN, Double.NaN),
                new BarFigure("No groups", "y", List.of("a"), List.of(), new double[0][0], null, Double.NaN, Double.NaN),
                single(0, 0, Double.NaN, Double.NaN),
                single(Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                single(5, 1, 1, 1),
                single(-3, 1, Double.NaN, Double.NaN),
                new BarFigure(null, null, List.of("a", "b"), List.of("g"), new double[][] {{1}}, new double[][] {}, Double.NaN, Double.NaN));
        for (BarFigure f : figures) assertDoesNotThrow(() -> renderBoth(f), String.valueOf(f.title()));
    }

    @Test
    void manyCategoriesWidenTheFigureInsteadOfOverlappingLabels() {
        List<String> cats = new java.util.ArrayList<>();
        double[][] v = new double[1][30];
        for (int i = 0; i < 30; i++) {
            cats.add("category " + i);
            v[0][i] = i;
        }
        BufferedImage img = new BarFigure("Many", "y", cats, List.of("g"), v, null, Double.NaN, Double.NaN).render(1);
        assertTrue(img.getWidth() > 30 * Gfx.width(Gfx.LABEL, "category 29"), "width " + img.getWidth());
    }
}
