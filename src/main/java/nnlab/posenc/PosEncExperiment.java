package nnlab.posenc;

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

/**
 * Spec §3: EᵀE of the sinusoidal encoding, adding vs concatenating content, attention maps, and
 * attention as Conv1D / max pooling. The run emits every matrix as a figure (the engine writes
 * PNG + CSV) and returns the numbers a reader checks first.
 */
public final class PosEncExperiment implements Experiment {
    public static final String ID = "posenc";
    public static final List<String> COLOR_MAPS = List.of("viridis", "magma", "gray", "diverging");
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

    public static ColorMap colorMap(String name) {
        return ColorMap.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The signal of a config: the typed one, or a random positive one. */
    public static double[] signal(Config config) {
        String s = config.getString("signal");
        return s == null || s.isBlank() ? Signals.random(config.getInt("length"), config.getInt("seed")) : Signals.parse(s);
    }

    /** The two numbers the study is about, e.g. "cross terms 0.118 of the sum, max-pool error 0.0312". */
    @Override
    public String headline(Map<String, Object> summary) {
        List<String> parts = new ArrayList<>();
        if (summary.get("added_vs_concatenated") instanceof Map<?, ?> content
                && content.get("cross_terms_relative_norm_mean") instanceof Number cross) {
            parts.add(String.format(Locale.ROOT, "cross terms %.3g of the sum", cross.doubleValue()));
        }
        if (summary.get("maxpool_max_abs_error") instanceof Number error) {
            parts.add(String.format(Locale.ROOT, "max-pool error %.3g", error.doubleValue()));
        }
        return String.join(", ", parts);
    }

    @Override
    public Map<String, Object> run(Config config, RunContext ctx) {
        int p = config.getInt("p");
        int n = config.getInt("n");
        double base = config.getDouble("base");
        int row = config.getInt("row");
        ColorMap map = colorMap(config.getString("colormap"));
        double sigmaScale = config.getDouble("sigma-scale");
        int draws = config.getInt("draws");
        int shown = config.getInt("draw");
        long seed = config.getInt("seed");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("p", p);
        summary.put("n", n);
        summary.put("base", base);

        ctx.progress(0, "EᵀE");
        PosEncStudy.EncodingView enc = PosEncStudy.encoding(p, n, base, row);
        ctx.figure("ete", PosEncFigures.gram(enc, p, base, map));
        ctx.figure("ete-row", PosEncFigures.gramRow(enc));
        summary.put("diagonal_value", enc.diagonalMax());
        summary.put("diagonal_expected", p / 2.0);
        summary.put("diagonal_max_deviation", Math.max(Math.abs(enc.diagonalMax() - p / 2.0), Math.abs(enc.diagonalMin() - p / 2.0)));
        summary.put("toeplitz_max_deviation", enc.toeplitzDeviation());
        ctx.log(String.format(Locale.ROOT, "EᵀE: diagonal %s (p/2 = %s), largest deviation from Toeplitz %.3g",
                HeatmapColors.format(enc.diagonalMax()), HeatmapColors.format(p / 2.0), enc.toeplitzDeviation()));

        List<Map<String, Object>> perDraw = new ArrayList<>();
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
            perDraw.add(r);
            ctx.recordMetrics(r);
            if (d == shown) {
                ctx.figure("added-gram", PosEncFigures.added(cv, shown, map));
                ctx.figure("concat-gram", PosEncFigures.concatenated(cv, n, shown, map));
                for (int t = 0; t < 4; t++) ctx.figure("term-" + PosEncFigures.TERM_IDS[t], PosEncFigures.term(cv, t, map));
            }
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("sigma_scale", sigmaScale);
        content.put("draws", draws);
        content.put("cross_terms_relative_norm_mean", mean(ratios));
        content.put("cross_terms_relative_norm_std", std(ratios));
        content.put("added_correlation_with_EtE_mean", mean(corr));
        content.put("added_correlation_with_EtE_std", std(corr));
        content.put("concatenated_EtE_block_equals_EtE", true);
        content.put("per_draw", perDraw);
        summary.put("added_vs_concatenated", content);

        ctx.progress(0.6, "attention");
        Map<String, Object> attention = new LinkedHashMap<>();
        for (PosEncStudy.Query q : PosEncStudy.Query.values()) {
            ctx.checkCancelled();
            Matrix a = PosEncStudy.attention(p, n, base, sigmaScale, seed, shown, q);
            ctx.figure("attention-" + PosEncFigures.queryId(q), PosEncFigures.attention(a, q, p, n, map));
            attention.put("self_weight_mean_" + PosEncFigures.queryId(q), PosEncStudy.meanDiagonal(a));
        }
        summary.put("attention", attention);

        ctx.progress(0.8, "attention as convolution");
        double[] x = signal(config);
        int k = config.getInt("k");
        double c = config.getDouble("c");
        AttentionAsConvolution.Result conv = AttentionAsConvolution.convolution(x);
        ctx.figure("conv-attention", PosEncFigures.convAttention(conv, map));
        ctx.figure("conv-output", PosEncFigures.convOutput(x, conv));
        AttentionAsConvolution.Result pool = AttentionAsConvolution.maxPool(x, k, c);
        ctx.figure("maxpool-attention", PosEncFigures.poolAttention(pool, k, c, map));
        ctx.figure("maxpool-output", PosEncFigures.poolOutput(x, pool, k, c));
        double[] sweep = sweepWith(c);
        double[] errors = new double[sweep.length];
        for (int i = 0; i < sweep.length; i++) errors[i] = AttentionAsConvolution.maxPool(x, k, sweep[i]).maxAbsError();
        ctx.figure("maxpool-error-vs-c", PosEncFigures.errorVsC(sweep, errors, k, c));

        summary.put("signal_length", x.length);
        summary.put("conv_max_abs_error", conv.maxAbsError());
        summary.put("conv_max_abs_error_interior", conv.maxAbs(1, x.length - 1));
        summary.put("conv_border_note", "at i = 0 and i = n−1 one neighbour is missing: Conv1D's zero padding adds 0, "
                + "softmax renormalises over the remaining neighbour (3·x_1 instead of x_1, 3·x_{n−2} instead of 2·x_{n−2})");
        summary.put("maxpool_k", k);
        summary.put("maxpool_c", c);
        summary.put("maxpool_max_abs_error", pool.maxAbsError());
        List<Map<String, Object>> curve = new ArrayList<>();
        for (int i = 0; i < sweep.length; i++) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("c", sweep[i]);
            point.put("max_abs_error", errors[i]);
            curve.add(point);
        }
        summary.put("maxpool_error_vs_c", curve);
        ctx.log(String.format(Locale.ROOT, "attention conv: max |error| %.3g inside, %.3g with borders; max pool (k=%d, c=%s): %.3g",
                conv.maxAbs(1, x.length - 1), conv.maxAbsError(), k, HeatmapColors.format(c), pool.maxAbsError()));
        ctx.progress(1, "done");
        return summary;
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
