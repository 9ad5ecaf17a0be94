package nnlab.pairs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import nnlab.datasets.DataSources;
import nnlab.datasets.ImageSet;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PairsDataTest {
    private static final int H = 6;
    private static final int W = 5;

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    /** 12 random images of 3 classes. */
    private static ImageSet tinySet() {
        SplittableRandom rnd = new SplittableRandom(4);
        float[] px = new float[12 * H * W];
        for (int i = 0; i < px.length; i++) px[i] = (float) rnd.nextDouble(0.05, 0.8);
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) labels[i] = i % 3;
        return new ImageSet("tiny", px, labels, 1, H, W, List.of("a", "b", "c"));
    }

    private static float[] image(PairData.PairSet s, int pair, int which) {
        int plane = s.height() * s.width();
        int off = (2 * pair + which) * plane;
        return Arrays.copyOfRange(s.pixels(), off, off + plane);
    }

    private static float[] mirrored(ImageSet set, int item) {
        float[] out = new float[H * W];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) out[y * W + x] = set.pixels()[item * H * W + y * W + (W - 1 - x)];
        return out;
    }

    @Test
    void everyItemGivesOnePositivePairWithItsMirrorAndOneNegativeWithAnotherItemsMirrorOfItsClass() {
        ImageSet set = tinySet();
        int[] items = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        PairData.PairSet s = PairData.build("t", set, items, new PairData.Jitter(0, 0), 3);
        assertEquals(24, s.size());
        assertEquals(12, s.positives(), "balanced: half the pairs are positive");
        for (int p = 0; p < s.size(); p++) {
            int item = s.itemA()[p];
            assertArrayEquals(Arrays.copyOfRange(set.pixels(), item * H * W, (item + 1) * H * W), image(s, p, 0), "image 1 is the item");
            if (s.labels()[p] == 1) {
                assertEquals(item, s.itemB()[p]);
                assertArrayEquals(mirrored(set, item), image(s, p, 1), "a positive pair's image 2 is the item's mirror image");
            } else {
                assertNotEquals(item, s.itemB()[p], "a negative partner is another item");
                assertEquals(set.labels()[item], set.labels()[s.itemB()[p]], "of the same class");
                assertArrayEquals(mirrored(set, s.itemB()[p]), image(s, p, 1), "mirrored");
            }
        }
    }

    @Test
    void eachImageOfAPairGetsItsOwnBoundedShiftAndBrightness() {
        ImageSet set = tinySet();
        PairData.PairSet s = PairData.build("t", set, new int[] {0, 3, 6, 9}, new PairData.Jitter(1, 0.2), 8);
        Set<String> shifts = new HashSet<>();
        for (int p = 0; p < s.size(); p++) {
            float[] got = image(s, p, 0);
            float[] src = Arrays.copyOfRange(set.pixels(), s.itemA()[p] * H * W, (s.itemA()[p] + 1) * H * W);
            // The centre pixel is inside the image for every shift ≤ 1: its ratio is the brightness factor.
            String found = null;
            for (int dy = -1; dy <= 1 && found == null; dy++) {
                for (int dx = -1; dx <= 1 && found == null; dx++) {
                    double gain = got[3 * W + 2] / src[(3 - dy) * W + (2 - dx)];
                    if (gain < 0.8 - 1e-6 || gain > 1.2 + 1e-6) continue;
                    boolean all = true;
                    for (int y = 0; y < H && all; y++) {
                        for (int x = 0; x < W; x++) {
                            int sy = y - dy, sx = x - dx;
                            double want = sy < 0 || sy >= H || sx < 0 || sx >= W ? 0 : Math.min(1, src[sy * W + sx] * gain);
                            if (Math.abs(got[y * W + x] - want) > 1e-5) {
                                all = false;
                                break;
                            }
                        }
                    }
                    if (all) found = dx + "," + dy;
                }
            }
            assertTrue(found != null, "pair " + p + ": image 1 is its item shifted by ≤ 1 px and scaled by a factor in [0.8, 1.2]");
            shifts.add(found);
        }
        assertTrue(shifts.size() > 1, "the shifts vary: " + shifts);
    }

    @Test
    void theSameDataSeedGivesTheSamePairs() throws Exception {
        var c = new PairsExperiment().schema().fromText(Map.of("data", "synthetic", "train-items", "32", "val-items", "16", "test-items", "16"));
        PairSplits a = PairSplits.load(c);
        PairSplits b = PairSplits.load(c);
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertArrayEquals(a.test().labels(), b.test().labels());
        PairSplits other = PairSplits.load(c.with(PairsSettings.DATA_SEED, 1));
        assertTrue(!Arrays.equals(a.train().pixels(), other.train().pixels()), "another data seed, other pairs");
    }

    @Test
    void fashionMnistFootwearSplitsAreBalancedAndTrainValidationAndTestNeverShareAnItem() throws Exception {
        assumeTrue(DataSources.findIdxDir(null, DataSources.DEBIAN_FASHION_MNIST) != null, "Fashion-MNIST not installed");
        var c = new PairsExperiment().schema().fromText(Map.of("data", "fashion-mnist", "train-items", "600", "val-items", "200",
                "test-items", "300"));
        PairSplits s = PairSplits.load(c);
        assertEquals(List.of("Sandal", "Sneaker", "Ankle boot"), s.classNames());
        for (PairData.PairSet set : List.of(s.train(), s.validation(), s.test())) {
            assertEquals(set.size() / 2, set.positives(), set.name() + " balanced");
            for (int cls : set.classes()) assertTrue(PairsSettings.FOOTWEAR_CLASSES.contains(cls), "footwear only: " + cls);
        }
        assertTrue(s.train().source().contains("train") && s.validation().source().contains("train"));
        assertTrue(s.test().source().contains("test"), "test pairs come from the test file: " + s.test().source());
        Set<Integer> trainItems = new HashSet<>();
        for (int i = 0; i < s.train().size(); i++) {
            trainItems.add(s.train().itemA()[i]);
            trainItems.add(s.train().itemB()[i]);
        }
        for (int i = 0; i < s.validation().size(); i++) {
            assertTrue(!trainItems.contains(s.validation().itemA()[i]) && !trainItems.contains(s.validation().itemB()[i]),
                    "validation pair " + i + " uses a training item");
        }
        assertEquals(1200, s.train().size());
    }
}
