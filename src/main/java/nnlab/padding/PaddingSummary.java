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

    /** The best variant by mean test accuracy, e.g. "test acc 90.5 ± 1.2 % (Net1 replicate)". */
    @Override
    public String headline() {
        Variant best = null;
        for (Variant v : variants) {
            // NaN (a variant without finished rounds) never compares greater, so it is skipped.
            if (v.testAccMean() > (best == null ? Double.NEGATIVE_INFINITY : best.testAccMean())) best = v;
        }
        if (best == null) return "";
        String spread = Double.isFinite(best.testAccStd()) ? String.format(Locale.ROOT, " ± %.1f", best.testAccStd()) : "";
        return String.format(Locale.ROOT, "test acc %.1f%s %% (%s %s)", best.testAccMean(), spread, best.net(),
                best.padding() + (best.dataSeeds() == null ? "" : ", " + best.dataSeeds() + " data"));
    }
}
