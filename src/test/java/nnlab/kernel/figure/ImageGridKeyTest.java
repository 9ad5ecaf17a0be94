package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional colour key of an image grid: under the grid, wrapped to the figure's width, and nothing changes without one. */
class ImageGridKeyTest {

    private static List<ImageGridFigure.Tile> tiles(int n) {
        List<ImageGridFigure.Tile> t = new ArrayList<>();
        for (int i = 0; i < n; i++) t.add(new ImageGridFigure.Tile("t" + i, 20, 16, new int[20 * 16]));
        return t;
    }

    @Test
    void withoutAKeyTheLayoutIsAsBefore() {
        ImageGridFigure plain = new ImageGridFigure("Grid", 2, tiles(4));
        assertTrue(plain.key().isEmpty());
        ImageGridRenderer.Layout a = ImageGridRenderer.layout(plain);
        ImageGridRenderer.Layout b = ImageGridRenderer.layout(new ImageGridFigure("Grid", 2, tiles(4), null));
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        assertTrue(a.keyEntries().isEmpty());
    }

    @Test
    void theKeyWrapsUnderTheGridWithinTheFigure() {
        List<ImageGridFigure.KeyEntry> key = new ArrayList<>();
        for (int i = 0; i < 12; i++) key.add(new ImageGridFigure.KeyEntry("class number " + i, 0xFF000000 | (i * 0x151515)));
        ImageGridFigure withKey = new ImageGridFigure("Grid", 2, tiles(4), key);
        ImageGridRenderer.Layout l = ImageGridRenderer.layout(withKey);
        ImageGridRenderer.Layout plain = ImageGridRenderer.layout(new ImageGridFigure("Grid", 2, tiles(4)));
        assertEquals(plain.width(), l.width(), "a key never widens the figure");
        assertEquals(12, l.keyEntries().size());
        double gridBottom = plain.height() - Gfx.PAD;
        double lastY = Double.NEGATIVE_INFINITY;
        int lines = 0;
        for (int i = 0; i < 12; i++) {
            double[] at = l.keyEntries().get(i);
            assertTrue(at[1] >= gridBottom, "entry " + i + " overlaps the grid");
            assertTrue(at[0] >= Gfx.PAD - 1e-9, "entry " + i + " starts outside the figure");
            assertTrue(at[0] + ImageGridRenderer.SWATCH + 4 + Gfx.width(Gfx.TICK, key.get(i).label()) <= l.width() - Gfx.PAD + 1e-9,
                    "entry " + i + " ends outside the figure");
            if (at[1] > lastY) {
                lines++;
                lastY = at[1];
            } else if (i > 0) {
                assertTrue(at[0] > l.keyEntries().get(i - 1)[0], "entries of one line go left to right");
            }
        }
        assertTrue(lines > 1, "twelve long names do not fit one line of a narrow grid");
        assertTrue(l.height() > plain.height());
        assertTrue(withKey.render(1).getHeight() > 0);
    }
}
