package nnlab.graph;

import static nnlab.kernel.config.Setting.doubleSetting;
import static nnlab.kernel.config.Setting.intSetting;

import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;

/**
 * The generated graph's settings, the same keys, labels and help in every study that falls back
 * on a CSBM; each study chooses its own defaults (the oversmoothing study wants a denser graph).
 */
public final class CsbmSettings {
    public static final String NODES = "nodes";
    public static final String CLASSES = "classes";
    public static final String P_IN = "p-in";
    public static final String P_OUT = "p-out";
    public static final String FEATURE_DIM = "feature-dim";
    public static final String FEATURE_NOISE = "feature-noise";
    public static final String GRAPH_SEED = "graph-seed";
    public static final String GROUP = "Generated graph (csbm)";

    /** A study's defaults for the generated graph, and the most nodes it allows. */
    public record Defaults(int nodes, int maxNodes, double pIn, double pOut, double featureNoise) { }

    private CsbmSettings() { }

    public static void addTo(ConfigSchema s, Defaults d) {
        s.add(intSetting(NODES, d.nodes(), 10, d.maxNodes()).label("Nodes").group(GROUP));
        s.add(intSetting(CLASSES, 4, 2, 50).label("Classes").group(GROUP));
        s.add(doubleSetting(P_IN, d.pIn(), 0, 1).label("Edge probability within a class").group(GROUP));
        s.add(doubleSetting(P_OUT, d.pOut(), 0, 1).label("Edge probability between classes").group(GROUP));
        s.add(intSetting(FEATURE_DIM, 32, 1, 4096).label("Feature dimension").group(GROUP));
        s.add(doubleSetting(FEATURE_NOISE, d.featureNoise(), 0, 1000).label("Feature noise (std)").group(GROUP)
                .help("Features = class mean (standard normal vector) + noise × N(0, 1) per coordinate."));
        s.add(intSetting(GRAPH_SEED, 42, 0, Integer.MAX_VALUE).label("Graph seed").group(GROUP));
    }

    public static Csbm.Spec spec(Config c) {
        return new Csbm.Spec(c.getInt(NODES), c.getInt(CLASSES), c.getDouble(P_IN), c.getDouble(P_OUT), c.getInt(FEATURE_DIM),
                c.getDouble(FEATURE_NOISE), c.getInt(GRAPH_SEED));
    }
}
