package nnlab.gradients;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.run.RunSummary;

/**
 * summary.json of a gradients run: at the full depth, the measured log₁₀ σ_max(∂x_n/∂x_1) (median
 * and largest over the inputs) beside the bound's, whether the bound held at every depth, and
 * each trained MLP's accuracy and first-to-output gradient-norm ratio.
 */
record GradientsSummary(String activation, int depth, int width, @JsonProperty("sigma_max_W") double sigmaMaxW,
                        @JsonProperty("log10_sigma_max_median") double logSigmaMedian,
                        @JsonProperty("log10_sigma_max_largest") double logSigmaLargest,
                        @JsonProperty("log10_bound") double logBound,
                        @JsonProperty("bound_holds_at_every_depth") boolean boundHolds,
                        @JsonProperty("worst_log10_measured_over_bound") double worstLogMargin,
                        @JsonProperty("dead_units_percent_at_depth") double deadPercent,
                        @JsonProperty("zero_jacobian_percent_at_depth") double zeroJacobianPercent,
                        List<GradientTraining.VariantResult> training) implements RunSummary {

    @Override
    public String headline() {
        return String.format(Locale.ROOT, "%s n=%d: σ_max 10^%.1f ≤ bound 10^%.1f%s", activation, depth, logSigmaLargest, logBound,
                boundHolds ? "" : " (BOUND BROKEN)");
    }
}
