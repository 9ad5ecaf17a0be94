package nnlab.jl;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.run.RunSummary;

/** summary.json of a jl run: the projection at k, the sweep, and the corollary's measured sizes beside the guarantee. */
record JlSummary(String points, int n, int d, int k, double epsilon, @JsonProperty("lemma_k") double lemmaK,
                 @JsonProperty("fraction_inside_at_k") double fractionInside,
                 @JsonProperty("min_ratio") double minRatio, @JsonProperty("max_ratio") double maxRatio,
                 List<KPoint> sweep, double delta, double c, @JsonProperty("set_size") int setSize, List<DimPoint> corollary)
        implements RunSummary {

    record KPoint(int k, @JsonProperty("fraction_inside") double fractionInside) { }

    record DimPoint(int n, @JsonProperty("guaranteed_size") double guaranteedSize,
                    @JsonProperty("measured_largest_size_within_delta") int measuredSize, @JsonProperty("size_capped_at") int cap,
                    @JsonProperty("largest_inner_of_set_size") double largestInner,
                    @JsonProperty("guaranteed_delta_for_set_size") double guaranteedDelta) { }

    @Override
    public String headline() {
        return String.format(Locale.ROOT, "k=%d: %.1f %% of pairs in 1±%.2g (lemma k ≥ %.0f)", k, 100 * fractionInside, epsilon, lemmaK);
    }
}
