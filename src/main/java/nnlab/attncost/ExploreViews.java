package nnlab.attncost;

import java.util.ArrayList;
import java.util.List;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.run.ViewSpec;

/**
 * The views the panel recomputes on every slider change, all cheap at the default size: the
 * counted cost curves (formulas), the exact comparisons at small n (one SVD of a small P) and
 * the weight heatmaps. In the order of {@link #VIEWS}.
 */
final class ExploreViews {
    static final List<ViewSpec> VIEWS;

    static {
        List<ViewSpec> v = new ArrayList<>(List.of(AttentionCostExperiment.MULTIPLY_ADDS, AttentionCostExperiment.MEMORY,
                AttentionCostExperiment.BYTES_MOVED, AttentionCostExperiment.ERROR));
        v.addAll(AttentionCostExperiment.WEIGHTS);
        VIEWS = List.copyOf(v);
    }

    private ExploreViews() { }

    /** The figures for these settings, in {@link #VIEWS} order, and the small study they came from. */
    record Computed(List<Figure> figures, SmallStudy small) { }

    static Computed compute(CostSettings s) {
        SmallStudy small = SmallStudy.compute(s);
        List<Figure> figures = new ArrayList<>(costCurves(s));
        figures.addAll(comparisons(small));
        return new Computed(figures, small);
    }

    /** The first three views: formulas of n-min, n-max, d, k and block only. */
    static List<Figure> costCurves(CostSettings s) {
        return List.of(CostFigures.multiplyAdds(s), CostFigures.memory(s, null), CostFigures.bytesMoved(s));
    }

    /** The other five: the exact comparisons at small n. */
    static List<Figure> comparisons(SmallStudy small) {
        List<Figure> figures = new ArrayList<>();
        figures.add(CostFigures.errorVsRank(small));
        figures.addAll(CostFigures.heatmaps(small));
        return figures;
    }

    /** What the cost curves depend on: equal keys, equal figures. */
    static List<Object> costKey(CostSettings s) {
        return List.of(s.nMin(), s.nMax(), s.d(), s.k(), s.block());
    }

    /** What the comparisons depend on. */
    static List<Object> comparisonKey(CostSettings s) {
        return List.of(s.smallN(), s.d(), s.k(), s.inputScale(), s.projection(), s.seed());
    }
}
