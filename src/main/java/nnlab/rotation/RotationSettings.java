package nnlab.rotation;

import nnlab.datasets.DataSources;
import static nnlab.kernel.config.Setting.choice;
import static nnlab.kernel.config.Setting.doubleSetting;
import static nnlab.kernel.config.Setting.intSetting;
import static nnlab.kernel.config.Setting.text;

import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;

/** Every number of the rotation study (spec §2) as a setting, with its default. */
public final class RotationSettings {
    public static final String DATA = "data";
    public static final String DATA_DIR = "data-dir";
    public static final String TRAIN_SIZE = "train-size";
    public static final String TEST_SIZE = "test-size";
    public static final String EPOCHS = "epochs";
    public static final String BATCH_SIZE = "batch-size";
    public static final String LR = "lr";
    public static final String ANGLE_STEP = "angle-step";
    public static final String CLASS_ANGLE = "class-angle";
    public static final String STRIP_IMAGE = "strip-image";
    public static final String SEED = "seed";

    private RotationSettings() { }

    public static ConfigSchema schema() {
        ConfigSchema s = new ConfigSchema();
        String data = "Data";
        s.add(choice(DATA, DataSources.AUTO, DataSources.IDS).label("Data source").group(data)
                .help("auto: Fashion-MNIST if found (data folder, else /usr/share/datasets/fashion-mnist from the Debian package "
                        + "dataset-fashion-mnist), otherwise the generated orientation-dependent shapes. mnist and fashion-mnist read "
                        + "IDX files (gzip or plain); cifar10 reads the binary version (data_batch_1..5.bin, test_batch.bin)."));
        s.add(text(DATA_DIR, "").label("Data folder").group(data).optional()
                .help("Folder with the data files; empty = the Debian location for (fashion-)mnist."));
        s.add(intSetting(TRAIN_SIZE, 10_000, 0, 1_000_000).label("Training images").group(data)
                .help("The first N training images; 0 = all (60 000 for Fashion-MNIST, 50 000 for CIFAR-10)."));
        s.add(intSetting(TEST_SIZE, 2_000, 0, 1_000_000).label("Test images").group(data)
                .help("The first N test images, evaluated at every angle; 0 = all (10 000)."));

        String training = "Training";
        s.add(intSetting(EPOCHS, 10, 1, 1000).label("Epochs").group(training));
        s.add(intSetting(BATCH_SIZE, 64, 1, 100_000).label("Batch size").group(training));
        s.add(doubleSetting(LR, 1e-3, 1e-7, 10).label("Adam learning rate").group(training));
        s.add(intSetting(SEED, 0, 0, Integer.MAX_VALUE).label("Seed").group(training)
                .help("Seeds the weights, the batch order and model B's rotation angles (and the generated data)."));

        String eval = "Evaluation";
        s.add(intSetting(ANGLE_STEP, 30, 1, 180).label("Angle step (°)").group(eval)
                .help("Test angles 0, step, 2·step, … up to 360°."));
        s.add(intSetting(CLASS_ANGLE, 90, 0, 360).label("Per-class table angle (°)").group(eval));
        s.add(intSetting(STRIP_IMAGE, 0, 0, 1_000_000).label("Strip test image #").group(eval)
                .help("Index (in the test subset) of the image shown rotated at every angle."));
        s.check(RotationSettings::checkStrip);
        return s;
    }

    private static SettingException checkStrip(Config c) {
        int test = c.getInt(TEST_SIZE);
        if (test > 0 && c.getInt(STRIP_IMAGE) >= test) {
            return new SettingException(STRIP_IMAGE, "Strip test image # (strip-image) must be below test-size = " + test
                    + ", got " + c.getInt(STRIP_IMAGE));
        }
        return null;
    }

    /** 0, step, …, with 360 always last so the curve closes on itself. */
    public static int[] angles(int step) {
        int n = 360 / step;
        boolean exact = n * step == 360;
        int[] out = new int[exact ? n + 1 : n + 2];
        for (int i = 0; i <= n; i++) out[i] = i * step;
        if (!exact) out[n + 1] = 360;
        return out;
    }
}
