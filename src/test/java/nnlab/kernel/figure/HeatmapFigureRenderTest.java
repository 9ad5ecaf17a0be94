package nnlab.kernel.figure;

import static nnlab.kernel.figure.Pixels.renderBoth;
import static nnlab.kernel.figure.Pixels.rgb;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapFigureRenderTest {

    private static int cellColour(HeatmapFigure f, double scale, int row, int col) {
        HeatmapRenderer.Layout l = HeatmapRenderer.layout(f);
        double cw = l.plot().width / l.cols(), ch = l.plot().height / l.rows();
        return rgb(f.render(scale), (l.plot().x + (col + 0.5) * cw) * scale, (l.plot().y + (row + 0.5) * ch) * scale);
    }

    @Test
    void cellsHaveTheirColourMapColourWithRowZeroAtTheTop() {
        double[][] v = {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 12}};
        HeatmapFigure f = new HeatmapFigure("M", "col", "row", v, ColorMap.VIRIDIS);
        renderBoth(f);
        for (double scale : new double[] {1, 2, 3}) {
            assertEquals(ColorMap.VIRIDIS.argb(0) & 0xFFFFFF, cellColour(f, scale, 0, 0), "top-left = minimum");
            assertEquals(ColorMap.VIRIDIS.argb(1) & 0xFFFFFF, cellColour(f, scale, 2, 3), "bottom-right = maximum");
            assertEquals(ColorMap.VIRIDIS.argb(6 / 12.0) & 0xFFFFFF, cellColour(f, scale, 1, 2));
        }
    }

    @Test
    void divergingMapIsSymmetricSoZeroIsTheCentreColour() {
        assertEquals(0xFFF7F7F7, ColorMap.DIVERGING.argb(0.5), "the diverging map's centre is its neutral anchor");
        double[][] v = {{0, 1}, {-0.25, 0.5}};
        HeatmapFigure f = new HeatmapFigure("signed", "j", "i", v, ColorMap.DIVERGING);
        HeatmapRenderer.Layout l = HeatmapRenderer.layout(f);
        assertEquals(-1, l.lo(), 0);
        assertEquals(1, l.hi(), 0);
        assertEquals(0xF7F7F7, cellColour(f, 1, 0, 0), "0 drawn in the centre colour although the data are mostly positive");
        assertEquals(ColorMap.DIVERGING.argb(1) & 0xFFFFFF, cellColour(f, 2, 0, 1));
        assertEquals(ColorMap.DIVERGING.argb(0.375) & 0xFFFFFF, cellColour(f, 2, 1, 0));
        assertArrayEquals(new double[] {-1, 1}, HeatmapRenderer.range(new double[][] {{-0.2, 1}}, ColorMap.DIVERGING), 0);
        assertArrayEquals(new double[] {-0.2, 1}, HeatmapRenderer.range(new double[][] {{-0.2, 1}}, ColorMap.MAGMA), 0);
    }

    @Test
    void colourBarRunsFromMinimumAtTheBottomToMaximumAtTheTopWithTicks() {
        HeatmapFigure f = new HeatmapFigure("M", "x", "y", new double[][] {{2, 3}, {4, 7}}, ColorMap.MAGMA);
        HeatmapRenderer.Layout l = HeatmapRenderer.layout(f);
        BufferedImage img = f.render(2);
        double cx = l.bar().getCenterX() * 2;
        assertTrue(Pixels.near(rgb(img, cx, (l.bar().y + 1) * 2), ColorMap.MAGMA.argb(1), 8), "top of the bar");
        assertTrue(Pixels.near(rgb(img, cx, (l.bar().getMaxY() - 1) * 2), ColorMap.MAGMA.argb(0), 8), "bottom of the bar");
        assertTrue(l.bar().x > l.plot().getMaxX(), "bar right of the matrix");
        List<String> labels = List.of(l.barLabels());
        assertEquals("2", labels.get(0));
        assertEquals("7", labels.get(labels.size() - 1));
        assertTrue(labels.size() >= 3, "intermediate ticks: " + labels);
        for (double t : l.barTicks()) assertTrue(t >= 2 && t <= 7);
    }

    @Test
    void indexTickLabelsDoNotCrowd() {
        HeatmapFigure f = new HeatmapFigure("big", "key", "query", new double[300][300], ColorMap.VIRIDIS);
        HeatmapRenderer.Layout l = HeatmapRenderer.layout(f);
        assertTrue(l.xTicks().ticks.length >= 3 && l.xTicks().ticks.length <= 10);
        double spacing = l.plot().width * (l.xTicks().ticks[1] - l.xTicks().ticks[0]) / 300;
        assertTrue(spacing > Gfx.width(Gfx.TICK, "299"), "labels of width " + Gfx.width(Gfx.TICK, "299") + " spaced " + spacing);
    }

    /** A 1024 × 1024 matrix has cells smaller than a pixel; each block still shows in its own colour (bench times the render). */
    @Test
    void aMatrixLargerThanThePlotIsDrawnBlockByBlock() {
        double[][] v = new double[1024][1024];
        for (int i = 0; i < 1024; i++) for (int j = 0; j < 1024; j++) v[i][j] = (i < 512 ? 0 : 2) + (j < 512 ? 0 : 1);
        HeatmapFigure f = new HeatmapFigure("1024", "x", "y", v, ColorMap.VIRIDIS);
        HeatmapRenderer.Layout l = HeatmapRenderer.layout(f);
        double cw = l.plot().width / l.cols(), ch = l.plot().height / l.rows();
        for (double scale : new double[] {1, 2}) {
            BufferedImage img = f.render(scale);
            assertEquals(Math.round(l.width() * scale), img.getWidth(), 1.0, "the figure's size, not the matrix's");
            for (int[] block : new int[][] {{256, 256, 0}, {256, 768, 1}, {768, 256, 2}, {768, 768, 3}}) {
                double x = (l.plot().x + (block[1] + 0.5) * cw) * scale, y = (l.plot().y + (block[0] + 0.5) * ch) * scale;
                assertEquals(ColorMap.VIRIDIS.argb(block[2] / 3.0) & 0xFFFFFF, rgb(img, x, y),
                        "the block around cell (" + block[0] + ", " + block[1] + ") at " + scale + "x");
            }
        }
        assertTrue(l.plot().width <= HeatmapRenderer.MAX_PLOT, "the plot stays within its cap: " + l.plot().width);
    }

    @Test
    void nanCellsAreGreyAndDegenerateInputsRender() {
        double[][] v = {{Double.NaN, 1}, {2, 3}};
        assertEquals(0x808080, cellColour(new HeatmapFigure("nan", "x", "y", v, ColorMap.VIRIDIS), 1, 0, 0));
        List<HeatmapFigure> figures = List.of(
                new HeatmapFigure("Empty", "x", "y", new double[0][0], ColorMap.VIRIDIS),
                new HeatmapFigure("Empty rows", "x", "y", new double[3][0], ColorMap.GRAY),
                new HeatmapFigure("Constant", "x", "y", new double[][] {{5, 5}, {5, 5}}, ColorMap.VIRIDIS),
                new HeatmapFigure("Zeros", "x", "y", new double[4][4], ColorMap.DIVERGING),
                new HeatmapFigure("All NaN", "x", "y", new double[][] {{Double.NaN}}, ColorMap.MAGMA),
                new HeatmapFigure(null, null, null, new double[][] {{1, 2, 3}, {4}, null}, null),
                new HeatmapFigure("Infinite", "x", "y", new double[][] {{Double.NEGATIVE_INFINITY, 0, 1, Double.POSITIVE_INFINITY}}, ColorMap.VIRIDIS),
                new HeatmapFigure("Row vector", "x", "y", new double[1][500], ColorMap.VIRIDIS));
        for (HeatmapFigure f : figures) assertDoesNotThrow(() -> renderBoth(f), String.valueOf(f.title()));
        HeatmapFigure constant = figures.get(2);
        assertEquals(ColorMap.VIRIDIS.argb(0.5) & 0xFFFFFF, cellColour(constant, 1, 1, 1), "constant matrix in the middle colour");
    }
}
