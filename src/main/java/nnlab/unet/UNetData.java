package nnlab.unet;

import static nnlab.unet.UNetSettings.*;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.SplittableRandom;
import nnlab.datasets.DataFileException;
import nnlab.datasets.DataSources;
import nnlab.datasets.ImageSet;
import nnlab.datasets.SyntheticShapes;
import nnlab.kernel.config.Config;

/**
 * The study's three splits. Composed canvases take training and validation items from disjoint
 * parts of the Fashion-MNIST training file (items below {@link #VALIDATION_ITEMS_FROM}, the rest)
 * and test items from the test file, so no item is in two splits; the generated shapes split alike.
 */
public final class UNetData {
    /** Fashion-MNIST training items from here on compose only validation canvases. */
    static final int VALIDATION_ITEMS_FROM = 50_000;
    /** Generated shapes per split when Fashion-MNIST is not there. */
    static final int SHAPES_PER_SPLIT = 4_000;

    /** The splits and where they came from (for the log, the figures and summary.json). */
    public record Splits(String source, String location, SegmentationSet train, SegmentationSet validation, SegmentationSet test) { }

    private UNetData() { }

    public static Splits load(Config c) throws IOException {
        String source = c.getString(DATA);
        String dirText = c.getString(DATA_DIR) == null ? "" : c.getString(DATA_DIR).trim();
        Path dir = dirText.isEmpty() ? null : Paths.get(dirText);
        long seed = c.getInt(SEED);
        if (FOLDER.equals(source)) return folder(c, dir, seed);
        Path found = SHAPES.equals(source) ? null : DataSources.findIdxDir(dir, DataSources.DEBIAN_FASHION_MNIST);
        if (found == null && FASHION.equals(source)) {
            throw new DataFileException(dir != null ? dir : DataSources.DEBIAN_FASHION_MNIST, "no Fashion-MNIST IDX files here; on "
                    + "Debian/Ubuntu: apt install dataset-fashion-mnist, or choose data source shapes");
        }
        Composer.Layout layout = new Composer.Layout(c.getInt(HEIGHT), c.getInt(WIDTH), c.getInt(MIN_ITEMS), c.getInt(MAX_ITEMS),
                c.getBoolean(OVERLAP), c.getDouble(THRESHOLD));
        ImageSet trainItems;
        ImageSet testItems;
        String name;
        String location;
        if (found != null) {
            DataSources.Loaded items = DataSources.loadIdx(FASHION, found, DataSources.FASHION_CLASSES, 0, 0);
            trainItems = items.train();
            testItems = items.test();
            name = FASHION;
            location = found.toString();
        } else {
            trainItems = SyntheticShapes.generate(2 * SHAPES_PER_SPLIT, seed, "shapes train");
            testItems = SyntheticShapes.generate(SHAPES_PER_SPLIT, seed + 1_000_003L, "shapes test");
            name = SHAPES;
            location = "generated shapes (Fashion-MNIST " + (SHAPES.equals(source) ? "not chosen" : "not found") + ")";
        }
        int split = found != null ? VALIDATION_ITEMS_FROM : SHAPES_PER_SPLIT;
        SegmentationSet train = Composer.compose(name + " train", trainItems, 0, split, c.getInt(TRAIN_SIZE), layout, seed);
        SegmentationSet val = Composer.compose(name + " validation", trainItems, split, trainItems.size(), c.getInt(VAL_SIZE), layout,
                seed + 7_919L);
        SegmentationSet test = Composer.compose(name + " test", testItems, 0, testItems.size(), c.getInt(TEST_SIZE), layout, seed + 104_729L);
        return new Splits(name, location, train, val, test);
    }

    /** Own data, shuffled by the seed and cut into test, validation and training parts (in that order of the shuffle). */
    private static Splits folder(Config c, Path dir, long seed) throws IOException {
        SegmentationSet all = MaskFolder.read(dir, classNames());
        int n = all.size();
        int nTest = (int) Math.round(n * c.getDouble(FOLDER_TEST));
        int nVal = Math.max(1, (int) Math.round(n * c.getDouble(FOLDER_VAL)));
        if (n - nTest - nVal < 1) {
            throw new DataFileException(dir, n + " image(s) are too few for validation " + nVal + ", test " + nTest + " and at least one for training");
        }
        int[] perm = ImageSet.permutation(n, new SplittableRandom(seed));
        SegmentationSet test = subset(all, "test", java.util.Arrays.copyOfRange(perm, 0, nTest));
        SegmentationSet val = subset(all, "validation", java.util.Arrays.copyOfRange(perm, nTest, nTest + nVal));
        SegmentationSet train = subset(all, "train", java.util.Arrays.copyOfRange(perm, nTest + nVal, n));
        return new Splits(FOLDER, dir.toString(), train, val, test);
    }

    /** Own masks use classes 0–10 as the composed data does; they are named by index. */
    static List<String> classNames() {
        List<String> names = new java.util.ArrayList<>();
        names.add("background");
        for (int k = 1; k <= 10; k++) names.add("class " + k);
        return names;
    }

    static SegmentationSet subset(SegmentationSet s, String part, int[] idx) {
        int hw = s.pixelsPerImage();
        float[] p = new float[idx.length * hw];
        byte[] m = new byte[idx.length * hw];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(s.pixels(), idx[i] * hw, p, i * hw, hw);
            System.arraycopy(s.masks(), idx[i] * hw, m, i * hw, hw);
        }
        return new SegmentationSet(s.name() + " " + part, p, m, idx.length, s.height(), s.width(), s.classNames());
    }
}
