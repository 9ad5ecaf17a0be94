package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import nnlab.datasets.ImageSet;
import nnlab.datasets.SyntheticShapes;
import org.junit.jupiter.api.Test;

class ComposerTest {
    static final ImageSet ITEMS = SyntheticShapes.generate(64, 3, "shapes");
    static final Composer.Layout LAYOUT = new Composer.Layout(64, 84, 1, 3, false, 0.2);

    @Test
    void sameSeedSameCanvasesOtherSeedOthers() {
        SegmentationSet a = Composer.compose("a", ITEMS, 0, 64, 20, LAYOUT, 5);
        SegmentationSet b = Composer.compose("b", ITEMS, 0, 64, 20, LAYOUT, 5);
        SegmentationSet c = Composer.compose("c", ITEMS, 0, 64, 20, LAYOUT, 6);
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(a.masks(), b.masks());
        assertFalse(Arrays.equals(a.masks(), c.masks()));
    }

    @Test
    void valuesStayInRangeAndTheTargetFollowsTheThreshold() {
        SegmentationSet s = Composer.compose("s", ITEMS, 0, 64, 30, LAYOUT, 1);
        assertEquals(SyntheticShapes.CLASSES.size() + 1, s.classes(), "background + the item classes");
        for (int p = 0; p < s.masks().length; p++) {
            assertTrue(s.pixels()[p] >= 0 && s.pixels()[p] <= 1);
            assertTrue(s.masks()[p] >= 0 && s.masks()[p] <= SyntheticShapes.CLASSES.size());
            assertEquals(s.masks()[p] != 0, s.pixels()[p] > 0.2, "pixel " + p + ": class iff above the threshold");
        }
    }

    /** One item per canvas: its pixels above the threshold all land on the canvas, with its class. */
    @Test
    void aSingleItemKeepsAllItsPixelsAndItsClass() {
        Composer.Layout one = new Composer.Layout(64, 84, 1, 1, false, 0.2);
        for (int seed = 0; seed < 5; seed++) {
            SegmentationSet s = Composer.compose("s", ITEMS.head(1), 0, 1, 1, one, seed);
            long expected = 0;
            for (int p = 0; p < 28 * 28; p++) if (ITEMS.pixels()[p] > 0.2) expected++;
            int cls = ITEMS.labels()[0] + 1;
            long got = 0;
            for (byte m : s.masks()) {
                if (m != 0) {
                    assertEquals(cls, m);
                    got++;
                }
            }
            assertEquals(expected, got);
        }
    }

    /** Without overlap, no item covers another: every placed item keeps all its above-threshold pixels. */
    @Test
    void withoutOverlapItemsNeverCoverEachOther() {
        Composer.Layout three = new Composer.Layout(64, 84, 3, 3, false, 0.2);
        Composer.Layout overlapping = new Composer.Layout(64, 84, 3, 3, true, 0.2);
        ImageSet same = ITEMS.head(1);
        long perItem = 0;
        for (int p = 0; p < 28 * 28; p++) if (same.pixels()[p] > 0.2) perItem++;
        boolean sawCover = false;
        for (int seed = 0; seed < 20; seed++) {
            long fg = countForeground(Composer.compose("s", same, 0, 1, 1, three, seed));
            assertEquals(0, fg % perItem, "a no-overlap canvas holds whole items only");
            assertTrue(fg > 0);
            if (countForeground(Composer.compose("o", same, 0, 1, 1, overlapping, seed)) % perItem != 0) sawCover = true;
        }
        assertTrue(sawCover, "with overlap allowed, some items cover others");
    }

    private static long countForeground(SegmentationSet s) {
        long n = 0;
        for (byte m : s.masks()) if (m != 0) n++;
        return n;
    }
}
