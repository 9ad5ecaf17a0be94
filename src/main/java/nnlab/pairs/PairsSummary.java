package nnlab.pairs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.run.RunSummary;

/**
 * summary.json of a same-pair study; accuracies in %, std over seeds with n − 1.
 *
 * @param models keyed "CNN", "CNNChannel"
 */
public record PairsSummary(
        String experiment,
        String data,
        @JsonProperty("data_location") String dataLocation,
        boolean generated,
        List<String> classes,
        @JsonProperty("train_pairs") int trainPairs,
        @JsonProperty("validation_pairs") int validationPairs,
        @JsonProperty("test_pairs") int testPairs,
        int epochs,
        List<Integer> seeds,
        Map<String, Model> models,
        @JsonProperty("receptive_field_layer") String receptiveFieldLayer) implements RunSummary {

    /**
     * Per-seed lists follow the summary's seeds.
     *
     * @param receptiveFields per layer conv1 … pool4: the arithmetic field and the one measured by gradients (px per axis)
     */
    public record Model(
            long parameters,
            @JsonProperty("input_shape") String inputShape,
            @JsonProperty("test_positive") List<Double> testPositive,
            @JsonProperty("test_negative") List<Double> testNegative,
            @JsonProperty("test_overall") List<Double> testOverall,
            @JsonProperty("test_overall_mean") double testOverallMean,
            @JsonProperty("test_overall_std") double testOverallStd,
            @JsonProperty("test_positive_mean") double testPositiveMean,
            @JsonProperty("test_negative_mean") double testNegativeMean,
            @JsonProperty("best_epoch") List<Integer> bestEpoch,
            @JsonProperty("seconds_per_epoch") double secondsPerEpoch,
            @JsonProperty("receptive_fields") List<Field> receptiveFields) { }

    public record Field(String layer, int arithmetic, @JsonProperty("measured_height") int measuredHeight,
                        @JsonProperty("measured_width") int measuredWidth) { }

    /** E.g. "test acc CNNChannel 93.1 ± 0.6 %, CNN 85.0 ± 1.2 %". */
    @Override
    public String headline() {
        StringBuilder sb = new StringBuilder("test acc");
        String sep = " ";
        for (Map.Entry<String, Model> e : models.entrySet()) {
            if (!Double.isFinite(e.getValue().testOverallMean())) continue;
            sb.append(sep).append(String.format(Locale.ROOT, "%s %.1f ± %.1f %%", e.getKey(), e.getValue().testOverallMean(),
                    e.getValue().testOverallStd()));
            sep = ", ";
        }
        return sep.equals(" ") ? "" : sb.toString();
    }
}
