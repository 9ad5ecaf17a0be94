package nnlab.posenc;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.run.RunSummary;

/**
 * summary.json of a positional-encoding study: EᵀE's checks, adding vs concatenating content,
 * attention's self-weights and attention as convolution / max pooling.
 *
 * @param attention "self_weight_mean_QUERY" per query kind (e.g. self_weight_mean_x-plus-e), in the study's order
 */
public record PosEncSummary(
        int p,
        int n,
        double base,
        @JsonProperty("diagonal_value") double diagonalValue,
        @JsonProperty("diagonal_expected") double diagonalExpected,
        @JsonProperty("diagonal_max_deviation") double diagonalMaxDeviation,
        @JsonProperty("toeplitz_max_deviation") double toeplitzMaxDeviation,
        @JsonProperty("added_vs_concatenated") Content addedVsConcatenated,
        Map<String, Double> attention,
        @JsonProperty("signal_length") int signalLength,
        @JsonProperty("conv_max_abs_error") double convMaxAbsError,
        @JsonProperty("conv_max_abs_error_interior") double convMaxAbsErrorInterior,
        @JsonProperty("conv_border_note") String convBorderNote,
        @JsonProperty("maxpool_k") int maxpoolK,
        @JsonProperty("maxpool_c") double maxpoolC,
        @JsonProperty("maxpool_max_abs_error") double maxpoolMaxAbsError,
        @JsonProperty("maxpool_error_vs_c") List<ErrorAtC> maxpoolErrorVsC) implements RunSummary {

    static final String CONV_BORDER_NOTE = "at i = 0 and i = n−1 one neighbour is missing: Conv1D's zero padding adds 0, "
            + "softmax renormalises over the remaining neighbour (3·x_1 instead of x_1, 3·x_{n−2} instead of 2·x_{n−2})";

    /** X + E against [X; E] over the draws of X; the stds are sample stds (0 for one draw). */
    public record Content(
            @JsonProperty("sigma_scale") double sigmaScale,
            int draws,
            @JsonProperty("cross_terms_relative_norm_mean") double crossTermsRelativeNormMean,
            @JsonProperty("cross_terms_relative_norm_std") double crossTermsRelativeNormStd,
            @JsonProperty("added_correlation_with_EtE_mean") double addedCorrelationWithEtEMean,
            @JsonProperty("added_correlation_with_EtE_std") double addedCorrelationWithEtEStd,
            @JsonProperty("concatenated_EtE_block_equals_EtE") boolean concatenatedEtEBlockEqualsEtE,
            @JsonProperty("per_draw") List<Draw> perDraw) { }

    /** One draw of X; also its row in metrics.csv. */
    public record Draw(
            int draw,
            @JsonProperty("cross_terms_relative_norm") double crossTermsRelativeNorm,
            @JsonProperty("added_correlation_with_EtE") double addedCorrelationWithEtE,
            @JsonProperty("added_toeplitz_deviation") double addedToeplitzDeviation) { }

    /** One point of the max-pool error-vs-c curve. */
    public record ErrorAtC(double c, @JsonProperty("max_abs_error") double maxAbsError) { }

    /** The two numbers the study is about, e.g. "cross terms 0.118 of the sum, max-pool error 0.0312". */
    @Override
    public String headline() {
        return String.format(Locale.ROOT, "cross terms %.3g of the sum, max-pool error %.3g",
                addedVsConcatenated.crossTermsRelativeNormMean(), maxpoolMaxAbsError);
    }
}
