package nnlab.unet;

import static nnlab.kernel.config.Setting.boolSetting;
import static nnlab.kernel.config.Setting.choice;
import static nnlab.kernel.config.Setting.doubleSetting;
import static nnlab.kernel.config.Setting.intSetting;
import static nnlab.kernel.config.Setting.text;

import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;

/** Every number of the U-Net study as a setting, with its default. */
public final class UNetSettings {
    public static final String AUTO = "auto";
    public static final String FASHION = "fashion-mnist";
    public static final String SHAPES = "shapes";
    public static final String FOLDER = "folder";
    public static final List<String> SOURCES = List.of(AUTO, FASHION, SHAPES, FOLDER);

    public static final String DATA = "data";
    public static final String DATA_DIR = "data-dir";
    public static final String HEIGHT = "canvas-height";
    public static final String WIDTH = "canvas-width";
    public static final String MIN_ITEMS = "min-items";
    public static final String MAX_ITEMS = "max-items";
    public static final String OVERLAP = "overlap";
    public static final String THRESHOLD = "threshold";
    public static final String TRAIN_SIZE = "train-size";
    public static final String VAL_SIZE = "val-size";
    public static final String TEST_SIZE = "test-size";
    public static final String FOLDER_VAL = "folder-val-fraction";
    public static final String FOLDER_TEST = "folder-test-fraction";
    public static final String DOWN1 = "down1";
    public static final String DOWN2 = "down2";
    public static final String BOTTLENECK = "bottleneck";
    public static final String UP1 = "up1";
    public static final String UP2 = "up2";
    public static final String EPOCHS = "epochs";
    public static final String BATCH = "batch-size";
    public static final String LR = "lr";
    public static final String SEEDS = "seeds";
    public static final String SEED = "seed";
    public static final String PARALLEL = "parallel";
    public static final String STRIP = "strip-images";

    /** Item images are 28×28 (Fashion-MNIST and the generated shapes): a composed canvas must hold one. */
    static final int ITEM_SIZE = 28;

    private UNetSettings() { }

    public static ConfigSchema schema() {
        ConfigSchema s = new ConfigSchema();
        String data = "Data";
        s.add(choice(DATA, AUTO, SOURCES).label("Data source").group(data)
                .help("auto: canvases composed from Fashion-MNIST when found (data folder, else /usr/share/datasets/fashion-mnist of "
                        + "the Debian package dataset-fashion-mnist), otherwise from generated shapes. folder: your own images in "
                        + "DATA_DIR/images and same-named class-index PNGs in DATA_DIR/masks."));
        s.add(text(DATA_DIR, "").label("Data folder").group(data).optional()
                .help("Fashion-MNIST's IDX files, or (data source folder) the folder with images/ and masks/."));
        s.add(intSetting(HEIGHT, 64, 4, 1024).label("Canvas height (px)").group(data).help("A multiple of 4: the two poolings halve it twice."));
        s.add(intSetting(WIDTH, 84, 4, 1024).label("Canvas width (px)").group(data).help("A multiple of 4: the two poolings halve it twice."));
        s.add(intSetting(MIN_ITEMS, 1, 1, 20).label("Items per canvas, min").group(data));
        s.add(intSetting(MAX_ITEMS, 3, 1, 20).label("Items per canvas, max").group(data));
        s.add(boolSetting(OVERLAP, false).label("Items may overlap").group(data)
                .help("Off: the items' boxes never touch; on: later items are drawn over earlier ones."));
        s.add(doubleSetting(THRESHOLD, 0.2, 0.0, 0.99).label("Item pixel threshold").group(data)
                .help("Item pixels brighter than this (0–1) are the item's class in the target; the rest is background."));
        s.add(intSetting(TRAIN_SIZE, 2000, 1, 1_000_000).label("Training canvases").group(data)
                .help("Composed from Fashion-MNIST training items 0–49 999 (sized so both models train in about ten minutes on two quiet cores; more for the full-size run)."));
        s.add(intSetting(VAL_SIZE, 200, 1, 100_000).label("Validation canvases").group(data)
                .help("Composed from Fashion-MNIST training items 50 000–59 999, never used for training."));
        s.add(intSetting(TEST_SIZE, 200, 1, 100_000).label("Test canvases").group(data).help("Composed from the Fashion-MNIST test file."));
        s.add(doubleSetting(FOLDER_VAL, 0.15, 0.01, 0.5).label("Own data: validation fraction").group(data));
        s.add(doubleSetting(FOLDER_TEST, 0.15, 0.0, 0.5).label("Own data: test fraction").group(data));

        String model = "Model";
        s.add(intSetting(DOWN1, 64, 1, 1024).label("Down 1 channels").group(model).help("First conv 3×3 + BN + ReLU; its output is skip 1."));
        s.add(intSetting(DOWN2, 128, 1, 1024).label("Down 2 channels").group(model).help("Second conv 3×3 + BN + ReLU; its output is skip 2."));
        s.add(intSetting(BOTTLENECK, 64, 1, 1024).label("Bottleneck channels").group(model));
        s.add(intSetting(UP1, 32, 1, 1024).label("Up 1 channels").group(model).help("After deconv 2×2, concat skip 2, conv 3×3 + BN + ReLU."));
        s.add(intSetting(UP2, 32, 1, 1024).label("Up 2 channels").group(model).help("After deconv 2×2, concat skip 1, conv 3×3 + BN + ReLU."));

        String training = "Training";
        s.add(intSetting(EPOCHS, 3, 1, 1000).label("Epochs").group(training));
        s.add(intSetting(BATCH, 16, 1, 4096).label("Batch size").group(training));
        s.add(doubleSetting(LR, 1e-3, 1e-7, 1).label("Adam learning rate").group(training));
        s.add(intSetting(SEEDS, 1, 1, 20).label("Seeds").group(training).help("Repeats with seeds seed, seed+1, …: the IoU table shows mean ± std."));
        s.add(intSetting(SEED, 0, 0, Integer.MAX_VALUE).label("Seed").group(training).help("Seeds the canvases, the weights and the batch order."));
        s.add(intSetting(PARALLEL, 2, 1, 8).label("Models trained at once").group(training)
                .help("Trainings side by side, one compute thread each (2 on a 2-core machine)."));
        s.add(intSetting(STRIP, 4, 1, 16).label("Strip validation images").group(training));
        s.check(UNetSettings::check);
        return s;
    }

    private static SettingException check(Config c) {
        for (String key : List.of(HEIGHT, WIDTH)) {
            if (c.getInt(key) % 4 != 0) {
                return new SettingException(key, (key.equals(HEIGHT) ? "Canvas height" : "Canvas width") + " (" + key + ") must be a "
                        + "multiple of 4 so that the two 2×2 poolings can halve it twice, got " + c.getInt(key));
            }
            if (!FOLDER.equals(c.getString(DATA)) && c.getInt(key) < ITEM_SIZE) {
                return new SettingException(key, key + " must be at least " + ITEM_SIZE + " to hold one 28×28 item, got " + c.getInt(key));
            }
        }
        if (c.getInt(MIN_ITEMS) > c.getInt(MAX_ITEMS)) {
            return new SettingException(MIN_ITEMS, "Items per canvas, min (min-items) must not exceed max-items = " + c.getInt(MAX_ITEMS)
                    + ", got " + c.getInt(MIN_ITEMS));
        }
        if (c.getInt(STRIP) > c.getInt(VAL_SIZE)) {
            return new SettingException(STRIP, "strip-images must not exceed val-size = " + c.getInt(VAL_SIZE) + ", got " + c.getInt(STRIP));
        }
        if (FOLDER.equals(c.getString(DATA)) && (c.getString(DATA_DIR) == null || c.getString(DATA_DIR).isBlank())) {
            return new SettingException(DATA_DIR, "Data source folder needs a Data folder (data-dir) with images/ and masks/");
        }
        return null;
    }

    /** The model of a config for given data, with or without skips. */
    public static UNetModel.Spec spec(Config c, int height, int width, int classes, boolean skips, long seed) {
        return new UNetModel.Spec(1, height, width, classes, c.getInt(DOWN1), c.getInt(DOWN2), c.getInt(BOTTLENECK), c.getInt(UP1),
                c.getInt(UP2), c.getDouble(LR), skips, seed);
    }
}
