package nnlab.byhand;

import java.util.List;
import java.util.function.Function;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;

/**
 * Every number of the three hand computations as a setting, so the panel, the command line and
 * saved settings accept and refuse the same values. Lists and matrices are text ("1, 2; 0, 1");
 * the schema's checks parse them and name the field of the first problem, including the ones
 * between fields (h⁽⁰⁾ needs a row per node, W's columns must match h's length, ...).
 */
public final class ByHandSettings {
    public static final String CONV = "1-D convolution", GNN = "Graph network by hand", MATRICES = "Graph matrices", SHOWN = "Display";
    public static final int MAX_DIM = GraphMatrices.MAX_FEATURES;

    /** The write-ups' two graphs, with features X for each and a pair (i, j) joined by walks of length 2 to show first. */
    public record Preset(String name, String edges, String features, int walkFrom, int walkTo) { }

    public static final List<Preset> PRESETS = List.of(
            new Preset("5 nodes", "1-2, 1-3, 1-5, 2-3, 3-4", "1, 0; 0, 1; 1, 1; 2, 0; 0, 2", 1, 4),
            new Preset("6 nodes", "1-2, 2-3, 2-5, 3-4, 4-5, 4-6, 5-6", "1, 0; 0, 1; 1, 1; 2, 0; 0, 2; 1, 2", 1, 3));

    private ByHandSettings() { }

    public static ConfigSchema schema() {
        return new ConfigSchema()
                .add(Setting.text("conv-input", "3, 0, -1, 1, -2").label("Input x").group(CONV)
                        .help("The 1-D input, comma-separated (at most " + ConvByHand.MAX_INPUT + " values)."))
                .add(Setting.text("conv-kernel", "-1, 2, -1").label("Kernel w").group(CONV)
                        .help("The kernel, comma-separated; slid over x without flipping, as in every deep-learning library."))
                .add(Setting.doubleSetting("conv-bias", 0, -1e6, 1e6).label("Bias b").group(CONV).help("Added to every window's sum."))
                .add(Setting.intSetting("conv-padding", 0, 0, 8).label("Zero padding").group(CONV)
                        .help("Zeros added at each end of x before sliding (the assignment uses none)."))
                .add(Setting.intSetting("conv-stride", 1, 1, 8).label("Stride").group(CONV).help("How far the window moves each step."))
                .add(Setting.choice("conv-activation", "relu", List.of("relu", "identity")).label("Activation").group(CONV)
                        .help("ReLU (the assignment) or none, before the sum."))
                .add(Setting.text("gnn-edges", "1-2, 2-3, 2-4, 3-4").label("Edges").group(GNN)
                        .help("Undirected edges like 1-2, nodes numbered from 1 (at most " + SmallGraph.MAX_NODES + ")."))
                .add(Setting.text("gnn-h0", "1, 1; 0, 1; 1, 0; -1, 0").label("h⁽⁰⁾ (one row per node)").group(GNN)
                        .help("The nodes' input features, rows separated by ';': row v is h_v⁽⁰⁾."))
                .add(Setting.text("gnn-w", "1, 2; 0, 1").label("W").group(GNN)
                        .help("The shared weight matrix, rows separated by ';'; as many columns as each h⁽⁰⁾ has numbers."))
                .add(Setting.text("gnn-q", "1, 1").label("q").group(GNN).help("The readout vector: y = σ(qᵀ Σ_v h_v⁽¹⁾); one number per row of W."))
                .add(Setting.doubleSetting("gnn-target", 0, 0, 1).label("Target t").group(GNN)
                        .help("The label in the cross-entropy −[t log y + (1 − t) log(1 − y)]."))
                .add(Setting.boolSetting("gnn-self", true).label("v counts itself").group(GNN)
                        .help("true: sum over N(v) ∪ {v} (the assignment); false: over the neighbours N(v) only."))
                .add(Setting.text("graph-edges", PRESETS.get(0).edges()).label("Edges").group(MATRICES)
                        .help("Undirected edges like 1-2; a lone number (\"7\") adds a node without edges."))
                .add(Setting.intSetting("graph-power", 2, 0, GraphMatrices.MAX_POWER).label("Power n of Aⁿ").group(MATRICES)
                        .help("Aⁿ counts the walks of length n."))
                .add(Setting.intSetting("walk-from", PRESETS.get(0).walkFrom(), 1, SmallGraph.MAX_NODES).label("Walks from node i").group(MATRICES)
                        .help("The pair whose walks the drawn graph shows (the panel: click a cell of Aⁿ)."))
                .add(Setting.intSetting("walk-to", PRESETS.get(0).walkTo(), 1, SmallGraph.MAX_NODES).label("Walks to node j").group(MATRICES)
                        .help("The walks' last node."))
                .add(Setting.text("graph-x", PRESETS.get(0).features()).label("Features X (one row per node)").group(MATRICES)
                        .help("Rows separated by ';': used for LX and as h in the message-passing step."))
                .add(Setting.text("mp-w", "1, 0; 1, -1").label("W (neighbours)").group(MATRICES)
                        .help("Multiplies the mean of the neighbours' h; as many columns as X."))
                .add(Setting.text("mp-b", "1, 0; 0, 1").label("B (the node itself)").group(MATRICES)
                        .help("Multiplies h_v; the same size as W."))
                .add(Setting.choice("mp-activation", "relu", GraphMatrices.Activation.ids()).label("σ").group(MATRICES)
                        .help("The message-passing nonlinearity."))
                .add(Setting.intSetting("digits", 6, 2, 12).label("Significant digits").group(SHOWN)
                        .help("How many significant digits the tables show (whole numbers are always exact)."))
                .check(c -> problem(c, ByHandSettings::conv))
                .check(c -> problem(c, ByHandSettings::graphNet))
                .check(c -> problem(c, ByHandSettings::matrices));
    }

    private static SettingException problem(Config c, Function<Config, ?> parse) {
        try {
            parse.apply(c);
            return null;
        } catch (SettingException e) {
            return e;
        }
    }

    /** A field's parse error, prefixed with its label and key as every refusal of a setting is. */
    static SettingException refuse(Config c, String key, String message) {
        Setting s = c.schema().setting(key);
        return new SettingException(key, s.label() + " (" + key + ") " + message);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T field(Config c, String key, Parser<T> parser) {
        try {
            return parser.parse(c.getString(key));
        } catch (SettingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw refuse(c, key, e.getMessage());
        }
    }

    /** The 1-D convolution's inputs; refuses naming the field. */
    public record ConvInputs(double[] x, double[] kernel, double bias, int padding, int stride, boolean relu) { }

    public static ConvInputs conv(Config c) {
        double[] x = field(c, "conv-input", t -> NumberText.list(t, 1, ConvByHand.MAX_INPUT));
        double[] k = field(c, "conv-kernel", t -> NumberText.list(t, 1, ConvByHand.MAX_KERNEL));
        int padding = c.getInt("conv-padding");
        String p = ConvByHand.problem(x.length, k.length, padding);
        if (p != null) throw refuse(c, "conv-kernel", "is too long: " + p);
        return new ConvInputs(x, k, c.getDouble("conv-bias"), padding, c.getInt("conv-stride"),
                c.getString("conv-activation").equals("relu"));
    }

    public static GraphNetByHand.Inputs graphNet(Config c) {
        SmallGraph g = field(c, "gnn-edges", t -> NumberText.edges(t, SmallGraph.MAX_NODES));
        double[][] h0 = field(c, "gnn-h0", t -> NumberText.matrix(t, SmallGraph.MAX_NODES, MAX_DIM));
        double[][] w = field(c, "gnn-w", t -> NumberText.matrix(t, MAX_DIM, MAX_DIM));
        double[] q = field(c, "gnn-q", t -> NumberText.list(t, 1, MAX_DIM));
        GraphNetByHand.Inputs in = new GraphNetByHand.Inputs(g, h0, w, q, c.getDouble("gnn-target"), c.getBoolean("gnn-self"));
        String p = GraphNetByHand.problem(in);
        if (p != null) throw refuse(c, p.startsWith("h") ? "gnn-h0" : p.startsWith("W") ? "gnn-w" : "gnn-q", "does not fit: " + p);
        return in;
    }

    public static GraphMatrices.Inputs matrices(Config c) {
        SmallGraph g = field(c, "graph-edges", t -> NumberText.edges(t, SmallGraph.MAX_NODES));
        double[][] x = field(c, "graph-x", t -> NumberText.matrix(t, SmallGraph.MAX_NODES, MAX_DIM));
        double[][] w = field(c, "mp-w", t -> NumberText.matrix(t, MAX_DIM, MAX_DIM));
        double[][] b = field(c, "mp-b", t -> NumberText.matrix(t, MAX_DIM, MAX_DIM));
        GraphMatrices.Inputs in = new GraphMatrices.Inputs(g, c.getInt("graph-power"), x, w, b,
                GraphMatrices.Activation.of(c.getString("mp-activation")));
        for (String key : List.of("walk-from", "walk-to")) {
            if (c.getInt(key) > g.nodes()) throw refuse(c, key, "must be a node of the graph, 1 to " + g.nodes() + ", got " + c.getInt(key));
        }
        String p = GraphMatrices.problem(in);
        if (p != null) throw refuse(c, p.startsWith("X") ? "graph-x" : p.startsWith("B") ? "mp-b" : "mp-w", "does not fit: " + p);
        return in;
    }
}
