package nnlab.jl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;

/**
 * Lab 2 of the write-ups' derivations: the Johnson–Lindenstrauss lemma (squared distances kept
 * within 1 ± ε by a random k × d Gaussian projection once k ≥ 8 ln n / ε²) and its corollary
 * (e^{nδ²/c} unit vectors in ℝⁿ pairwise |uᵢᵀuⱼ| ≤ δ), measured beside the statements.
 */
public final class JlExperiment implements Experiment {
    public static final String ID = "jl";
    public static final ViewSpec HISTOGRAM = ViewSpec.figure("ratio-histogram", "Squared-distance ratios at k");
    public static final ViewSpec FRACTION = ViewSpec.figure("fraction-vs-k", "Pairs inside (1 ± ε) against k");
    public static final ViewSpec SIZE_VS_DIM = ViewSpec.figure("set-size-vs-n", "Nearly orthogonal set size against n");
    public static final ViewSpec SIZE_VS_DELTA = ViewSpec.figure("set-size-vs-delta", "Nearly orthogonal set size against δ");
    public static final ViewSpec INNER_VS_DIM = ViewSpec.figure("largest-inner-vs-n", "Largest |uᵢᵀuⱼ| against n");
    static final List<ViewSpec> VIEWS = List.of(HISTOGRAM, FRACTION, SIZE_VS_DIM, SIZE_VS_DELTA, INNER_VS_DIM);

    private final ConfigSchema schema = JlSettings.schema();

    @Override public String id() { return ID; }

    @Override public String title() { return "Johnson–Lindenstrauss"; }

    @Override
    public String description() {
        return "Random projections keep pairwise distances within 1 ± ε once k ≥ 8 ln n / ε², and the corollary's e^(nδ²/c) "
                + "nearly orthogonal unit vectors, measured beside the statements";
    }

    @Override
    public String howToRead() {
        return """
                n points in d dimensions are projected to k dimensions by a random Gaussian matrix scaled by 1/√k. The \
                histogram shows, for every pair, how much the squared distance changed: 1 means unchanged. The lemma says \
                that once k ≥ 8 ln n / ε² (marked on the fraction-vs-k chart) the ratios lie within 1 ± ε with good \
                probability, whatever d is.

                Watch the share of pairs inside 1 ± ε climb towards 100 % as k grows; k depends on n and ε only, not on d. \
                The bound is a guarantee "with probability", so a single draw at exactly that k can still miss a pair.

                The corollary's charts compare what the statement guarantees (e^(nδ²/c) nearly orthogonal unit vectors, \
                c = 72) with what the construction actually delivers: the guarantee is very conservative at these sizes.""";
    }

    @Override public ConfigSchema schema() { return schema; }

    @Override public int order() { return 55; }

    @Override public List<ViewSpec> views(Config config) { return VIEWS; }

    /** Every figure of a config by view id: what the panel redraws on every change and the run writes. */
    public static Map<String, Figure> figures(Config config) {
        return figures(JlStudy.compute(JlSettings.of(config)));
    }

    static Map<String, Figure> figures(JlStudy st) {
        Map<String, Figure> out = new LinkedHashMap<>();
        out.put(HISTOGRAM.id(), JlFigures.histogram(st));
        out.put(FRACTION.id(), JlFigures.fractionVsK(st));
        out.put(SIZE_VS_DIM.id(), JlFigures.sizeVsDim(st));
        out.put(SIZE_VS_DELTA.id(), JlFigures.sizeVsDelta(st));
        out.put(INNER_VS_DIM.id(), JlFigures.innerVsDim(st));
        return out;
    }

    @Override
    public JlSummary run(Config config, RunContext ctx) {
        JlSettings s = JlSettings.of(config);
        ctx.progress(0, "projecting");
        JlStudy st = JlStudy.compute(s);
        ctx.log("points: " + st.pointsSource());
        Map<String, Figure> figures = figures(st);
        for (ViewSpec v : VIEWS) ctx.figure(v, figures.get(v.id()));
        List<JlSummary.KPoint> sweep = new ArrayList<>();
        for (JlMath.Projection p : st.sweep()) {
            sweep.add(new JlSummary.KPoint(p.k(), p.fractionInside(s.epsilon())));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("k", p.k());
            row.put("fraction_inside", p.fractionInside(s.epsilon()));
            ctx.recordMetrics(row);
        }
        List<JlSummary.DimPoint> corollary = new ArrayList<>();
        for (JlMath.NearlyOrthogonal u : st.byDim()) {
            corollary.add(new JlSummary.DimPoint(u.dim(), JlMath.guaranteedSize(u.dim(), s.delta(), s.c()), u.largestSetWithin(s.delta()),
                    u.cap(), u.largestInner()[s.setSize()], JlMath.guaranteedDelta(u.dim(), s.setSize(), s.c())));
        }
        double[] r = st.atK().ratios();
        double min = java.util.Arrays.stream(r).min().orElse(Double.NaN);
        double max = java.util.Arrays.stream(r).max().orElse(Double.NaN);
        ctx.log(String.format(Locale.ROOT, "k = %d: %.2f %% of %d pairs inside (1 ± %s), ratios %.3f … %.3f; lemma's k = %.1f",
                s.k(), 100 * st.atK().fractionInside(s.epsilon()), r.length, s.epsilon(), min, max, st.lemmaK()));
        ctx.progress(1, "done");
        return new JlSummary(st.pointsSource(), s.points(), s.dim(), s.k(), s.epsilon(), st.lemmaK(), st.atK().fractionInside(s.epsilon()),
                min, max, sweep, s.delta(), s.c(), s.setSize(), corollary);
    }
}
