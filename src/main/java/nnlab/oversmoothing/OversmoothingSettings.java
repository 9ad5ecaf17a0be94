package nnlab.oversmoothing;

import static nnlab.graph.CsbmSettings.NODES;
import static nnlab.graph.CsbmSettings.CLASSES;
import static nnlab.kernel.config.Setting.choice;
import static nnlab.kernel.config.Setting.doubleSetting;
import static nnlab.kernel.config.Setting.intList;
import static nnlab.kernel.config.Setting.intSetting;
import static nnlab.kernel.config.Setting.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnlab.graph.CsbmSettings;
import nnlab.graph.CoraLoader;
import nnlab.graph.Csbm;
import nnlab.graph.Graph;
import nnlab.graph.KarateClub;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;

/** Every number of the oversmoothing study (spec §4) as a setting, with its default. */
public final class OversmoothingSettings {
    public static final String GRAPH = "graph";
    public static final String DEPTHS = "depths";
    public static final String DATA_DIR = "data-dir";
    public static final String HIDDEN = "hidden";
    public static final String DROPOUT = "dropout";
    public static final String LR = "lr";
    public static final String WEIGHT_DECAY = "weight-decay";
    public static final String EPOCHS = "epochs";
    public static final String SEED = "seed";
    public static final String TRAIN_PER_CLASS = "train-per-class";
    public static final String VAL_SIZE = "val-size";
    public static final String TEST_SIZE = "test-size";

    public static final String CSBM = "csbm";
    public static final String KARATE = "karate";
    public static final String CORA = "cora";
    public static final List<String> GRAPHS = List.of(CSBM, KARATE, CORA);

    /** A dense Â of this many nodes takes 100 MB in float; beyond it the dense design no longer fits. */
    public static final int MAX_NODES = 5000;

    private OversmoothingSettings() { }

    public static ConfigSchema schema() {
        ConfigSchema s = new ConfigSchema();
        String study = "Study";
        s.add(choice(GRAPH, CSBM, GRAPHS).label("Graph").group(study)
                .help("csbm: generated contextual stochastic block model (settings below); karate: Zachary's karate club "
                        + "(34 nodes, 2 factions, one-hot node features); cora: Cora from the data folder."));
        s.add(intList(DEPTHS, List.of(1, 2, 5, 20), 1, 64).label("Depths (layers)").group(study)
                .help("One GCN is trained per depth; depth 1 is a single Â X W layer."));
        s.add(text(DATA_DIR, "").optional().label("Cora folder").group(study)
                .help("Folder with cora.content and cora.cites (LINQS text format); needed for graph = cora."));

        String model = "Model";
        s.add(intSetting(HIDDEN, 64, 1, 1024).label("Hidden width").group(model));
        s.add(doubleSetting(DROPOUT, 0.5, 0, 0.95).label("Dropout").group(model)
                .help("Drop probability after every ReLU between layers (inverted dropout; off at evaluation)."));

        String training = "Training";
        s.add(doubleSetting(LR, 1e-2, 1e-6, 1).label("Adam learning rate").group(training));
        s.add(doubleSetting(WEIGHT_DECAY, 1e-5, 0, 1).label("Weight decay (L2)").group(training)
                .help("Added to the gradient as weight_decay × w before Adam, as torch.optim.Adam(weight_decay) does."));
        s.add(intSetting(EPOCHS, 25, 1, 10_000).label("Epochs").group(training)
                .help("Full-batch: one Adam step per epoch."));
        s.add(intSetting(SEED, 0, 0, Integer.MAX_VALUE).label("Model seed").group(training)
                .help("Seeds the weights and the dropout masks; every depth starts from this seed."));

        String split = "Split";
        s.add(intSetting(TRAIN_PER_CLASS, 20, 1, 10_000).label("Train nodes per class").group(split)
                .help("Planetoid rule: the first nodes of each class in node order train, the next nodes validate, then test. "
                        + "Graphs too small for these sizes (karate club) are split proportionally; the sizes used are logged."));
        s.add(intSetting(VAL_SIZE, 500, 1, 100_000).label("Validation nodes").group(split));
        s.add(intSetting(TEST_SIZE, 1000, 0, 100_000).label("Test nodes").group(split));

        CsbmSettings.addTo(s, new CsbmSettings.Defaults(500, MAX_NODES, 0.06, 0.006, 6.0));

        s.check(OversmoothingSettings::checkData);
        return s;
    }

    private static SettingException checkData(Config c) {
        if (c.getString(GRAPH).equals(CORA)) {
            String dir = c.getString(DATA_DIR);
            if (dir == null || dir.isBlank()) {
                return new SettingException(DATA_DIR, "Cora folder (data-dir) is needed for graph = cora: "
                        + "a folder holding cora.content and cora.cites");
            }
            if (!Files.isDirectory(Path.of(dir))) {
                return new SettingException(DATA_DIR, "Cora folder (data-dir) must be an existing folder, got '" + dir + "'");
            }
        }
        if (c.getString(GRAPH).equals(CSBM) && c.getInt(CLASSES) > c.getInt(NODES)) {
            return new SettingException(CLASSES, "Classes (classes) must not exceed nodes (" + c.getInt(NODES) + "), got "
                    + c.getInt(CLASSES));
        }
        return null;
    }

    public static Csbm.Spec csbm(Config c) {
        return CsbmSettings.spec(c);
    }

    /** The graph a config asks for, with its split. */
    public static Graph graph(Config c) {
        int tpc = c.getInt(TRAIN_PER_CLASS), val = c.getInt(VAL_SIZE), test = c.getInt(TEST_SIZE);
        switch (c.getString(GRAPH)) {
            case KARATE: return KarateClub.graph(tpc, val, test);
            case CORA: return CoraLoader.load(Path.of(c.getString(DATA_DIR)), tpc, val, test);
            default: return Csbm.generate(csbm(c), tpc, val, test);
        }
    }
}
