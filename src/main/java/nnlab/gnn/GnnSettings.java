package nnlab.gnn;

import static nnlab.graph.CsbmSettings.NODES;
import static nnlab.graph.CsbmSettings.CLASSES;
import static nnlab.kernel.config.Setting.boolSetting;
import static nnlab.kernel.config.Setting.choice;
import static nnlab.kernel.config.Setting.doubleSetting;
import static nnlab.kernel.config.Setting.intSetting;
import static nnlab.kernel.config.Setting.multiChoice;
import static nnlab.kernel.config.Setting.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnlab.graph.CsbmSettings;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;

/** Every number of the GCN-vs-GAT study as a setting; the defaults are the papers' values. */
public final class GnnSettings {
    public static final String DATA_DIR = "data-dir";
    public static final String GRAPH = "graph";
    public static final String MODELS = "models";
    public static final String PRESET = "preset";
    public static final String SEEDS = "seeds";
    public static final String FIRST_SEED = "first-seed";
    public static final String ROW_NORMALISE = "row-normalise";
    public static final String INSPECT_NODE = "inspect-node";
    public static final String INSPECT_CLASS = "inspect-class";
    public static final String TRAIN_PER_CLASS = "train-per-class";
    public static final String VAL_SIZE = "val-size";
    public static final String TEST_SIZE = "test-size";

    public static final String GCN_HIDDEN = "gcn-hidden";
    public static final String GCN_DROPOUT = "gcn-dropout";
    public static final String GCN_LR = "gcn-lr";
    public static final String GCN_WEIGHT_DECAY = "gcn-weight-decay";
    public static final String GCN_DECAY_ALL = "gcn-decay-all-layers";
    public static final String GCN_EPOCHS = "gcn-epochs";
    public static final String GAT_HEADS = "gat-heads";
    public static final String GAT_HIDDEN = "gat-hidden";
    public static final String GAT_OUT_HEADS = "gat-output-heads";
    public static final String GAT_INPUT_DROPOUT = "gat-input-dropout";
    public static final String GAT_ATTENTION_DROPOUT = "gat-attention-dropout";
    public static final String GAT_SLOPE = "gat-leaky-slope";
    public static final String GAT_LR = "gat-lr";
    public static final String GAT_WEIGHT_DECAY = "gat-weight-decay";
    public static final String GAT_EPOCHS = "gat-epochs";
    public static final String GAT_PATIENCE = "gat-patience";

    public static final String GCN = "GCN";
    public static final String GAT = "GAT";
    public static final String CSBM = "csbm";
    public static final String KARATE = "karate";
    public static final String AS_SET = "settings below";
    public static final String PAPER = "paper";
    public static final String WRITE_UP = "course write-up";

    private GnnSettings() { }

    public static ConfigSchema schema() {
        ConfigSchema s = new ConfigSchema();
        String study = "Study";
        s.add(text(DATA_DIR, "").optional().label("Cora-format folder").group(study)
                .help("A folder with <name>.content and <name>.cites in the LINQS text format (Cora; Citeseer and PubMed "
                        + "in that format too). Empty: the generated graph below."));
        s.add(choice(GRAPH, CSBM, List.of(CSBM, KARATE)).label("Generated graph (no folder)").group(study)
                .help("csbm: a contextual stochastic block model (settings below); karate: Zachary's karate club."));
        s.add(multiChoice(MODELS, List.of(GCN, GAT), List.of(GCN, GAT)).label("Models").group(study));
        s.add(choice(PRESET, AS_SET, List.of(AS_SET, PAPER, WRITE_UP)).label("Preset").group(study)
                .help(Presets.HELP));
        s.add(intSetting(SEEDS, 10, 1, 100).label("Seeds per model").group(study)
                .help("Independent trainings per model (weights and dropout masks); results are mean ± std over them."));
        s.add(intSetting(FIRST_SEED, 0, 0, Integer.MAX_VALUE).label("First seed").group(study)
                .help("Seeds first-seed, first-seed + 1, … are used, the same for both models."));
        s.add(boolSetting(ROW_NORMALISE, true).label("Row-normalise features").group(study)
                .help("Divide each node's feature row by its L1 norm (its sum for Cora's 0/1 words), as both papers do."));
        s.add(intSetting(INSPECT_NODE, -1, -1, Integer.MAX_VALUE).label("Node to look inside").group(study)
                .help("Node index (row of the content file) whose attention is drawn after the run; −1: the test node whose "
                        + "GAT prediction is the most uncertain (highest entropy)."));
        s.add(intSetting(INSPECT_CLASS, -1, -1, 1000).label("Class to look inside").group(study)
                .help("With node −1: the most uncertain test node of this class (0-based, in the order of the class names); "
                        + "−1: of any class."));

        String split = "Split";
        s.add(intSetting(TRAIN_PER_CLASS, 20, 1, 10_000).label("Train nodes per class").group(split)
                .help("Planetoid rule: in row order the first nodes of each class train, the next validate, then test."));
        s.add(intSetting(VAL_SIZE, 500, 1, 100_000).label("Validation nodes").group(split));
        s.add(intSetting(TEST_SIZE, 1000, 1, 100_000).label("Test nodes").group(split));

        String gcn = "GCN (Kipf & Welling 2017)";
        s.add(intSetting(GCN_HIDDEN, 16, 1, 1024).label("GCN hidden width").group(gcn));
        s.add(doubleSetting(GCN_DROPOUT, 0.5, 0, 0.95).label("GCN dropout").group(gcn)
                .help("On the input of both layers (inverted dropout; off at evaluation)."));
        s.add(doubleSetting(GCN_LR, 0.01, 1e-6, 1).label("GCN Adam learning rate").group(gcn));
        s.add(doubleSetting(GCN_WEIGHT_DECAY, 5e-4, 0, 1).label("GCN weight decay (L2)").group(gcn));
        s.add(boolSetting(GCN_DECAY_ALL, false).label("GCN decay on both layers").group(gcn)
                .help("Off: L2 on the first layer's weights only, as in Kipf & Welling's code."));
        s.add(intSetting(GCN_EPOCHS, 200, 1, 100_000).label("GCN epochs").group(gcn));

        String gat = "GAT (Veličković et al. 2018)";
        s.add(intSetting(GAT_HEADS, 8, 1, 64).label("GAT heads, layer 1").group(gat));
        s.add(intSetting(GAT_HIDDEN, 8, 1, 1024).label("GAT features per head").group(gat));
        s.add(intSetting(GAT_OUT_HEADS, 1, 1, 64).label("GAT output heads (averaged)").group(gat));
        s.add(doubleSetting(GAT_INPUT_DROPOUT, 0.6, 0, 0.95).label("GAT input dropout").group(gat)
                .help("On the input of both layers."));
        s.add(doubleSetting(GAT_ATTENTION_DROPOUT, 0.6, 0, 0.95).label("GAT attention dropout").group(gat)
                .help("On the normalised attention coefficients of both layers."));
        s.add(doubleSetting(GAT_SLOPE, 0.2, 0, 1).label("GAT LeakyReLU slope").group(gat));
        s.add(doubleSetting(GAT_LR, 0.005, 1e-6, 1).label("GAT Adam learning rate").group(gat));
        s.add(doubleSetting(GAT_WEIGHT_DECAY, 5e-4, 0, 1).label("GAT weight decay (L2)").group(gat)
                .help("On every weight and attention vector, not on biases."));
        s.add(intSetting(GAT_EPOCHS, 1000, 1, 100_000).label("GAT epochs (at most)").group(gat));
        s.add(intSetting(GAT_PATIENCE, 100, 0, 100_000).label("GAT patience").group(gat)
                .help("Stop after this many epochs without a lower validation loss and keep the best weights; 0: train every epoch, keep the last."));

        CsbmSettings.addTo(s, new CsbmSettings.Defaults(600, 20_000, 0.02, 0.004, 3.0));

        s.check(GnnSettings::checkData);
        return s;
    }

    private static SettingException checkData(Config c) {
        String dir = c.getString(DATA_DIR);
        if (dir != null && !dir.isBlank() && !Files.isDirectory(Path.of(dir))) {
            return new SettingException(DATA_DIR, "Cora-format folder (data-dir) must be an existing folder, got '" + dir + "'");
        }
        if (c.getStrings(MODELS).isEmpty()) return new SettingException(MODELS, "Models (models): choose at least one of GCN, GAT");
        if ((dir == null || dir.isBlank()) && c.getString(GRAPH).equals(CSBM) && c.getInt(CLASSES) > c.getInt(NODES)) {
            return new SettingException(CLASSES, "Classes (classes) must not exceed nodes (" + c.getInt(NODES) + "), got " + c.getInt(CLASSES));
        }
        // The folder is read here, not at the start of the run, so that a malformed file is refused as a setting problem
        // (file, line, reason) before anything trains; GnnData caches the answer per folder and file dates.
        if (dir != null && !dir.isBlank()) return GnnData.folderProblem(c);
        return GnnData.memoryProblem(GnnData.generatedSize(c), c, GnnData.bytesAvailable());
    }
}
