package nnlab.padding;

import static nnlab.kernel.config.Setting.boolSetting;
import static nnlab.kernel.config.Setting.choice;
import static nnlab.kernel.config.Setting.doubleSetting;
import static nnlab.kernel.config.Setting.intList;
import static nnlab.kernel.config.Setting.intSetting;
import static nnlab.kernel.config.Setting.multiChoice;

import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;

/** Every number of the published padding study (spec §1) as a setting, with its default. */
public final class PaddingSettings {
    public static final String NET = "net";
    public static final String PADDING = "padding";
    public static final String ROUNDS = "rounds";
    public static final String MODEL_SEED = "model-seed";
    public static final String PARALLEL_ROUNDS = "parallel-rounds";
    public static final String EPOCHS = "epochs";
    public static final String PATIENCE = "patience";
    public static final String BATCH_SIZE = "batch-size";
    public static final String LR = "lr";
    public static final String RHO = "rho";
    public static final String EPS = "eps";
    public static final String WEIGHT_DECAY = "weight-decay";
    public static final String WIDTHS = "widths";
    public static final String STRIDES = "strides";
    public static final String KERNEL = "kernel";
    public static final String HIDDEN = "hidden";
    public static final String TRAIN_SIZE = "train-size";
    public static final String VAL_SIZE = "val-size";
    public static final String TEST_SIZE = "test-size";
    public static final String IMAGE_SIZE = "image-size";
    public static final String BOX = "box";
    public static final String OFFSET_TOP = "offset-top";
    public static final String OFFSET_BOTTOM = "offset-bottom";
    public static final String TEST_SHIFT = "test-shift";
    public static final String DIVISOR = "fluctuation-divisor";
    public static final String DATA_SEED = "data-seed";
    public static final String INDEPENDENT_SEEDS = "independent-seeds";
    public static final String GENERATOR = "generator";
    public static final String DATA_SEEDS = "data-seeds";
    public static final String PUBLISHED = "published";

    public static final List<String> NETS = List.of("Net1", "Net2");

    private PaddingSettings() { }

    public static ConfigSchema schema() {
        ConfigSchema s = new ConfigSchema();
        String study = "Study";
        s.add(multiChoice(NET, NETS, NETS).label("Networks").group(study)
                .help("Net1: global max pool → linear. Net2: flatten → linear 64 → linear (position-sensitive head)."));
        s.add(multiChoice(PADDING, PaddingMode.ids(), PaddingMode.ids()).label("Padding types").group(study)
                .help("valid = none; sconv = zero 1; fconv = zero 2; reflect, replicate, circular = that mode with padding 2."));
        s.add(intSetting(ROUNDS, 10, 1, 100).label("Rounds").group(study)
                .help("Independent trainings per variant; round m initialises the model from seed model-seed + m."));
        s.add(intSetting(MODEL_SEED, 0, 0, 1_000_000).label("Model seed of round 0").group(study));
        s.add(intSetting(PARALLEL_ROUNDS, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 1, 16)
                .label("Rounds at once").group(study)
                .help("Rounds that train at the same time, each on one thread; when one ends, its thread starts the study's next round "
                        + "(of this variant or the next). On 2 cores, 2 is about 1.6× faster than 1. "
                        + "Results do not depend on it beyond float rounding."));
        s.add(choice(DATA_SEEDS, DataProtocol.FIXED_ID, DataProtocol.choices()).label("Data seed per round").group(study)
                .help("fixed: every round trains on the images of the data seed, as published; ± covers the model seeds only. "
                        + "per-round: round m draws its images from data seed + m, so ± covers the data draw too. "
                        + "both: every variant runs both ways, side by side in the table and the bars (twice the rounds)."));
        // Runs saved before this setting showed no published column: re-running them shows none either.
        s.add(boolSetting(PUBLISHED, true).absentMeans(false).label("Show the published table").group(study)
                .help("Adds the published test accuracy (course write-up: numpy draw, data seed 42, 10 rounds, these defaults) "
                        + "beside the run's, and their difference in units of the published std."));

        String training = "Training";
        s.add(intSetting(EPOCHS, 50, 1, 1000).label("Max epochs").group(training));
        s.add(intSetting(PATIENCE, 8, 0, 1000).label("Patience").group(training)
                .help("Stop when validation loss has not improved for more than this many consecutive epochs."));
        s.add(intSetting(BATCH_SIZE, 200, 1, 100_000).label("Batch size").group(training)
                .help("The training set is used in fixed order."));
        s.add(doubleSetting(LR, 1.0, 1e-6, 100).label("Adadelta learning rate").group(training));
        s.add(doubleSetting(RHO, 0.9, 0, 0.99999).label("Adadelta rho").group(training)
                .help("Decay of the running averages of squared gradients and steps."));
        s.add(doubleSetting(EPS, 1e-6, 1e-12, 1).label("Adadelta epsilon").group(training));
        s.add(doubleSetting(WEIGHT_DECAY, 5e-5, 0, 1).label("Weight decay (L2)").group(training)
                .help("Added to the gradient as weight_decay × w, as PyTorch's Adadelta does."));

        String model = "Model";
        s.add(intList(WIDTHS, List.of(32, 32, 64, 64), 1, 1024).label("Conv widths").group(model)
                .help("Output channels of each conv layer (3×3, no bias, ReLU); the list length is the depth."));
        s.add(intList(STRIDES, List.of(1, 2, 2, 2), 1, 4).label("Conv strides").group(model)
                .help("One stride per conv layer."));
        s.add(intSetting(KERNEL, 3, 1, 7).label("Kernel size").group(model));
        s.add(intSetting(HIDDEN, 64, 1, 4096).label("Net2 hidden units").group(model)
                .help("Width of Net2's first linear layer (no activation after it)."));

        String data = "Data";
        s.add(intSetting(TRAIN_SIZE, 2000, 2, 200_000).label("Train images").group(data));
        s.add(intSetting(VAL_SIZE, 1000, 2, 200_000).label("Validation images").group(data)
                .help("By default the validation images are the first training images (same random stream, as published)."));
        s.add(intSetting(TEST_SIZE, 1000, 2, 200_000).label("Test images").group(data)
                .help("Generated like validation, then class 0 moved down and class 1 moved up by the test shift."));
        s.add(intSetting(IMAGE_SIZE, 32, 12, 128).label("Image size (px)").group(data));
        s.add(intSetting(BOX, 4, 1, 32).label("Box size (px)").group(data));
        s.add(intSetting(OFFSET_TOP, 7, 0, 128).label("Top offset (class 0)").group(data));
        s.add(intSetting(OFFSET_BOTTOM, 23, 0, 128).label("Bottom offset (class 1)").group(data));
        s.add(intSetting(TEST_SHIFT, 16, 0, 128).label("Test shift (px)").group(data));
        s.add(intSetting(DIVISOR, 6, 1, 100).label("Fluctuation divisor").group(data)
                .help("Vertical jitter is drawn from −span/divisor .. span/divisor (truncated, upper end exclusive)."));
        // A run saved before this setting drew with java.util.Random: without the key it still does.
        s.add(choice(GENERATOR, DataGenerator.NUMPY.id(), DataGenerator.ids()).absentMeans(DataGenerator.JAVA.id())
                .label("Data generator").group(data)
                .help("numpy (published study): numpy's legacy RandomState(seed), so seed 42 gives exactly the published images. "
                        + "java: java.util.Random(seed), NN Lab's draw before; other images from the same seed."));
        s.add(intSetting(DATA_SEED, 42, 0, Integer.MAX_VALUE).label("Data seed").group(data));
        s.add(boolSetting(INDEPENDENT_SEEDS, false).label("Independent data seeds").group(data)
                .help("Draw validation and test images from seeds data-seed+1 and data-seed+2 instead of restarting the training stream."));

        s.check(PaddingSettings::checkGeometry);
        s.check(PaddingSettings::checkDepth);
        return s;
    }

    private static SettingException checkGeometry(Config c) {
        int size = c.getInt(IMAGE_SIZE);
        int box = c.getInt(BOX);
        BoxDataset.Spec spec = dataSpec(c);
        if (spec.leftRange() < 1) {
            return new SettingException(BOX, "Box size (box) must leave room for the left box: (image-size − box)/2 − box ≥ 1, got box "
                    + box + " with image-size " + size);
        }
        if (spec.jitterHigh() - spec.jitterLow() < 1) {
            return new SettingException(DIVISOR, "Fluctuation divisor (fluctuation-divisor) must leave at least one vertical position: "
                    + "(image-size − box)/divisor ≥ 1");
        }
        for (String key : List.of(OFFSET_TOP, OFFSET_BOTTOM)) {
            if (c.getInt(key) > size - box) {
                return new SettingException(key, key + " must be from 0 to image-size − box = " + (size - box) + ", got " + c.getInt(key));
            }
        }
        return null;
    }

    private static SettingException checkDepth(Config c) {
        if (c.getInts(WIDTHS).size() != c.getInts(STRIDES).size()) {
            return new SettingException(STRIDES, "Conv strides (strides) must have one entry per conv width: "
                    + c.getInts(WIDTHS).size() + " widths but " + c.getInts(STRIDES).size() + " strides");
        }
        for (String id : c.getStrings(PADDING)) {
            PaddingMode mode = PaddingMode.fromId(id);
            long size = c.getInt(IMAGE_SIZE);
            for (int stride : c.getInts(STRIDES)) {
                if (mode.kind() == PaddingMode.Kind.REFLECT && size <= mode.amount()) {
                    return new SettingException(STRIDES, "reflect padding " + mode.amount() + " needs feature maps larger than "
                            + mode.amount() + " px; these strides and image size shrink them to " + size);
                }
                size = PaddingNets.convOutputSize(size, c.getInt(KERNEL), stride, mode.amount());
                if (size < 1) {
                    return new SettingException(STRIDES, "with padding " + id + " the feature maps shrink to nothing: "
                            + "use fewer or smaller strides, a smaller kernel or a larger image-size");
                }
            }
        }
        return null;
    }

    public static DataGenerator generator(Config c) {
        return DataGenerator.fromId(c.getString(GENERATOR));
    }

    public static BoxDataset.Spec dataSpec(Config c) {
        return new BoxDataset.Spec(c.getInt(IMAGE_SIZE), c.getInt(BOX), c.getInt(OFFSET_TOP), c.getInt(OFFSET_BOTTOM), c.getInt(DIVISOR));
    }
}
