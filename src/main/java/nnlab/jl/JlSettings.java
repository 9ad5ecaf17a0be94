package nnlab.jl;

import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;

/** The JL lab's settings (one schema for the app, the command line and saved runs) and their typed view. */
record JlSettings(String source, int points, int dim, int k, double epsilon, int sweepPoints, long seed, double delta,
                  int corollaryDim, int corollaryPoints, int setCap, int setSize, double c) {

    static final String GAUSSIAN = "gaussian";
    static final String IMAGES = "fashion-mnist";
    /** Pixels of a Fashion-MNIST image: the points' dimension when they are images. */
    static final int IMAGE_DIM = 28 * 28;

    static final List<String> PROJECTION_KEYS = List.of("source", "points", "dim", "k", "epsilon", "sweep-points", "seed");
    static final List<String> COROLLARY_KEYS = List.of("delta", "corollary-dim", "corollary-points", "set-cap", "set-size", "c");

    static ConfigSchema schema() {
        return new ConfigSchema()
                .add(Setting.choice("source", GAUSSIAN, List.of(GAUSSIAN, IMAGES)).label("Points").group("Projection")
                        .help("gaussian: entries N(0, 1) in d dimensions; fashion-mnist: the first n training images as 784-pixel rows "
                                + "(generated images when Fashion-MNIST is not installed)."))
                .add(Setting.intSetting("points", 100, 2, 1000).step(1).label("Points n").group("Projection")
                        .help("How many points; every one of the n(n−1)/2 pairs is measured."))
                .add(Setting.intSetting("dim", 1000, 1, 5000).step(10).label("Dimension d").group("Projection")
                        .help("The Gaussian points' dimension (images always have 784)."))
                .add(Setting.intSetting("k", 100, 1, 5000).step(1).label("Target dimension k").group("Projection")
                        .help("Rows of the projection M (k × d Gaussian / √k); at most d."))
                .add(Setting.doubleSetting("epsilon", 0.5, 0.01, 0.99).step(0.01).label("ε").group("Projection")
                        .help("The band (1 ± ε) a squared-distance ratio should fall in; the lemma asks k ≥ 8 ln n / ε²."))
                .add(Setting.intSetting("sweep-points", 12, 2, 40).step(1).label("k values in the sweep").group("Projection")
                        .help("How many k (log-spaced up to d, plus k and the lemma's k) the fraction-against-k figure measures."))
                .add(Setting.intSetting("seed", 1, 0, Integer.MAX_VALUE).label("Seed").group("Projection")
                        .help("Seeds the points, M and the corollary's matrices."))
                .add(Setting.doubleSetting("delta", 0.25, 0.01, 0.99).step(0.01).label("δ").group("Corollary")
                        .help("The largest |u_iᵀu_j| allowed between two vectors of the set."))
                .add(Setting.intSetting("corollary-dim", 512, 2, 2048).step(2).label("Largest dimension n").group("Corollary")
                        .help("The corollary's vectors live in ℝⁿ; the figures against n go up to this n."))
                .add(Setting.intSetting("corollary-points", 6, 2, 20).step(1).label("n values").group("Corollary")
                        .help("How many dimensions n (evenly spaced up to the largest) the figures against n measure."))
                .add(Setting.intSetting("set-cap", 256, 2, 2048).step(2).label("Vectors built").group("Corollary")
                        .help("Columns of M: the most vectors of U measured, so the measured size is capped here."))
                .add(Setting.intSetting("set-size", 100, 2, 2048).step(1).label("Set size N").group("Corollary")
                        .help("The size of U whose largest |u_iᵀu_j| is plotted against n; at most the vectors built."))
                .add(Setting.doubleSetting("c", 72, 1, 1000).label("Constant c").group("Corollary")
                        .help("The write-ups' constant in the guarantee N = e^(nδ²/c) (72 there)."))
                .check(c -> c.getInt("k") > effectiveDim(c)
                        ? new SettingException("k", "Target dimension k (k) must be at most d = " + effectiveDim(c)
                        + (c.getString("source").equals(IMAGES) ? " (the images' pixels)" : "") + ", got " + c.getInt("k")) : null)
                .check(c -> c.getInt("set-size") > c.getInt("set-cap")
                        ? new SettingException("set-size", "Set size N (set-size) must be at most the vectors built (set-cap = "
                        + c.getInt("set-cap") + "), got " + c.getInt("set-size")) : null);
    }

    static int effectiveDim(Config c) {
        return c.getString("source").equals(IMAGES) ? IMAGE_DIM : c.getInt("dim");
    }

    static JlSettings of(Config c) {
        return new JlSettings(c.getString("source"), c.getInt("points"), effectiveDim(c), c.getInt("k"), c.getDouble("epsilon"),
                c.getInt("sweep-points"), c.getLong("seed"), c.getDouble("delta"), c.getInt("corollary-dim"),
                c.getInt("corollary-points"), c.getInt("set-cap"), c.getInt("set-size"), c.getDouble("c"));
    }

    /** The dimensions n the corollary's figures measure: evenly spaced up to the largest. */
    int[] corollaryDims() {
        int[] dims = new int[corollaryPoints];
        for (int i = 0; i < corollaryPoints; i++) dims[i] = Math.max(2, (int) Math.round((double) corollaryDim * (i + 1) / corollaryPoints));
        return dims;
    }
}
