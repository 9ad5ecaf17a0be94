package nnlab.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.figure.ImageGridFigure;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PairsExperimentTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    /** The models' numbers without the wall-clock times, which differ from run to run. */
    private static Map<String, PairsSummary.Model> withoutTimes(PairsSummary s) {
        Map<String, PairsSummary.Model> out = new LinkedHashMap<>();
        s.models().forEach((k, m) -> {
            assertTrue(m.secondsPerEpoch() > 0);
            out.put(k, new PairsSummary.Model(m.parameters(), m.inputShape(), m.testPositive(), m.testNegative(), m.testOverall(),
                    m.testOverallMean(), m.testOverallStd(), m.testPositiveMean(), m.testNegativeMean(), m.bestEpoch(), 0,
                    m.receptiveFields()));
        });
        return out;
    }

    private static <T> T last(List<RunEvent> h, String id, Class<T> type) {
        return h.stream().filter(e -> e instanceof RunEvent.FigureUpdate f && f.id().equals(id)).map(e -> type.cast(((RunEvent.FigureUpdate) e).figure()))
                .reduce((a, b) -> b).orElseThrow();
    }

    private static RunEvent.Table table(List<RunEvent> h, String id) {
        return h.stream().filter(e -> e instanceof RunEvent.Table t && t.id().equals(id)).map(e -> (RunEvent.Table) e)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void theSameSeedsGiveTheSameNumbersAndEveryViewIsFed() throws Exception {
        PairsExperiment experiment = new PairsExperiment();
        var config = experiment.schema().fromText(Map.ofEntries(Map.entry("data", "synthetic"), Map.entry("train-items", "48"),
                Map.entry("val-items", "16"), Map.entry("test-items", "16"), Map.entry("epochs", "2"), Map.entry("batch-size", "32"),
                Map.entry("width", "2"), Map.entry("seeds", "2"), Map.entry("seed", "3"), Map.entry("parallel-rounds", "1"),
                Map.entry("wrong-shown", "3"), Map.entry("rf-model", "CNN"), Map.entry("rf-layer", "conv2")));
        try (RunEngine engine = new RunEngine(1, null)) {
            Run first = engine.submit(experiment, config);
            Run second = engine.submit(experiment, config);
            assertTrue(second.await(3, TimeUnit.MINUTES));
            assertEquals(RunStatus.FINISHED, first.status(), first.statusMessage());
            assertEquals(RunStatus.FINISHED, second.status(), second.statusMessage());
            PairsSummary s = (PairsSummary) first.summary();
            assertEquals(withoutTimes(s), withoutTimes((PairsSummary) second.summary()));
            assertEquals(List.of(3, 4), s.seeds());
            assertTrue(s.generated());
            assertEquals(2, s.models().get("CNN").testOverall().size());
            assertTrue(first.headline().matches("test acc CNN \\d+\\.\\d ± \\d+\\.\\d %, CNNChannel \\d+\\.\\d ± \\d+\\.\\d %"), first.headline());

            List<RunEvent> h = first.history();
            assertTrue(h.stream().anyMatch(e -> e instanceof RunEvent.Log l && l.line().contains("GENERATED")), "the log says the data are generated");
            // The parameter table comes before any training point.
            int params = indexOf(h, e -> e instanceof RunEvent.Table t && t.id().equals("parameters"));
            int firstPoint = indexOf(h, e -> e instanceof RunEvent.Metric);
            assertTrue(params >= 0 && params < firstPoint, "parameters at " + params + ", first training point at " + firstPoint);
            for (String chart : List.of("val-positive", "val-negative")) {
                for (String series : List.of("CNN · seed 3", "CNNChannel · seed 4")) {
                    long points = h.stream().filter(e -> e instanceof RunEvent.Metric m && m.chart().equals(chart) && m.series().equals(series)).count();
                    assertEquals(2, points, chart + " " + series + ": one point per epoch");
                }
            }
            RunEvent.Table test = table(h, "test");
            assertEquals(2, test.rows().size());
            assertTrue(test.rows().get(0).get(3).matches("\\d+\\.\\d ± \\d+\\.\\d"), test.rows().get(0).toString());
            assertEquals(16, table(h, "receptive-fields").rows().size(), "8 layers of 2 models");
            ImageGridFigure wrong = last(h, "wrong-pairs", ImageGridFigure.class);
            assertTrue(wrong.tiles().size() <= 6);
            for (ImageGridFigure.Tile t : wrong.tiles()) assertEquals(56, t.height(), "a tile is the pair, image 1 above image 2");
            HeatmapFigure region = last(h, "rf-region", HeatmapFigure.class);
            assertEquals(56, region.values().length, "CNN's field is shown over the stacked pair");
            assertTrue(region.title().contains("8×8"), region.title());
            assertTrue(last(h, "rf-gradient", HeatmapFigure.class).title().contains("conv2"));
            assertTrue(last(h, "rf-calculator", nnlab.kernel.figure.LineFigure.class).title().contains("1 + 6(3 − 1) = 13"));
        }
    }

    private static int indexOf(List<RunEvent> h, java.util.function.Predicate<RunEvent> p) {
        for (int i = 0; i < h.size(); i++) if (p.test(h.get(i))) return i;
        return -1;
    }
}
