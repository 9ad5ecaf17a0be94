package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reference lines, subtitles, fixed accuracy ranges and flagged bars: what makes a figure readable once shared. */
class ReadingAidsTest {

    private static LineFigure accuracy(double... y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        return new LineFigure("Validation accuracy", "epoch", "accuracy (%)", List.of(new LineFigure.Series("val", x, y)), false);
    }

    /** Pixels of the reference colour along a row of the plot: the dashed line is there. */
    private static int referencePixelsInRow(BufferedImage img, double y, double x0, double x1, double scale) {
        int row = (int) Math.round(y * scale);
        int n = 0;
        for (int x = (int) (x0 * scale) + 2; x < (int) (x1 * scale) - 2; x++) {
            for (int dy = -1; dy <= 1; dy++) {
                if ((img.getRGB(x, row + dy) & 0xFFFFFF) == (Gfx.REFERENCE.getRGB() & 0xFFFFFF)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    @Test
    void aChanceLineIsDrawnAtItsLevelAndKeptInViewOfAnAutomaticAxis() {
        LineFigure f = accuracy(80, 90, 95).withReferences(List.of(ReferenceLine.chancePercent(2)));
        LineRenderer.Layout l = LineRenderer.layout(f);
        assertTrue(l.y().lo <= 50 && l.y().hi >= 95, "the axis holds the data and the 50 % line: " + l.y().lo + "–" + l.y().hi);
        BufferedImage img = f.render(2);
        int onLine = referencePixelsInRow(img, l.py(50), l.plot().x, l.plot().getMaxX(), 2);
        // Dashed 6 on, 4 off: well over half the row, minus the label's box at the right end.
        assertTrue(onLine > l.plot().width * 2 * 0.35, "dashed line at 50 %: " + onLine + " px");
        assertTrue(referencePixelsInRow(img, l.py(70), l.plot().x, l.plot().getMaxX(), 2) < 5, "nothing of the kind at 70 %");
        assertEquals("chance 50 %", ReferenceLine.chancePercent(2).label());
        assertEquals(Math.log(7), ReferenceLine.uniformLoss(7).y(), 1e-12);
    }

    @Test
    void referenceLinesAreInTheExportedVectorsAndSurviveARedraw() throws Exception {
        BarFigure bars = new BarFigure("Test accuracy", "test accuracy (%)", List.of("valid", "same"), List.of("Net1"),
                new double[][] {{5, 93}}, null, 0, 100).withXLabel("padding").withSubtitle("2 epochs · 1 round")
                .withReferences(List.of(ReferenceLine.chancePercent(2))).withFlagged(new boolean[][] {{true, false}});
        String svg = SvgDocument.document(bars.drawing());
        assertTrue(svg.contains("chance 50 %"), "the line's label is in the SVG");
        assertTrue(svg.contains("2 epochs · 1 round") && svg.contains("padding"), "subtitle and x-axis title too");

        Optional<String> recipe = FigureRecipes.recipe(bars);
        BarFigure again = (BarFigure) FigureRecipes.rebuild(recipe.orElseThrow(), bars.toCsv());
        assertEquals(bars.references(), again.references());
        assertEquals("padding", again.xLabel());
        assertEquals("2 epochs · 1 round", again.subtitle());
        assertTrue(again.isFlagged(0, 0) && !again.isFlagged(0, 1), "the flag survives");

        LineFigure line = accuracy(60, 70).withPercentAxis().withReferences(List.of(new ReferenceLine(10, "chance 10 %")))
                .withSubtitle("Fashion-MNIST · 3 epochs");
        LineFigure redrawn = (LineFigure) FigureRecipes.rebuild(FigureRecipes.recipe(line).orElseThrow(), line.toCsv());
        assertEquals(line.references(), redrawn.references());
        assertEquals(100, redrawn.yMax());
        assertEquals("Fashion-MNIST · 3 epochs", redrawn.subtitle());
    }

    @Test
    void anAccuracyAxisNeverGoesBeyondOneHundred() {
        // All 100 %: an automatic axis would run 90–110.
        LineRenderer.Layout full = LineRenderer.layout(accuracy(100, 100, 100).withPercentAxis());
        assertEquals(0, full.y().lo);
        assertEquals(100, full.y().hi);
        // Only an upper bound: the padded data range stops at 100.
        LineRenderer.Layout capped = LineRenderer.layout(accuracy(97, 99, 100).withYRange(Double.NaN, 100));
        assertEquals(100, capped.y().hi, 1e-9);
        assertTrue(capped.y().lo < 97 && capped.y().lo > 90, "still a close-up: " + capped.y().lo);
        for (double t : capped.y().ticks) assertTrue(t <= 100, "tick " + t);
        BarRenderer.Layout bars = BarRenderer.layout(new BarFigure("b", "acc", List.of("a"), List.of("g"),
                new double[][] {{100}}, new double[][] {{3}}, 0, 100));
        assertEquals(100, bars.y().hi, 1e-9);
    }

    @Test
    void oneEpochTicksWholeEpochs() {
        LineRenderer.Layout l = LineRenderer.layout(accuracy(55));
        assertTrue(l.x().ticks.length >= 2, "more than one tick");
        for (double t : l.x().ticks) assertEquals(Math.rint(t), t, 1e-12, "tick " + t);
        assertTrue(l.x().lo < 1 && l.x().hi > 1, "the point is inside");
    }

    @Test
    void aSubtitleAddsItsLinesAboveThePlotAndALongLegendGoesBesideIt() {
        LineFigure plain = accuracy(50, 60);
        LineFigure sub = plain.withSubtitle("2 epochs · 1 round\nvalid: 0 % = learned top vs bottom");
        assertTrue(LineRenderer.layout(sub).plot().y > LineRenderer.layout(plain).plot().y, "the plot starts lower");
        assertEquals(LineRenderer.layout(plain).plot().height, LineRenderer.layout(sub).plot().height, 1e-9, "and keeps its height");

        LineFigure.Builder many = new LineFigure.Builder();
        for (int s = 0; s < 40; s++) for (int e = 1; e <= 3; e++) many.add("a rather long series name " + s, e, s + e);
        LineFigure f = many.build("Many", "epoch", "y", false);
        LineRenderer.Layout l = LineRenderer.layout(f, 640, 270);
        assertTrue(l.legendBeside(), "forty names do not go in rows above the plot");
        assertTrue(l.legend().height() <= l.plot().height + 1e-9, "legend " + l.legend().height() + " > plot " + l.plot().height);
        assertTrue(l.plot().getMaxX() + l.legend().width() <= 640, "legend inside the canvas");
        assertEquals(270, l.height(), 1e-9, "the canvas does not grow with the legend");
    }
}
