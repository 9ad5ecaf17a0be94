package nnlab.attncost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;

/**
 * Issue 18 §3, what attention costs: softmax attention against linear, low-rank and tiled forms.
 * A run measures time and peak memory against n and sets them beside the counted multiply-adds
 * and the memory model; the exact comparisons at a small n show what the approximations lose.
 */
public final class AttentionCostExperiment implements Experiment {
    public static final String ID = "attention-cost";
    public static final ViewSpec TIME = ViewSpec.figure("time", "Measured time per call against n");
    public static final ViewSpec MEMORY = ViewSpec.figure("memory", "Working memory against n");
    public static final ViewSpec MULTIPLY_ADDS = ViewSpec.figure("multiply-adds", "Counted multiply-adds against n");
    public static final ViewSpec BYTES_MOVED = ViewSpec.figure("bytes-moved", "Bytes moved, standard vs tiled");
    public static final ViewSpec ERROR = ViewSpec.figure("error-vs-k", "Approximation error against k");
    public static final List<ViewSpec> WEIGHTS = List.of(ViewSpec.figure("weights-softmax", "Softmax weights P"),
            ViewSpec.figure("weights-svd", "Rank-k SVD of P"), ViewSpec.figure("weights-projected", "Projected form's mixing matrix"),
            ViewSpec.figure("weights-linear", "Linear attention's mixing matrix"));
    public static final ViewSpec FITS = ViewSpec.table("fits", "Fitted slopes and the largest n in 1 GiB");
    public static final ViewSpec COSTS = ViewSpec.table("costs", "Measured against counted, per method and n");

    private final ConfigSchema schema = new ConfigSchema()
            .add(Setting.intSetting("n-min", 256, 16, 16384).label("Smallest n").group("Measurement")
                    .help("The shortest sequence of the measuring sweep."))
            .add(Setting.intSetting("n-max", 8192, 16, 16384).label("Largest n").group("Measurement")
                    .help("The longest sequence; softmax needs n² floats for its scores (1 GiB at 16384)."))
            .add(Setting.intSetting("points", 6, 2, 20).label("Lengths").group("Measurement")
                    .help("How many log-spaced sequence lengths from n-min to n-max."))
            .add(Setting.intSetting("repeats", 3, 1, 50).label("Repeats").group("Measurement")
                    .help("Timed calls per method and length after one warm-up call; the median is kept."))
            .add(Setting.intSetting("threads", 1, 1, 64).label("Compute threads").group("Measurement")
                    .help("ND4J/OpenBLAS threads while measuring; 1 keeps timings steadier on a shared machine."))
            .add(Setting.intSetting("d", 64, 1, 1024).step(1).label("Width d").group("Attention")
                    .help("Columns of Q, K and V (one head's width)."))
            .add(Setting.intSetting("k", 32, 1, 4096).step(1).label("Rank k").group("Attention")
                    .help("Rows the low-rank form projects keys and values to, and the rank of the SVD view; at most n-min and small n."))
            .add(Setting.choice("projection", "sample", AttentionMethods.Projection.ids()).label("Projection").group("Attention")
                    .help("How keys and values are brought to k rows: sample k positions, pool k segments, or Gaussian (Linformer's JL matrices, untrained)."))
            .add(Setting.intSetting("block", 128, 1, 16384).step(1).label("Block").group("Attention")
                    .help("Tile size of the tiled softmax (rows of queries and of keys per tile)."))
            .add(Setting.intSetting("small-n", 64, 4, 512).step(4).label("Small n").group("Exact comparison")
                    .help("n of the exact comparisons: the error against k and the weight heatmaps."))
            .add(Setting.doubleSetting("input-scale", 1, 0.05, 8).step(0.05).label("Scale of Q, K").group("Exact comparison")
                    .help("Standard deviation of Q's and K's entries; larger makes softmax sharper and P higher in rank."))
            .add(Setting.intSetting("seed", 1, 0, Integer.MAX_VALUE).label("Seed").group("Exact comparison")
                    .help("Seeds Q, K, V and the projections."))
            .check(c -> c.getInt("n-min") >= c.getInt("n-max")
                    ? new SettingException("n-max", "n-max must be larger than n-min = " + c.getInt("n-min") + ", got " + c.getInt("n-max")) : null)
            .check(c -> c.getInt("k") > c.getInt("n-min")
                    ? new SettingException("k", "k must be at most n-min = " + c.getInt("n-min") + " (keys are projected to k ≤ n rows), got " + c.getInt("k")) : null)
            .check(c -> c.getInt("k") > c.getInt("small-n")
                    ? new SettingException("k", "k must be at most small n = " + c.getInt("small-n") + " (the rank of an n×n matrix), got " + c.getInt("k")) : null);

    @Override public String id() { return ID; }

    @Override public String title() { return "What attention costs"; }

    @Override
    public String description() {
        return "Softmax attention against linear (elu+1), low-rank (k projected rows) and tiled online-softmax attention: "
                + "time and memory against n with fitted slopes, counted multiply-adds, bytes moved, approximation error against k";
    }

    @Override
    public String howToRead() {
        return """
                Softmax attention compares every query with every key: an n × n matrix, so its time and memory grow like \
                n². On the log-log charts a power law is a straight line and its slope is the exponent: about 2 for \
                softmax, about 1 for linear and low-rank attention, which never form that matrix.

                The tiled form computes exactly the softmax result block by block with a running maximum and sum (the \
                idea of Flash Attention): its work is still n² (time slope ≈ 2), but its memory grows only like n, so it \
                fits far longer sequences in the same memory. The counted multiply-adds and bytes moved are the paper \
                arguments; the measured curves should follow their slopes once n is large.

                The cheaper forms are approximations: the error-vs-k chart shows how far each is from softmax attention \
                (the rank-k SVD is the best any rank-k form can do), and the heatmaps show the n × n weights each one \
                actually applies. Times measured on a busy machine are noisy; short calls most of all.""";
    }

    @Override public ConfigSchema schema() { return schema; }

    @Override public int order() { return 60; }

    @Override
    public List<ViewSpec> views(Config config) {
        List<ViewSpec> views = new ArrayList<>(List.of(TIME, MEMORY, MULTIPLY_ADDS, BYTES_MOVED, ERROR));
        views.addAll(WEIGHTS);
        views.add(FITS);
        views.add(COSTS);
        return views;
    }

    @Override
    public AttentionCostSummary run(Config config, RunContext ctx) {
        CostSettings s = CostSettings.of(config);
        ctx.progress(0, "counted costs and the exact comparisons at n = " + s.smallN());
        ctx.figure(MULTIPLY_ADDS, CostFigures.multiplyAdds(s));
        ctx.figure(BYTES_MOVED, CostFigures.bytesMoved(s));
        ctx.figure(MEMORY, CostFigures.memory(s, null));
        SmallStudy small = SmallStudy.compute(s);
        ctx.figure(ERROR, CostFigures.errorVsRank(small));
        var heatmaps = CostFigures.heatmaps(small);
        for (int i = 0; i < WEIGHTS.size(); i++) ctx.figure(WEIGHTS.get(i), heatmaps.get(i));
        ctx.checkCancelled();

        Map<CostModel.Method, List<CostSweep.Point>> points = CostSweep.run(s, (fraction, latest, soFar) -> {
            ctx.progress(0.02 + 0.97 * fraction, String.format(Locale.ROOT, "%s at n = %d: %.3g s per call",
                    latest.method().label(), latest.n(), latest.seconds()));
            ctx.figure(TIME, CostFigures.time(s, soFar));
            ctx.recordMetrics(row(latest));
        }, ctx::checkCancelled);
        ctx.figure(TIME, CostFigures.time(s, points));
        ctx.figure(MEMORY, CostFigures.memory(s, points));
        CostTables.Fits fits = CostTables.fits(s, points);
        ctx.table(FITS, FITS.title(), fits.columns(), fits.rows(), Map.of());
        ctx.table(COSTS, COSTS.title(), CostTables.COST_COLUMNS, CostTables.costRows(points), Map.of());
        for (AttentionCostSummary.MethodResult m : fits.results()) {
            ctx.log(String.format(Locale.ROOT, "%s: time slope %.2f (upper half %.2f), largest n in 1 GiB %d", m.method(), m.timeSlope(),
                    m.timeSlopeUpperHalf(), m.largestNIn1Gib()));
        }
        ctx.progress(1, "done");
        List<AttentionCostSummary.RankError> errors = new ArrayList<>();
        for (int i = 0; i < small.ranks().length; i++) {
            errors.add(new AttentionCostSummary.RankError(small.ranks()[i], small.svdErrors()[i], small.projectedErrors()[i]));
        }
        CostModel.Shape top = s.shape(s.nMax());
        List<Integer> lengths = java.util.Arrays.stream(s.lengths()).boxed().toList();
        return new AttentionCostSummary(lengths, s.d(), s.k(), s.block(), s.repeats(), CostModel.GIB, AttentionCostSummary.MEMORY_NOTE,
                fits.results(), s.smallN(), errors, small.linearError(),
                CostModel.elementsMoved(false, top) / CostModel.elementsMoved(true, top));
    }

    private static Map<String, Object> row(CostSweep.Point p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", p.method().id());
        r.put("n", p.n());
        r.put("seconds", p.seconds());
        r.put("measured_peak_bytes", p.measuredBytes());
        r.put("counted_bytes", p.modelBytes());
        r.put("multiply_adds", p.multiplyAdds());
        r.put("gmadds_per_second", p.multiplyAdds() / p.seconds() / 1e9);
        return r;
    }
}
