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

class ScatterFigureRenderTest {

    private static ScatterFigure twoGroups() {
        return new ScatterFigure("Embeddings", "pc 1", "pc 2", List.of(
                new ScatterFigure.Group("class 0", new double[] {-2, -1.5, -1}, new double[] {0.5, 1, 0.2}),
                new ScatterFigure.Group("class 1", new double[] {1, 2, 3}, new double[] {-1, -0.5, -2})));
    }

    @Test
    void eachPointIsADotOfItsGroupColourAtItsPosition() {
        ScatterFigure f = twoGroups();
        BufferedImage img = renderBoth(f);
        ScatterRenderer.Layout l = ScatterRenderer.layout(f);
        BufferedImage two = f.render(2);
        for (int gi = 0; gi < 2; gi++) {
            ScatterFigure.Group g = f.groups().get(gi);
            for (int i = 0; i < g.x().length; i++) {
                double x = l.px(g.x()[i]), y = l.py(g.y()[i]);
                assertTrue(l.plot().contains(x, y), "inside the plot");
                assertEquals(Gfx.color(gi).getRGB() & 0xFFFFFF, rgb(two, x * 2, y * 2), g.name() + " point " + i);
            }
            assertTrue(count(img, Gfx.color(gi)) >= 3 * 12, "three dots and a legend swatch of " + g.name());
        }
        assertNotNull(l.legend(), "several groups get a legend");
        assertTrue(l.px(3) > l.px(-2) && l.py(1) < l.py(-2), "x grows to the right, y upwards");
    }

    @Test
    void tinySpreadsKeepTheirOwnScaleOnTheAxes() {
        // A collapsed embedding: the axes zoom in and their labels show how small the spread is.
        ScatterFigure f = new ScatterFigure("Collapsed", "x", "y",
                List.of(new ScatterFigure.Group("all", new double[] {1e-5, -2e-5, 3e-5}, new double[] {0, 1e-5, -1e-5})));
        ScatterRenderer.Layout l = ScatterRenderer.layout(f);
        assertNull(l.legend(), "one group, no legend");
        assertTrue(l.x().hi - l.x().lo < 1e-4, "x range follows the data: " + l.x().lo + " .. " + l.x().hi);
        assertTrue(String.join(" ", l.x().labels).contains("e-5"), String.join(" ", l.x().labels));
        assertTrue(count(renderBoth(f), Gfx.color(0)) > 30);
    }

    @Test
    void csvHasOneRowPerPoint() {
        String csv = twoGroups().toCsv();
        String[] lines = csv.split("\n");
        assertEquals("group,pc 1,pc 2", lines[0]);
        assertEquals(7, lines.length);
        assertEquals("class 1,3,-2", lines[6]);
    }

    @Test
    void degenerateInputsRenderWithoutExceptions() {
        List<ScatterFigure> figures = List.of(
                new ScatterFigure("Empty", "x", "y", List.of()),
                new ScatterFigure(null, null, null, List.of(new ScatterFigure.Group(null, new double[] {1}, new double[] {1}))),
                new ScatterFigure("NaN", "x", "y", List.of(new ScatterFigure.Group("a", new double[] {Double.NaN, 1},
                        new double[] {0, Double.POSITIVE_INFINITY}))),
                new ScatterFigure("Same point", "x", "y", List.of(new ScatterFigure.Group("a", new double[] {2, 2}, new double[] {2, 2}))),
                new ScatterFigure("Mismatched", "x", "y", List.of(new ScatterFigure.Group("a", new double[] {1, 2, 3}, new double[] {1}))));
        for (ScatterFigure f : figures) assertDoesNotThrow(() -> renderBoth(f), f.title());
    }
}
