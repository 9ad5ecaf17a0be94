package nnlab.attncost;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.run.RunSummary;

/**
 * summary.json of an attention-cost run: per method the fitted log-log slopes (measured time,
 * counted and measured memory, counted multiply-adds) and the largest n that fits in 1 GiB by the
 * memory model; the low-rank forms' errors against k at the small n.
 */
public record AttentionCostSummary(
        List<Integer> lengths,
        int d,
        int k,
        int block,
        int repeats,
        @JsonProperty("memory_budget_bytes") long memoryBudgetBytes,
        @JsonProperty("memory_note") String memoryNote,
        List<MethodResult> methods,
        @JsonProperty("small_n") int smallN,
        @JsonProperty("error_vs_k") List<RankError> errorVsK,
        @JsonProperty("linear_error") double linearError,
        @JsonProperty("bytes_moved_ratio_at_n_max") double bytesMovedRatioAtNMax) implements RunSummary {

    static final String MEMORY_NOTE = "counted = bytes of the arrays each method allocates (model, float32, inputs excluded); "
            + "measured = rise of the process's peak resident memory during one call (Linux VmHWM), NaN where not measurable; "
            + "largest n = inputs Q, K, V plus counted working memory within 1 GiB (model, not tried)";

    /**
     * @param timeSlope slope of log time against log n over all lengths
     * @param timeSlopeUpperHalf the same over the larger half of the lengths, where per-call overheads matter least
     */
    public record MethodResult(
            String method,
            @JsonProperty("time_slope") double timeSlope,
            @JsonProperty("time_slope_upper_half") double timeSlopeUpperHalf,
            @JsonProperty("counted_memory_slope") double countedMemorySlope,
            @JsonProperty("measured_memory_slope") double measuredMemorySlope,
            @JsonProperty("multiply_add_slope") double multiplyAddSlope,
            @JsonProperty("seconds_at_n_max") double secondsAtNMax,
            @JsonProperty("largest_n_in_1_gib") long largestNIn1Gib) { }

    /** Relative output errors at one rank k (n = small_n). */
    public record RankError(int k, @JsonProperty("svd_error") double svdError, @JsonProperty("projected_error") double projectedError) { }

    @Override
    public String headline() {
        StringBuilder sb = new StringBuilder("time slopes");
        for (MethodResult m : methods) sb.append(String.format(Locale.ROOT, " %s %.2f", m.method(), m.timeSlope()));
        return sb.toString();
    }
}
