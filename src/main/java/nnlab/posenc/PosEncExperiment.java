package nnlab.posenc;

import nnlab.kernel.figure.NiceNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;

/**
 * Spec §3: EᵀE of the sinusoidal encoding, adding vs concatenating content, attention maps, and
 * attention as Conv1D / max pooling. The run emits every matrix as a figure (the engine writes
 * PNG + CSV) and returns the numbers a reader checks first.
 */
public final class PosEncExperiment implements Experiment {
    public static final String ID = "posenc";
    public static final List<String> COLOR_MAPS = List.of("viridis", "magma", "gray", "diverging");
    public static final ViewSpec GRAM = ViewSpec.figure("ete", "EᵀE");
    public static final ViewSpec GRAM_ROW = ViewSpec.figure("ete-row", "A row of EᵀE");
    public static final ViewSpec ADDED_GRAM = ViewSpec.figure("added-gram", "(X + E)ᵀ(X + E)");
    public static final ViewSpec CONCAT_GRAM = ViewSpec.figure("concat-gram", "[X | E]ᵀ[X | E]");
    public static final ViewSpec CONV_ATTENTION = ViewSpec.figure("conv-attention", "Attention as a convolution");
    public static final ViewSpec CONV_OUTPUT = ViewSpec.figure("conv-output", "Convolution output");
    public static final ViewSpec POOL_ATTENTION = ViewSpec.figure("maxpool-attention", "Attention as max-pooling");
    public static final ViewSpec POOL_OUTPUT = ViewSpec.figure("maxpool-output", "Max-pooling output");
    public static final ViewSpec POOL_ERROR = ViewSpec.figure("maxpool-error-vs-c", "Max-pooling error vs c");

    /** One term of the decomposition (X + E)ᵀ(X + E) = XᵀX + XᵀE + EᵀX + EᵀE; t in 0..3. */
    public static ViewSpec termView(int t) {
        return ViewSpec.figure("term-" + PosEncFigures.TERM_IDS[t], "Term " + PosEncFigures.TERM_IDS[t]);
    }

    public static ViewSpec attentionView(PosEncStudy.Query q) {
        return ViewSpec.figure("attention-" + PosEncFigures.queryId(q), "Attention weights · " + PosEncFigures.queryId(q));
    }
    /** The c values of the error-vs-c curve; the chosen c is added to it. */
    static final double[] C_SWEEP = {0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16};

    private final ConfigSchema schema = new ConfigSchema()
            .add(Setting.intSetting("p", 256, 2, SinusoidalEncoding.MAX_P).step(2).label("Dimension p").group("Encoding")
                    .help("Rows of E; must be even (a sin and a cos row per frequency)."))
            .add(Setting.intSetting("n", 64, 1, SinusoidalEncoding.MAX_N).step(1).label("Positions N").group("Encoding")
                    .help("Columns of E; EᵀE is N×N."))
            .add(Setting.doubleSetting("base", 10000, 0, 1e12).label("Base").group("Encoding")
                    .help("ω_k = base^(−2k/p); must be positive."))
            .add(Setting.intSetting("row", 0, 0, SinusoidalEncoding.MAX_N - 1).step(1).label("Plotted row").group("Encoding")
                    .help("The row i of EᵀE drawn as a line plot; from 0 to N−1."))
            .add(Setting.choice("colormap", "viridis", COLOR_MAPS).label("Colour map").group("Encoding")
                    .help("diverging is centred on 0 (blue negative, red positive)."))
            .add(Setting.doubleSetting("sigma-scale", 1, 0, 10).step(0.05).label("σ scale of X").group("Content X")
                    .help("X ~ Normal(μ_E, (scale·σ_E)²), μ_E and σ_E the mean and std of E's entries."))
            .add(Setting.intSetting("draws", 5, 1, 100).label("Draws").group("Content X")
                    .help("How many seeded draws of X the summary statistics average over."))
            .add(Setting.intSetting("draw", 0, 0, 99).step(1).label("Draw shown").group("Content X")
                    .help("Which draw (0-based) the figures show."))
            .add(Setting.intSetting("seed", 1, 0, Integer.MAX_VALUE).label("Seed").group("Content X")
                    .help("Seeds the draws of X and the random signal."))
            .add(Setting.text("signal", "").optional().label("Signal").group("Attention as convolution")
                    .help("Comma-separated input values; empty for a random positive signal."))
            .add(Setting.intSetting("length", 32, 2, Signals.MAX_LENGTH).step(1).label("Signal length").group("Attention as convolution")
                    .help("Length of the random signal (ignored when a signal is given)."))
            .add(Setting.intSetting("k", 2, 0, 64).step(1).label("Pool half-width k").group("Attention as convolution")
                    .help("Max pooling over positions i−k … i+k."))
            .add(Setting.doubleSetting("c", 4, 0, 20).step(0.1).label("c = w_Q = w_K").group("Attention as convolution")
                    .help("Sharpness of the attention max pool; the error shrinks as c grows."))
            .check(c -> c.getInt("p") % 2 != 0
                    ? new SettingException("p", "p must be even (sin and cos come in pairs), got " + c.getInt("p")) : null)
            .check(c -> c.getDouble("base") <= 0
                    ? new SettingException("base", "base must be positive, got " + c.getDouble("base")) : null)
            .check(c -> c.getInt("row") >= c.getInt("n")
                    ? new SettingException("row", "the plotted row must be below N = " + c.getInt("n") + ", got " + c.getInt("row")) : null)
            .check(c -> c.getInt("draw") >= c.getInt("draws")
                    ? new SettingException("draw", "the draw shown must be below draws = " + c.getInt("draws") + ", got " + c.getInt("draw")) : null)
            .check(c -> {
                String s = c.getString("signal");
                if (s == null || s.isBlank()) return null;
                try {
                    Signals.parse(s);
                    return null;
                } catch (IllegalArgumentException e) {
                    return new SettingException("signal", "signal: " + e.getMessage());
                }
            });

    @Override public String id() { return ID; }

    @Override public String title() { return "Positional encodings"; }

    @Override
    public String description() {
        return "EᵀE of the sinusoidal encoding, adding vs concatenating content, attention maps, attention as Conv1D and max pooling";
    }

    @Override public ConfigSchema schema() { return schema; }

    @Override
    public String howToRead() {
        return """
                E is the sinusoidal positional encoding: column j is position j, written as sines and cosines of p/2 \
                frequencies. EᵀE compares every position with every other: a bright diagonal band means nearby \
                positions look alike and far ones differ, and each row (the line plot) peaks at its own position and \
                decays with distance, never depending on where in the sequence it is, only on the distance.

                Adding content X to E mixes four terms, (X + E)ᵀ(X + E) = XᵀX + XᵀE + EᵀX + EᵀE: with σ scale near 1 \
                the content terms blur the positional band; a small σ keeps it. Concatenating [X | E] keeps the two \
                apart: its Gram matrix is exactly XᵀX + EᵀE, with no cross terms.

                The attention maps show which positions a query attends to. The convolution tab builds attention \
                that reproduces a Conv1D exactly; the max-pooling tab approximates max pooling with a softmax whose \
                sharpness c grows: the error falls as c rises (the error-vs-c curve), reaching zero only in the \
                limit.""";
    }

    @Override public int order() { return 30; }

    @Override
    public List<ViewSpec> views(Config config) {
        List<ViewSpec> views = new ArrayList<>(List.of(GRAM, GRAM_ROW, ADDED_GRAM, CONCAT_GRAM));
        for (int t = 0; t < 4; t++) views.add(termView(t));
        for (PosEncStudy.Query q : PosEncStudy.Query.values()) views.add(attentionView(q));
        views.addAll(List.of(CONV_ATTENTION, CONV_OUTPUT, POOL_ATTENTION, POOL_OUTPUT, POOL_ERROR));
        return views;
    }

    public static ColorMap colorMap(String name) {
        return ColorMap.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The signal of a config: the typed one, or a random positive one. */
    public static double[] signal(Config config) {
        String s = config.getString("signal");
        return s == null || s.isBlank() ? Signals.random(config.getInt("length"), config.getInt("seed")) : Signals.parse(s);
    }

    @Override
    public PosEncSummary run(Config config, RunContext ctx) {
        int p = config.getInt("p");
        int n = config.getInt("n");
        double base = config.getDouble("base");
        int row = config.getInt("row");
        ColorMap map = colorMap(config.getString("colormap"));
        double sigmaScale = config.getDouble("sigma-scale");
        int draws = config.getInt("draws");
        int shown = config.getInt("draw");
        long seed = config.getInt("seed");

        ctx.progress(0, "EᵀE");
        PosEncStudy.EncodingView enc = PosEncStudy.encoding(p, n, base, row);
        ctx.figure(GRAM, PosEncFigures.gram(enc, p, base, map));
        ctx.figure(GRAM_ROW, PosEncFigures.gramRow(enc));
        ctx.log(String.format(Locale.ROOT, "EᵀE: diagonal %s (p/2 = %s), largest deviation from Toeplitz %.3g",
                NiceNumbers.format(enc.diagonalMax()), NiceNumbers.format(p / 2.0), enc.toeplitzDeviation()));

        List<PosEncSummary.Draw> perDraw = new ArrayList<>();
        double[] ratios = new double[draws];
        double[] corr = new double[draws];
        for (int d = 0; d < draws; d++) {
            ctx.checkCancelled();
            ctx.progress(0.1 + 0.5 * d / draws, "draw " + (d + 1) + " of " + draws);
            PosEncStudy.ContentView cv = PosEncStudy.content(p, n, base, sigmaScale, seed, d, d == shown);
            ratios[d] = cv.crossRatio();
            corr[d] = cv.correlationWithEtE();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("draw", d);
            r.put("cross_terms_relative_norm", cv.crossRatio());
            r.put("added_correlation_with_EtE", cv.correlationWithEtE());
            r.put("added_toeplitz_deviation", cv.addedToeplitzDeviation());
            perDraw.add(new PosEncSummary.Draw(d, cv.crossRatio(), cv.correlationWithEtE(), cv.addedToeplitzDeviation()));
            ctx.recordMetrics(r);
            if (d == shown) {
                ctx.figure(ADDED_GRAM, PosEncFigures.added(cv, shown, map));
                ctx.figure(CONCAT_GRAM, PosEncFigures.concatenated(cv, n, shown, map));
                for (int t = 0; t < 4; t++) ctx.figure(termView(t), PosEncFigures.term(cv, t, map));
            }
        }
        PosEncSummary.Content content = new PosEncSummary.Content(sigmaScale, draws, mean(ratios), std(ratios), mean(corr), std(corr),
                true, perDraw);

        ctx.progress(0.6, "attention");
        Map<String, Double> attention = new LinkedHashMap<>();
        for (PosEncStudy.Query q : PosEncStudy.Query.values()) {
            ctx.checkCancelled();
            Matrix a = PosEncStudy.attention(p, n, base, sigmaScale, seed, shown, q);
            ctx.figure(attentionView(q), PosEncFigures.attention(a, q, p, n, map));
            attention.put("self_weight_mean_" + PosEncFigures.queryId(q), PosEncStudy.meanDiagonal(a));
        }

        ctx.progress(0.8, "attention as convolution");
        double[] x = signal(config);
        int k = config.getInt("k");
        double c = config.getDouble("c");
        AttentionAsConvolution.Result conv = AttentionAsConvolution.convolution(x);
        ctx.figure(CONV_ATTENTION, PosEncFigures.convAttention(conv, map));
        ctx.figure(CONV_OUTPUT, PosEncFigures.convOutput(x, conv));
        AttentionAsConvolution.Result pool = AttentionAsConvolution.maxPool(x, k, c);
        ctx.figure(POOL_ATTENTION, PosEncFigures.poolAttention(pool, k, c, map));
        ctx.figure(POOL_OUTPUT, PosEncFigures.poolOutput(x, pool, k, c));
        double[] sweep = sweepWith(c);
        double[] errors = new double[sweep.length];
        for (int i = 0; i < sweep.length; i++) errors[i] = AttentionAsConvolution.maxPool(x, k, sweep[i]).maxAbsError();
        ctx.figure(POOL_ERROR, PosEncFigures.errorVsC(sweep, errors, k, c));

        ctx.log(String.format(Locale.ROOT, "attention conv: max |error| %.3g inside, %.3g with borders; max pool (k=%d, c=%s): %.3g",
                conv.maxAbs(1, x.length - 1), conv.maxAbsError(), k, NiceNumbers.format(c), pool.maxAbsError()));
        ctx.progress(1, "done");
        List<PosEncSummary.ErrorAtC> curve = new ArrayList<>();
        for (int i = 0; i < sweep.length; i++) curve.add(new PosEncSummary.ErrorAtC(sweep[i], errors[i]));
        double diagonalDeviation = Math.max(Math.abs(enc.diagonalMax() - p / 2.0), Math.abs(enc.diagonalMin() - p / 2.0));
        return new PosEncSummary(p, n, base, enc.diagonalMax(), p / 2.0, diagonalDeviation, enc.toeplitzDeviation(), content, attention,
                x.length, conv.maxAbsError(), conv.maxAbs(1, x.length - 1), PosEncSummary.CONV_BORDER_NOTE, k, c, pool.maxAbsError(), curve);
    }

    static double[] sweepWith(double c) {
        java.util.TreeSet<Double> s = new java.util.TreeSet<>();
        for (double v : C_SWEEP) s.add(v);
        s.add(c);
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double d : v) s += (d - m) * (d - m);
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
    }

}
