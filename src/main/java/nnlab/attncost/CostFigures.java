package nnlab.attncost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.figure.LineFigure;

/**
 * The lab's figures, the same for the run and the panel. Cost curves put log₁₀ n on x and a
 * logarithmic y axis, so a power law is a straight line whose slope is its exponent; every
 * legend entry names that slope.
 */
public final class CostFigures {
    static final String LOG_N = "log₁₀ n (n = sequence length)";

    private CostFigures() { }

    /** Counted multiply-adds against n, per method, with their slopes (2 and 1 by construction). */
    public static LineFigure multiplyAdds(CostSettings s) {
        double[] ns = s.curveLengths();
        List<LineFigure.Series> series = new ArrayList<>();
        for (CostModel.Method m : CostModel.Method.values()) {
            double[] y = new double[ns.length];
            for (int i = 0; i < ns.length; i++) y[i] = CostModel.multiplyAdds(m, s.shape((long) ns[i]));
            series.add(named(m.label(), ns, y));
        }
        return new LineFigure(String.format(Locale.ROOT, "Counted multiply-adds per call (d = %d, k = %d, block = %d)", s.d(), s.k(), s.block()),
                LOG_N, "multiply-adds per call", series, true);
    }

    /** Modelled working memory against n, with the measured peaks beside it when a sweep gives them, and the 1 GiB line. */
    public static LineFigure memory(CostSettings s, Map<CostModel.Method, List<CostSweep.Point>> measured) {
        double[] ns = s.curveLengths();
        List<LineFigure.Series> series = new ArrayList<>();
        for (CostModel.Method m : CostModel.Method.values()) {
            double[] y = new double[ns.length];
            for (int i = 0; i < ns.length; i++) y[i] = CostModel.workingBytes(m, s.shape((long) ns[i]), CostSweep.BYTES);
            series.add(named(m.label() + ", counted", ns, y));
        }
        if (measured != null) {
            for (CostModel.Method m : CostModel.Method.values()) {
                List<CostSweep.Point> pts = measured.get(m);
                if (pts == null || pts.isEmpty()) continue;
                series.add(named(m.label() + ", measured peak RSS", pts.stream().mapToDouble(CostSweep.Point::n).toArray(), pts.stream().mapToDouble(CostSweep.Point::measuredBytes).toArray()));
            }
        }
        series.add(new LineFigure.Series("1 GiB", new double[] {Math.log10(ns[0]), Math.log10(ns[ns.length - 1])},
                new double[] {CostModel.GIB, CostModel.GIB}));
        return new LineFigure(String.format(Locale.ROOT, "Working memory per call, float32 (d = %d, k = %d, block = %d)", s.d(), s.k(), s.block()),
                LOG_N, "bytes", series, true);
    }

    /** Elements moved to and from main memory (4 bytes each), standard against tiled softmax attention. */
    public static LineFigure bytesMoved(CostSettings s) {
        double[] ns = s.curveLengths();
        double[] standard = new double[ns.length];
        double[] tiled = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            standard[i] = CostModel.elementsMoved(false, s.shape((long) ns[i])) * CostSweep.BYTES;
            tiled[i] = CostModel.elementsMoved(true, s.shape((long) ns[i])) * CostSweep.BYTES;
        }
        return new LineFigure(String.format(Locale.ROOT, "Bytes moved to/from main memory, float32 (d = %d, block = %d)", s.d(), s.block()),
                LOG_N, "bytes read + written", List.of(named("standard softmax (S and P stored)", ns, standard),
                named("tiled softmax (one tile in fast memory)", ns, tiled)), true);
    }

    /** Measured median time per call against n, each method's fitted slope in its legend entry. */
    public static LineFigure time(CostSettings s, Map<CostModel.Method, List<CostSweep.Point>> points) {
        List<LineFigure.Series> series = new ArrayList<>();
        for (CostModel.Method m : CostModel.Method.values()) {
            List<CostSweep.Point> pts = points.get(m);
            if (pts == null || pts.isEmpty()) continue;
            series.add(named(m.label(), pts.stream().mapToDouble(CostSweep.Point::n).toArray(),
                    pts.stream().mapToDouble(CostSweep.Point::seconds).toArray()));
        }
        return new LineFigure(String.format(Locale.ROOT, "Time per call, median of %d (d = %d, k = %d, block = %d)",
                s.repeats(), s.d(), s.k(), s.block()), LOG_N, "seconds per call (float32)", series, true);
    }

    /** Relative output error of the rank-r forms against r at n = small-n, linear attention as a reference line. */
    public static LineFigure errorVsRank(SmallStudy study) {
        double[] r = java.util.Arrays.stream(study.ranks()).asDoubleStream().toArray();
        double[] lin = new double[r.length];
        java.util.Arrays.fill(lin, study.linearError());
        return new LineFigure("Approximation error against rank k (n = " + study.n() + ")", "rank k",
                "‖O′ − O‖_F / ‖O‖_F", List.of(
                        new LineFigure.Series("rank-k SVD of P (best possible)", r, study.svdErrors()),
                        new LineFigure.Series("keys and values projected to k rows", r, study.projectedErrors()),
                        new LineFigure.Series("linear attention (no k)", r, lin)), false);
    }

    public static HeatmapFigure weights(String title, double[][] m) {
        return new HeatmapFigure(title, "key position j", "query position i", m, ColorMap.VIRIDIS);
    }

    public static List<HeatmapFigure> heatmaps(SmallStudy s) {
        return List.of(weights("Softmax weights P (n = " + s.n() + ")", s.exact()),
                weights("Rank-" + s.k() + " SVD of P", s.svdWeights()),
                weights("Projected form softmax(Q(EK)ᵀ/√d)F, k = " + s.k(), s.projectedWeights()),
                weights("Linear attention φ(Q)φ(K)ᵀ, rows normalised", s.linearWeights()));
    }

    /** A curve over raw n (drawn at log₁₀ n), its name followed by its fitted log-log slope. */
    private static LineFigure.Series named(String name, double[] ns, double[] y) {
        double[] x = new double[ns.length];
        for (int i = 0; i < ns.length; i++) x[i] = Math.log10(ns[i]);
        LogLogFit fit = LogLogFit.of(ns, y);
        return new LineFigure.Series(Double.isNaN(fit.slope()) ? name : String.format(Locale.ROOT, "%s (slope %.2f)", name, fit.slope()), x, y);
    }
}
