package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class BoxDatasetTest {
    private static final BoxDataset.Spec SPEC = BoxDataset.Spec.defaults();

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void classesAlternateAndColourOrderEncodesTheClass() {
        BoxDataset d = BoxDataset.generate(SPEC, 200, 42, 0);
        for (int i = 0; i < d.size(); i++) {
            assertEquals(i % 2, d.classes()[i]);
            assertEquals(1.0, d.labels().getDouble(i, i % 2));
            int[] b = d.boxes()[i];
            assertTrue(b[0] >= 0 && b[0] <= 9, "left x in 0..9, got " + b[0]);
            assertTrue(b[2] >= b[0] + 5 && b[2] <= 27, "right x ≥ left + box + 1 and ≤ span − 1, got " + b[2]);
            int base = i % 2 == 0 ? 7 : 23;
            assertTrue(b[1] >= base - 4 && b[1] <= base + 3, "left y jitter −4..3 around " + base + ", got " + b[1]);
            assertTrue(b[3] >= base - 4 && b[3] <= base + 3, "right y jitter −4..3 around " + base + ", got " + b[3]);
            int leftChannel = i % 2 == 0 ? 0 : 1;
            INDArray img = d.features();
            assertEquals(1.0, img.getDouble(i, leftChannel, b[1], b[0]), "left box colour");
            assertEquals(1.0, img.getDouble(i, 1 - leftChannel, b[3], b[2]), "right box colour");
            assertEquals(32.0, img.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).sumNumber().doubleValue(), 1e-9,
                    "two 4×4 boxes, nothing else");
            assertEquals(0.0, img.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(2)).sumNumber().doubleValue(), "blue channel stays empty");
        }
    }

    @Test
    void testSetMovesClassZeroDownAndClassOneUpBySixteen() {
        BoxDataset plain = BoxDataset.generate(SPEC, 100, 42, 0);
        BoxDataset test = BoxDataset.generate(SPEC, 100, 42, 16);
        for (int i = 0; i < 100; i++) {
            int dy = i % 2 == 0 ? 16 : -16;
            int[] p = plain.boxes()[i];
            int[] t = test.boxes()[i];
            assertArrayEquals(new int[] {p[0], p[1] + dy, p[2], p[3] + dy}, t, "sample " + i);
        }
        // After the shift, class 0 sits at the bottom and class 1 at the top: positions are swapped.
        assertTrue(test.boxes()[0][1] >= 19);
        assertTrue(test.boxes()[1][1] <= 10);
    }

    @Test
    void sameSeedSameImagesAndValidationIsTheStartOfTraining() {
        BoxDataset train = BoxDataset.generate(SPEC, 300, 42, 0);
        BoxDataset again = BoxDataset.generate(SPEC, 300, 42, 0);
        BoxDataset val = BoxDataset.generate(SPEC, 100, 42, 0);
        assertEquals(train.features(), again.features());
        assertEquals(train.features().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 100)), val.features());
        BoxDataset other = BoxDataset.generate(SPEC, 300, 43, 0);
        assertNotEquals(train.features(), other.features());
    }
}
