package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class BoxDatasetTest {
    private static final BoxDataset.Spec SPEC = BoxDataset.Spec.defaults();

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @ParameterizedTest
    @EnumSource(DataGenerator.class)
    void classesAlternateAndColourOrderEncodesTheClass(DataGenerator generator) {
        BoxDataset d = BoxDataset.generate(SPEC, 200, 42, 0, generator);
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

    @ParameterizedTest
    @EnumSource(DataGenerator.class)
    void testSetMovesClassZeroDownAndClassOneUpBySixteen(DataGenerator generator) {
        BoxDataset plain = BoxDataset.generate(SPEC, 100, 42, 0, generator);
        BoxDataset test = BoxDataset.generate(SPEC, 100, 42, 16, generator);
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

    @ParameterizedTest
    @EnumSource(DataGenerator.class)
    void sameSeedSameImagesAndValidationIsTheStartOfTraining(DataGenerator generator) {
        BoxDataset train = BoxDataset.generate(SPEC, 300, 42, 0, generator);
        BoxDataset again = BoxDataset.generate(SPEC, 300, 42, 0, generator);
        BoxDataset val = BoxDataset.generate(SPEC, 100, 42, 0, generator);
        assertEquals(train.features(), again.features());
        assertEquals(train.features().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 100)), val.features());
        BoxDataset other = BoxDataset.generate(SPEC, 300, 43, 0, generator);
        assertNotEquals(train.features(), other.features());
    }

    /**
     * Issue #22: numpy's RandomState(42) in the published order gives the published images. The
     * CSV (a copy of ../shared/data/padding/boxes-numpy-seed42.csv) lists every box position of
     * the published training set and of its switched test set.
     */
    @Test
    void theNumpyDrawFromSeed42PlacesEveryBoxWhereThePublishedCodeDid() throws Exception {
        List<String> lines;
        try (var in = BoxDatasetTest.class.getResourceAsStream("/padding/boxes-numpy-seed42.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
        assertEquals("set,sample,class,left_x,left_y,right_x,right_y", lines.get(0));
        BoxDataset train = BoxDataset.generate(SPEC, 2000, 42, 0, DataGenerator.NUMPY);
        BoxDataset test = BoxDataset.generate(SPEC, 1000, 42, 16, DataGenerator.NUMPY);
        Map<String, Integer> rows = new java.util.TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            BoxDataset set = f[0].equals("train") ? train : test;
            int i = Integer.parseInt(f[1]);
            assertEquals(Integer.parseInt(f[2]), set.classes()[i], line + ": class");
            int[] expected = {Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6])};
            assertArrayEquals(expected, set.boxes()[i], line);
            rows.merge(f[0], 1, Integer::sum);
        }
        assertEquals(Map.of("test", 1000, "train", 2000), rows, "every sample of both sets is listed and compared");
    }

    @Test
    void theGeneratorsDrawOtherImagesFromTheSameSeed() {
        assertNotEquals(BoxDataset.generate(SPEC, 50, 42, 0, DataGenerator.NUMPY).features(),
                BoxDataset.generate(SPEC, 50, 42, 0, DataGenerator.JAVA).features());
    }
}
