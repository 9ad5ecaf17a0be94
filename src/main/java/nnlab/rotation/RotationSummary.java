package nnlab.rotation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.run.RunSummary;

/**
 * summary.json of a rotation study; accuracies in %.
 *
 * @param models "A" (plain) and "B" (rotation-augmented), in training order
 */
public record RotationSummary(
        String experiment,
        String data,
        @JsonProperty("data_location") String dataLocation,
        @JsonProperty("train_images") int trainImages,
        @JsonProperty("test_images") int testImages,
        int epochs,
        List<Integer> angles,
        @JsonProperty("class_angle") int classAngle,
        @JsonProperty("class_names") List<String> classNames,
        Map<String, Model> models) implements RunSummary {

    /**
     * @param accuracyPerAngle             one per entry of the summary's angles
     * @param perClassAccuracyAtClassAngle keyed by class name; null for a class without test images
     */
    public record Model(
            @JsonProperty("accuracy_per_angle") List<Double> accuracyPerAngle,
            @JsonProperty("accuracy_range") double accuracyRange,
            @JsonProperty("train_loss_per_epoch") List<Double> trainLossPerEpoch,
            @JsonProperty("seconds_per_epoch") double secondsPerEpoch,
            @JsonProperty("per_class_accuracy_at_class_angle") Map<String, Double> perClassAccuracyAtClassAngle) { }

    /** Each model's accuracy range over the angles, e.g. "A 12.0–91.3 %, B 70.2–78.9 % over angles". */
    @Override
    public String headline() {
        List<String> parts = new ArrayList<>();
        models.forEach((name, model) -> {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double a : model.accuracyPerAngle()) {
                if (!Double.isFinite(a)) continue;
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
            if (min <= max) parts.add(String.format(Locale.ROOT, "%s %.1f–%.1f %%", name, min, max));
        });
        return parts.isEmpty() ? "" : String.join(", ", parts) + " over angles";
    }
}
