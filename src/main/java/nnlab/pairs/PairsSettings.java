package nnlab.pairs;

import static nnlab.kernel.config.Setting.choice;
import static nnlab.kernel.config.Setting.doubleSetting;
import static nnlab.kernel.config.Setting.intList;
import static nnlab.kernel.config.Setting.intSetting;
import static nnlab.kernel.config.Setting.text;

import java.util.List;
import nnlab.datasets.DataSources;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;

/** Every number of the same-pair study as a setting, with its default and the checks across settings. */
public final class PairsSettings {
    public static final String DATA = "data";
    public static final String DATA_DIR = "data-dir";
    public static final String CLASSES = "classes";
    public static final String CLASS_LIST = "class-list";
    public static final String TRAIN_ITEMS = "train-items";
    public static final String VAL_ITEMS = "val-items";
    public static final String TEST_ITEMS = "test-items";
    public static final String MAX_SHIFT = "max-shift";
    public static final String BRIGHTNESS = "brightness";
    public static final String DATA_SEED = "data-seed";
    public static final String WIDTH = "width";
    public static final String KERNEL = "kernel";
    public static final String HIDDEN = "hidden";
    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batch-size";
    public static final String LR = "lr";
    public static final String SEED = "seed";
    public static final String SEEDS = "seeds";
    public static final String PARALLEL = "parallel-rounds";
    public static final String WRONG_SHOWN = "wrong-shown";
    public static final String RF_MODEL = "rf-model";
    public static final String RF_LAYER = "rf-layer";
    public static final String RF_PAIR = "rf-pair";
    public static final String CALC_LAYERS = "calc-layers";
    public static final String CALC_KERNEL = "calc-kernel";
    public static final String CALC_STRIDE = "calc-stride";
    public static final String CALC_DILATION = "calc-dilation";

    public static final String FOOTWEAR = "footwear";
    public static final String ALL = "all";
    public static final String LIST = "list";
    /** Fashion-MNIST's footwear: sandal, sneaker, ankle boot. */
    public static final List<Integer> FOOTWEAR_CLASSES = List.of(5, 7, 9);

    private PairsSettings() { }

    public static ConfigSchema schema() {
        ConfigSchema s = new ConfigSchema();
        String data = "Data";
        s.add(choice(DATA, DataSources.AUTO, List.of(DataSources.AUTO, DataSources.FASHION_MNIST, DataSources.SYNTHETIC))
                .label("Data source").group(data)
                .help("auto: Fashion-MNIST if found (data folder, else /usr/share/datasets/fashion-mnist from the Debian package "
                        + "dataset-fashion-mnist), otherwise generated shapes (all their classes; the run log says so)."));
        s.add(text(DATA_DIR, "").label("Data folder").group(data).optional()
                .help("Folder with the Fashion-MNIST IDX files; empty = the Debian location."));
        s.add(choice(CLASSES, FOOTWEAR, List.of(FOOTWEAR, ALL, LIST)).label("Classes").group(data)
                .help("footwear: the class list, which must hold only footwear (5 sandal, 7 sneaker, 9 ankle boot); "
                        + "all: the 10 classes; list: the class list, any classes."));
        s.add(intList(CLASS_LIST, FOOTWEAR_CLASSES, 0, 9).label("Class list").group(data)
                .help("Fashion-MNIST class numbers (0 T-shirt … 9 ankle boot) used with classes = footwear or list."));
        s.add(intSetting(TRAIN_ITEMS, 3000, 2, 50_000).label("Training items").group(data)
                .help("Items drawn from the training file; each gives one positive pair (item + its mirror image) and one negative "
                        + "pair (item + the mirror image of another item of its class)."));
        s.add(intSetting(VAL_ITEMS, 500, 2, 20_000).label("Validation items").group(data)
                .help("Further items of the training file, none of them a training item (nor a negative partner of one)."));
        s.add(intSetting(TEST_ITEMS, 1000, 2, 10_000).label("Test items").group(data).help("Items of the test file, 2 pairs each."));
        s.add(intSetting(MAX_SHIFT, 2, 0, 6).label("Max shift (px)").group(data)
                .help("Each image of a pair moves by its own random whole-pixel shift in [−max, max] along each axis."));
        s.add(doubleSetting(BRIGHTNESS, 0.2, 0, 0.9).label("Brightness change").group(data)
                .help("Each image of a pair is scaled by its own random factor in [1 − b, 1 + b] (then clipped to [0, 1])."));
        s.add(intSetting(DATA_SEED, 0, 0, Integer.MAX_VALUE).label("Data seed").group(data)
                .help("Chooses the items, partners, shifts and brightness; the same data for every model seed."));

        String model = "Models";
        s.add(intSetting(WIDTH, 8, 1, 256).label("Width n").group(model)
                .help("Channels of the four conv layers: n, 2n, 4n, 8n. Widths ≤ 0 are refused."));
        s.add(intSetting(KERNEL, 3, 1, 15).label("Kernel k").group(model)
                .help("Square kernel of every conv layer (same padding, stride 1); each is followed by ReLU and max-pool 2. "
                        + "It must not be larger than the feature map it slides over, in either model."));
        s.add(intSetting(HIDDEN, 100, 1, 4096).label("Hidden units").group(model).help("The linear layer before the 2 classes."));

        String training = "Training";
        s.add(intSetting(EPOCHS, 8, 1, 1000).label("Epochs").group(training)
                .help("The test uses the weights of the epoch with the lowest validation loss."));
        s.add(intSetting(BATCH_SIZE, 64, 1, 100_000).label("Batch size").group(training));
        s.add(doubleSetting(LR, 2e-3, 1e-7, 10).label("Adam learning rate").group(training));
        s.add(intSetting(SEED, 0, 0, Integer.MAX_VALUE).label("First seed").group(training)
                .help("Seeds first, first + 1, … each train both models (weights and batch order)."));
        s.add(intSetting(SEEDS, 5, 1, 100).label("Seeds per model").group(training));
        s.add(intSetting(PARALLEL, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 1, 16)
                .label("Trainings at once").group(training)
                .help("Trainings that run at the same time, each on one thread; results do not depend on it beyond float rounding."));

        String views = "Views";
        s.add(intSetting(WRONG_SHOWN, 8, 0, 64).label("Wrong pairs shown").group(views)
                .help("Test pairs each model (first seed) gets wrong, shown in the strip."));
        s.add(choice(RF_MODEL, PairModel.CHANNEL.label(), PairModel.labels()).label("Receptive field: model").group(views));
        s.add(choice(RF_LAYER, "pool1", PairNets.LAYER_NAMES).label("Receptive field: layer").group(views)
                .help("The layer whose centre unit is traced back to the input (pool1 = after the first downsampling)."));
        s.add(intSetting(RF_PAIR, 0, 0, 100_000).label("Receptive field: test pair #").group(views)
                .help("The test pair whose input gradient is shown for the trained model (first seed)."));
        s.add(intSetting(CALC_LAYERS, 6, 1, 50).label("Calculator: layers").group(views));
        s.add(intSetting(CALC_KERNEL, 3, 1, 31).label("Calculator: kernel k").group(views));
        s.add(intSetting(CALC_STRIDE, 1, 1, 8).label("Calculator: stride s").group(views));
        s.add(intSetting(CALC_DILATION, 1, 1, 16).label("Calculator: dilation d").group(views));
        s.check(PairsSettings::checkClasses);
        s.check(PairsSettings::checkKernel);
        s.check(PairsSettings::checkRfPair);
        return s;
    }

    /** The Fashion-MNIST classes a config asks for. */
    public static List<Integer> classes(Config c) {
        return c.getString(CLASSES).equals(ALL) ? List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9) : c.getInts(CLASS_LIST);
    }

    private static SettingException checkClasses(Config c) {
        if (!c.getString(CLASSES).equals(FOOTWEAR)) return null;
        List<Integer> notFootwear = c.getInts(CLASS_LIST).stream().filter(k -> !FOOTWEAR_CLASSES.contains(k)).toList();
        if (notFootwear.isEmpty()) return null;
        return new SettingException(CLASS_LIST, "Class list (class-list) must hold only footwear classes (5 sandal, 7 sneaker, "
                + "9 ankle boot) when classes = footwear, got " + c.getInts(CLASS_LIST) + " (not footwear: " + notFootwear
                + "); choose classes = list for other classes");
    }

    private static SettingException checkKernel(Config c) {
        int k = c.getInt(KERNEL);
        for (PairModel m : PairModel.values()) {
            String problem = PairNets.architecture(c).kernelProblem(m);
            if (problem != null) return new SettingException(KERNEL, "Kernel k (kernel) = " + k + " is too large: " + problem);
        }
        return null;
    }

    private static SettingException checkRfPair(Config c) {
        int pairs = 2 * c.getInt(TEST_ITEMS);
        if (c.getInt(RF_PAIR) < pairs) return null;
        return new SettingException(RF_PAIR, "Receptive field: test pair # (rf-pair) must be below the " + pairs
                + " test pairs (2 × test-items), got " + c.getInt(RF_PAIR));
    }
}
