package nnlab;

import nnlab.kernel.run.ExperimentCatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import nnlab.oversmoothing.OversmoothingExperiment;
import nnlab.padding.PaddingExperiment;
import nnlab.posenc.PosEncExperiment;
import nnlab.rotation.RotationExperiment;
import org.junit.jupiter.api.Test;

/** Each study's one-line result, from summaries shaped like the ones its run returns. */
class HeadlineTest {

    private static Map<String, Object> variant(String net, String padding, double mean, double std) {
        return Map.of("net", net, "padding", padding, "test_acc_mean", mean, "test_acc_std", std);
    }

    @Test
    void paddingNamesTheBestVariantAndSkipsOnesWithoutRounds() {
        Map<String, Object> summary = Map.of("variants", List.of(variant("Net1", "valid", 12.25, 1.0),
                variant("Net1", "fconv", 90.46, 0.83), variant("Net2", "zero", Double.NaN, Double.NaN)));
        assertEquals("test acc 90.5 ± 0.8 % (Net1 fconv)", new PaddingExperiment().headline(summary));
        assertEquals("", new PaddingExperiment().headline(Map.of("variants", List.of(variant("Net1", "zero", Double.NaN, 0)))));
    }

    @Test
    void rotationGivesEachModelsRangeOverTheAngles() {
        Map<String, Object> summary = Map.of("models", new java.util.LinkedHashMap<>(Map.of(
                "A", Map.of("accuracy_per_angle", List.of(91.25, 12.0, 40.0)))));
        ((Map<String, Object>) summary.get("models")).put("B", Map.of("accuracy_per_angle", List.of(70.2, 78.94)));
        assertEquals("A 12.0–91.3 %, B 70.2–78.9 % over angles", new RotationExperiment().headline(summary));
    }

    @Test
    void posEncGivesTheCrossTermsAndTheMaxPoolError() {
        Map<String, Object> summary = Map.of("added_vs_concatenated", Map.of("cross_terms_relative_norm_mean", 0.11834),
                "maxpool_max_abs_error", 0.031234);
        assertEquals("cross terms 0.118 of the sum, max-pool error 0.0312", new PosEncExperiment().headline(summary));
    }

    @Test
    void oversmoothingGoesFromTheShallowestToTheDeepestNet() {
        Map<String, Object> summary = Map.of("depths", List.of(Map.of("depth", 64, "val_acc", 30.12),
                Map.of("depth", 2, "val_acc", 81.2), Map.of("depth", 8, "val_acc", 70.0)));
        assertEquals("val acc 81.2 % at depth 2 → 30.1 % at depth 64", new OversmoothingExperiment().headline(summary));
        assertEquals("val acc 81.2 % at depth 2", new OversmoothingExperiment().headline(
                Map.of("depths", List.of(Map.of("depth", 2, "val_acc", 81.2)))));
    }

    @Test
    void anUnexpectedSummaryGivesNoHeadlineRatherThanAnError() {
        for (var e : ExperimentCatalog.all()) assertEquals("", e.headline(Map.of("variants", "?", "models", 3)), e.id());
    }
}
