package nnlab.oversmoothing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.ScatterFigure;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OversmoothingExperimentTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    static final class Recorder implements RunContext {
        final List<RunEvent> events = new ArrayList<>();
        final List<Map<String, Object>> rows = new ArrayList<>();

        @Override public void emit(RunEvent event) { events.add(event); }
        @Override public boolean isCancelled() { return false; }
        @Override public void progress(double fraction, String message) { assertTrue(fraction >= 0 && fraction <= 1 + 1e-9); }
        @Override public void recordMetrics(Map<String, Object> row) { rows.add(row); }

        <T extends RunEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @Test
    void karateRunEmitsCurvesPerDepthFiguresTableAndSummary() {
        OversmoothingExperiment e = (OversmoothingExperiment) ExperimentCatalog.byId("oversmoothing").orElseThrow();
        Config c = e.schema().fromText(Map.of("graph", "karate", "depths", "1,3", "epochs", "5"));
        Recorder r = new Recorder();
        OversmoothingSummary summary = e.run(c, r);

        Set<String> series = new TreeSet<>();
        for (RunEvent.Metric m : r.of(RunEvent.Metric.class)) series.add(m.chart() + "/" + m.series());
        assertEquals(Set.of("loss · depth 1/train", "loss · depth 1/validation", "loss · depth 3/train", "loss · depth 3/validation"),
                series, "one small live chart per depth");
        assertEquals(2 * 6, r.rows.size(), "epochs 0..5 for two depths in metrics.csv");

        Map<String, RunEvent.FigureUpdate> last = new java.util.HashMap<>();
        for (RunEvent.FigureUpdate f : r.of(RunEvent.FigureUpdate.class)) last.put(f.id(), f);
        assertEquals(Set.of("train-loss", "val-loss", "val-accuracy", "oversmoothing-std", "oversmoothing-energy", "pca-depth-1",
                "pca-depth-3"), last.keySet());
        LineFigure std = (LineFigure) last.get("oversmoothing-std").figure();
        assertTrue(std.logY());
        assertEquals(List.of(2, 4), std.series().stream().map(s -> s.x().length).toList(), "layers 0..depth per depth");
        ScatterFigure pca = (ScatterFigure) last.get("pca-depth-3").figure();
        assertEquals(2, pca.groups().size(), "one colour per faction");
        assertEquals(34, pca.groups().stream().mapToInt(g -> g.x().length).sum());

        RunEvent.Table table = r.of(RunEvent.Table.class).get(r.of(RunEvent.Table.class).size() - 1);
        assertEquals("accuracy", table.id());
        assertEquals(2, table.rows().size());

        List<OversmoothingSummary.Depth> depths = summary.depths();
        assertEquals(List.of(1, 3), depths.stream().map(OversmoothingSummary.Depth::depth).toList());
        assertEquals(4, depths.get(1).featureStdPerLayer().size());
        assertEquals(4, depths.get(1).dirichletEnergyPerLayer().size());
        assertEquals(String.format(java.util.Locale.ROOT, "val acc %.1f %% at depth 1 → %.1f %% at depth 3",
                depths.get(0).valAcc(), depths.get(1).valAcc()), summary.headline());
    }

    @Test
    void coraNeedsAnExistingDataFolder() {
        OversmoothingExperiment e = new OversmoothingExperiment();
        ConfigException missing = assertThrows(ConfigException.class, () -> e.schema().fromText(Map.of("graph", "cora")));
        assertEquals("data-dir", missing.problems().get(0).key());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> e.schema().fromText(Map.of("graph", "cora", "data-dir", "/no/such/folder")));
        assertTrue(bad.problems().get(0).getMessage().contains("/no/such/folder"));
    }
}
