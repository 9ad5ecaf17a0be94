package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.Test;

/** Issue #22: the results table names its data protocol, shows both side by side, and the published numbers beside the run's. */
class ResultsViewTest {

    private static Config config(String... keyValues) {
        Map<String, String> texts = new java.util.HashMap<>(Map.of("net", "Net1", "padding", "valid,replicate"));
        for (int i = 0; i < keyValues.length; i += 2) texts.put(keyValues[i], keyValues[i + 1]);
        return PaddingSettings.schema().fromText(texts);
    }

    /** Two rounds per variant: test accuracies 90 and 94 (mean 92, std 2) for every variant. */
    private static List<VariantResult> finished(Config c) {
        List<VariantResult> variants = ResultsView.variants(c);
        for (VariantResult v : variants) {
            v.add(0, new VariantTrainer.RoundResult(99, 90, 0.1, 20, 3));
            v.add(1, new VariantTrainer.RoundResult(97, 94, 0.1, 30, 4));
        }
        return variants;
    }

    @Test
    void thePublishedTestAccuracyAndTheDistanceInPublishedStdsStandBesideTheRunsOwn() {
        Config c = config();
        RunEvent.Table t = ResultsView.table(c, "results", finished(c));
        assertEquals(List.of("Net", "Padding", "Val acc % (mean ± std)", "Test acc % (mean ± std)", "Published test acc %",
                "Δ (published stds)", "Rounds", "Epochs (mean)", ResultsView.SECONDS_COLUMN), t.columns());
        assertEquals(List.of("Net1", "valid", "98.0 ± 1.0", "92.0 ± 2.0", "—", "—", "2", "25.0", "7"), t.rows().get(0),
                "the write-up gives no number for valid padding: none is made up");
        // Replicate was published as 93.80 ± 2.16: 92.0 lies (92 − 93.8) / 2.16 = −0.83 stds away.
        assertEquals(List.of("Net1", "replicate", "98.0 ± 1.0", "92.0 ± 2.0", "93.80 ± 2.16", "-0.8", "2", "25.0", "7"), t.rows().get(1));
        assertTrue(t.cellDetails().get("1:3").contains("round 2: 94.0 %"), "per-round details stay on the test column");
        assertTrue(t.title().contains("numpy draw, data seed 42 in every round: ± over model seeds"), t.title());
    }

    @Test
    void withoutThePublishedColumnsTheTableIsTheOneOfBefore() {
        Config c = config("published", "false", "generator", "java");
        RunEvent.Table t = ResultsView.table(c, "results", ResultsView.variants(c));
        assertEquals(List.of("Net", "Padding", "Val acc % (mean ± std)", "Test acc % (mean ± std)", "Rounds", "Epochs (mean)", ResultsView.SECONDS_COLUMN),
                t.columns());
        assertEquals(List.of("Net1", "valid", "…", "…", "0", "", ""), t.rows().get(0));
        assertTrue(t.title().startsWith("Results · java draw"), t.title());
    }

    @Test
    void bothProtocolsGetARowEachAndTheTitleAndBarsSaySo() {
        Config c = config("data-seeds", "both", "data-seed", "7");
        List<VariantResult> results = finished(c);
        RunEvent.Table t = ResultsView.table(c, "results", results);
        assertEquals("Data", t.columns().get(2));
        assertEquals(4, t.rows().size(), "2 paddings × 2 protocols");
        assertEquals(List.of("replicate", "data seed 7"), t.rows().get(2).subList(1, 3));
        assertEquals(List.of("replicate", "data seed 7 + round"), t.rows().get(3).subList(1, 3));
        assertTrue(t.title().contains("both data protocols"), t.title());
        assertTrue(t.cellDetails().containsKey("3:4"), "the test column moved right by the Data column");

        BarFigure bars = ResultsView.bars(c, "bars", results);
        assertEquals(List.of("Net1 · data seed 7 · validation", "Net1 · data seed 7 · test", "Net1 · data seed 7 + round · validation",
                "Net1 · data seed 7 + round · test", "Net1 · published"), bars.groups());
        assertEquals(92.0, bars.values()[3][1], 1e-9);
        assertEquals(93.80, bars.values()[4][1], 1e-9);
        assertEquals(2.16, bars.errors()[4][1], 1e-9);
        assertTrue(Double.isNaN(bars.values()[4][0]), "no published bar for valid padding");
        assertEquals(List.of(new nnlab.kernel.figure.ReferenceLine(50, "chance 50 %")), bars.references(), "chance is drawn");
        assertEquals(100, bars.yMax(), "accuracy never beyond 100 %");
    }

    @Test
    void aPerRoundOnlyRunIsTitledByItsProtocolAndItsSummarySaysSo() {
        Config c = config("data-seeds", "per-round", "published", "false");
        List<VariantResult> results = finished(c);
        assertTrue(ResultsView.table(c, "results", results).title().endsWith("data seed 42 + round: ± over model and data seeds"));
        assertEquals(List.of("Net1 · validation", "Net1 · test"), ResultsView.bars(c, "bars", results).groups());
        PaddingSummary summary = PaddingExperiment.summary(c, results);
        assertEquals("per-round", summary.variants().get(0).dataSeeds());
        assertEquals("valid 92 %, replicate 92 % on the switched test set", summary.headline());
    }
}
