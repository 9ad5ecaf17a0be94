package nnlab.padding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.run.RunSummary;

/** summary.json of a padding study: every net × padding variant in the study's order, accuracies in %. */
public record PaddingSummary(String experiment, List<Variant> variants) implements RunSummary {

    public PaddingSummary(List<Variant> variants) {
        this(PaddingExperiment.ID, variants);
    }

    /**
     * One variant's rounds in round order (one entry per data protocol when a run has both); the means and population stds are NaN for a variant
     * without finished rounds.
     */
    public record Variant(
            String net,
            String padding,
            // "per-round" when round m drew its images from data seed + m; absent (null) when every
            // round trained on the same images, as in every summary written before issue #22.
            @JsonProperty("data_seeds") @JsonInclude(JsonInclude.Include.NON_NULL) String dataSeeds,
            @JsonProperty("val_acc") List<Double> valAcc,
            @JsonProperty("test_acc") List<Double> testAcc,
            @JsonProperty("val_acc_mean") double valAccMean,
            @JsonProperty("val_acc_std") double valAccStd,
            @JsonProperty("test_acc_mean") double testAccMean,
            @JsonProperty("test_acc_std") double testAccStd,
            @JsonProperty("epochs_run") List<Integer> epochsRun,
            double seconds) {

        /** A variant whose rounds all trained on the same images. */
        public Variant(String net, String padding, List<Double> valAcc, List<Double> testAcc, double valAccMean, double valAccStd,
                       double testAccMean, double testAccStd, List<Integer> epochsRun, double seconds) {
            this(net, padding, null, valAcc, testAcc, valAccMean, valAccStd, testAccMean, testAccStd, epochsRun, seconds);
        }
    }

    /**
     * The lesson in one line: every finished variant's mean test accuracy, e.g. "valid 0 %,
     * replicate 93 % on the switched test set" (nets and data protocols named where a run has several).
     */
    @Override
    public String headline() {
        List<Variant> done = variants.stream().filter(v -> Double.isFinite(v.testAccMean())).toList();
        if (done.isEmpty()) return "";
        boolean severalNets = done.stream().map(Variant::net).distinct().count() > 1;
        boolean severalData = done.stream().map(v -> String.valueOf(v.dataSeeds())).distinct().count() > 1;
        List<String> parts = new java.util.ArrayList<>();
        for (Variant v : done) {
            String name = (severalNets ? v.net() + " " : "") + v.padding()
                    + (severalData && v.dataSeeds() != null ? " (" + v.dataSeeds() + " data)" : "");
            parts.add(String.format(Locale.ROOT, "%s %.0f %%", name, v.testAccMean()));
        }
        return String.join(", ", parts) + " on the switched test set";
    }
}
