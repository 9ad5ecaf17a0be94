package nnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.oversmoothing.OversmoothingSummary;
import nnlab.padding.PaddingSummary;
import nnlab.posenc.PosEncSummary;
import nnlab.rotation.RotationSummary;
import org.junit.jupiter.api.Test;

/** Each study's one-line result, from summaries like the ones its run returns. */
class HeadlineTest {

    private static PaddingSummary.Variant variant(String net, String padding, double mean, double std) {
        return new PaddingSummary.Variant(net, padding, List.of(), List.of(), 0, 0, mean, std, List.of(), 0);
    }

    private static RotationSummary rotation(Map<String, RotationSummary.Model> models) {
        return new RotationSummary("rotation", "synthetic", "built in", 1, 1, 1, List.of(0), 0, List.of(), models);
    }

    private static RotationSummary.Model model(List<Double> accuracyPerAngle) {
        return new RotationSummary.Model(accuracyPerAngle, 0, List.of(), 0, Map.of());
    }

    private static OversmoothingSummary.Depth depth(int depth, double valAcc) {
        return new OversmoothingSummary.Depth(depth, 0, 0, 0, valAcc, 0, 0, List.of(), List.of(), 0);
    }

    private static OversmoothingSummary oversmoothing(List<OversmoothingSummary.Depth> depths) {
        return new OversmoothingSummary(new OversmoothingSummary.GraphInfo("g", 1, 0, 1, 1, 1, 0, 0), depths);
    }

    private static PosEncSummary posEnc(double crossTermsMean, double maxPoolError) {
        PosEncSummary.Content content = new PosEncSummary.Content(1, 1, crossTermsMean, 0, 0, 0, true, List.of());
        return new PosEncSummary(2, 1, 10000, 1, 1, 0, 0, content, Map.of(), 2, 0, 0, "", 1, 4, maxPoolError, List.of());
    }

    @Test
    void paddingNamesTheBestVariantAndSkipsOnesWithoutRounds() {
        PaddingSummary summary = new PaddingSummary(List.of(variant("Net1", "valid", 12.25, 1.0),
                variant("Net1", "fconv", 90.46, 0.83), variant("Net2", "zero", Double.NaN, Double.NaN)));
        assertEquals("valid 12 %, fconv 90 % on the switched test set", summary.headline(),
                "the lesson: every finished variant's test accuracy (Net2 has none, so the one net goes unsaid)");
        assertEquals("zero 50 % on the switched test set", new PaddingSummary(List.of(variant("Net1", "zero", 50, Double.NaN))).headline(),
                "one net goes unsaid");
        assertEquals("", new PaddingSummary(List.of(variant("Net1", "zero", Double.NaN, 0))).headline());
        assertEquals("", new PaddingSummary(List.of()).headline());
        assertEquals("Net1 valid 1 %, Net2 valid 2 % on the switched test set",
                new PaddingSummary(List.of(variant("Net1", "valid", 1, 0), variant("Net2", "valid", 2, 0))).headline());
    }

    @Test
    void rotationGivesEachModelsRangeOverTheAnglesSkippingNaN() {
        Map<String, RotationSummary.Model> models = new LinkedHashMap<>();
        models.put("A", model(List.of(91.25, 12.0, Double.NaN, 40.0)));
        models.put("B", model(List.of(70.2, 78.94)));
        assertEquals("A 12.0–91.3 %, B 70.2–78.9 % over angles", rotation(models).headline());
        assertEquals("", rotation(Map.of("A", model(List.of(Double.NaN)))).headline());
        assertEquals("", rotation(Map.of()).headline());
    }

    @Test
    void posEncGivesTheCrossTermsAndTheMaxPoolError() {
        assertEquals("cross terms 0.118 of the sum, max-pool error 0.0312", posEnc(0.11834, 0.031234).headline());
    }

    @Test
    void oversmoothingGoesFromTheShallowestToTheDeepestNet() {
        assertEquals("val acc 81.2 % at depth 2 → 30.1 % at depth 64",
                oversmoothing(List.of(depth(64, 30.12), depth(2, 81.2), depth(8, 70.0))).headline());
        assertEquals("val acc 81.2 % at depth 2", oversmoothing(List.of(depth(2, 81.2))).headline());
        assertEquals("", oversmoothing(List.of()).headline());
    }
}
