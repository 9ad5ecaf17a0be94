package nnlab.pairs;

import static nnlab.pairs.PairsSettings.*;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import nnlab.datasets.DataSources;
import nnlab.datasets.ImageSet;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.SettingException;

/**
 * The three pair sets of a config: training and validation pairs from disjoint items of the
 * training file, test pairs from the test file, never mixed.
 */
public record PairSplits(String source, String location, List<String> classNames, PairData.PairSet train, PairData.PairSet validation,
                         PairData.PairSet test) {

    public boolean generated() {
        return source.equals(DataSources.SYNTHETIC);
    }

    /** E.g. "fashion-mnist (/usr/share/…), classes Sandal, Sneaker, Ankle boot: 6000 training, 1000 validation, 2000 test pairs". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s (%s), classes %s: %d training, %d validation, %d test pairs (half of each positive)",
                source, location, String.join(", ", classNames), train.size(), validation.size(), test.size());
    }

    public static PairSplits load(Config c) throws IOException {
        int trainItems = c.getInt(TRAIN_ITEMS);
        int valItems = c.getInt(VAL_ITEMS);
        int testItems = c.getInt(TEST_ITEMS);
        long seed = c.getInt(DATA_SEED);
        String wanted = c.getString(DATA);
        // The generated set has no "all": ask for just the items needed (all its classes are used).
        boolean generated = wanted.equals(DataSources.SYNTHETIC) || wanted.equals(DataSources.AUTO)
                && DataSources.findIdxDir(blankToNull(c.getString(DATA_DIR)), DataSources.DEBIAN_FASHION_MNIST) == null;
        DataSources.Loaded data = generated
                ? DataSources.load(DataSources.SYNTHETIC, "", trainItems + valItems, testItems, seed)
                : DataSources.load(DataSources.FASHION_MNIST, c.getString(DATA_DIR), 0, 0, seed);
        List<Integer> classes = generated ? java.util.stream.IntStream.range(0, data.train().classes()).boxed().toList()
                : PairsSettings.classes(c);
        int[] trainFile = PairData.balancedItemsOf(data.train(), classes, seed);
        int[] testFile = PairData.balancedItemsOf(data.test(), classes, seed + 1);
        if (trainFile.length < trainItems + valItems) {
            throw new SettingException(TRAIN_ITEMS, "Training items (train-items) + validation items (val-items) = " + (trainItems + valItems)
                    + " exceed the " + trainFile.length + " images of the chosen classes in " + data.train().name());
        }
        if (testFile.length < testItems) {
            throw new SettingException(TEST_ITEMS, "Test items (test-items) = " + testItems + " exceed the " + testFile.length
                    + " images of the chosen classes in " + data.test().name());
        }
        PairData.Jitter jitter = new PairData.Jitter(c.getInt(MAX_SHIFT), c.getDouble(BRIGHTNESS));
        PairData.PairSet train = build(TRAIN_ITEMS, "train", data.train(), Arrays.copyOfRange(trainFile, 0, trainItems), jitter, seed + 11);
        PairData.PairSet val = build(VAL_ITEMS, "validation", data.train(), Arrays.copyOfRange(trainFile, trainItems, trainItems + valItems),
                jitter, seed + 12);
        PairData.PairSet test = build(TEST_ITEMS, "test", data.test(), Arrays.copyOf(testFile, testItems), jitter, seed + 13);
        List<String> names = classes.stream().map(k -> data.train().classNames().get(k)).toList();
        return new PairSplits(data.source(), data.location(), names, train, val, test);
    }

    /** A class with a single item in a split has no negative partner: refused naming the split's size setting. */
    private static PairData.PairSet build(String setting, String name, ImageSet source, int[] items, PairData.Jitter jitter, long seed) {
        try {
            return PairData.build(name, source, items, jitter, seed);
        } catch (IllegalArgumentException e) {
            throw new SettingException(setting, e.getMessage() + " (" + setting + ")");
        }
    }

    private static java.nio.file.Path blankToNull(String dir) {
        return dir == null || dir.isBlank() ? null : java.nio.file.Paths.get(dir.trim());
    }

    /** A few positive and negative training pairs, image 1 above image 2. */
    public static nnlab.kernel.figure.ImageGridFigure samples(PairData.PairSet set, int perKind, String title) {
        List<nnlab.kernel.figure.ImageGridFigure.Tile> tiles = new java.util.ArrayList<>();
        for (int kind = 1; kind >= 0; kind--) {
            int shown = 0;
            for (int i = 0; i < set.size() && shown < perKind; i++) {
                if (set.labels()[i] != kind) continue;
                tiles.add(new nnlab.kernel.figure.ImageGridFigure.Tile(kind == 1 ? "same pair" : "different", set.width(),
                        2 * set.height(), set.argb(i)));
                shown++;
            }
        }
        return new nnlab.kernel.figure.ImageGridFigure(title, perKind, tiles);
    }
}
