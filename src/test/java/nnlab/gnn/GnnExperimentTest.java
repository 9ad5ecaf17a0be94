package nnlab.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GnnExperimentTest {

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

    static final GnnExperiment GNN = (GnnExperiment) ExperimentCatalog.byId("gnn").orElseThrow();

    static GnnSummary run(Map<String, String> settings, Recorder r) {
        return GNN.run(GNN.schema().fromText(settings), r);
    }

    static Map<String, String> tinyCsbm(String seed) {
        return with(Map.of(), "nodes", "120", "classes", "3", "p-in", "0.08", "p-out", "0.01", "feature-dim", "8", "feature-noise", "1.5",
                "train-per-class", "10", "val-size", "30", "test-size", "50", "seeds", "2", "first-seed", seed);
    }

    static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void karateRunEmitsEveryDeclaredViewAndNothingElse() {
        Map<String, String> s = Map.of("graph", "karate", "seeds", "2", "gcn-epochs", "10", "gat-epochs", "12", "gat-patience", "3");
        Recorder r = new Recorder();
        GnnSummary summary = run(s, r);
        Set<String> declared = new TreeSet<>();
        for (ViewSpec v : GNN.views(GNN.schema().fromText(s))) declared.add(v.id());
        Set<String> emitted = new TreeSet<>();
        r.of(RunEvent.Metric.class).forEach(m -> emitted.add(m.chart()));
        r.of(RunEvent.FigureUpdate.class).forEach(f -> emitted.add(f.id()));
        r.of(RunEvent.Table.class).forEach(t -> emitted.add(t.id()));
        assertEquals(declared, emitted);
        assertEquals(List.of("GCN", "GAT"), summary.models().stream().map(GnnSummary.Model::model).toList());
        assertEquals(2, summary.models().get(1).seeds().size());
        GnnSummary.Seed gat = summary.models().get(1).seeds().get(0);
        assertTrue(gat.bestEpoch() <= gat.epochs() && gat.epochs() <= 12, "early stopping keeps an epoch it trained");
        assertEquals(2 * 11 + summary.models().get(1).seeds().stream().mapToInt(x -> x.epochs() + 1).sum(), r.rows.size(),
                "one metrics row per epoch (epoch 0 included) per seed");
        assertTrue(r.of(RunEvent.RetireCurves.class).stream().anyMatch(e -> e.seriesSuffix().equals(" · GCN seed 0")),
                "the live charts show the current seed");
        RunEvent.Table results = r.of(RunEvent.Table.class).stream().filter(t -> t.id().equals("results")).reduce((a, b) -> b).orElseThrow();
        assertTrue(results.rows().get(0).get(6).contains("81.5") && results.rows().get(1).get(6).contains("83.0 ± 0.7"),
                "the published reference column");
        assertTrue(summary.headline().startsWith("test acc GCN "), summary.headline());
    }

    @Test
    void bothModelsLearnTheGeneratedGraphAndSameSeedsGiveTheSameNumbers() {
        Map<String, String> s = with(tinyCsbm("3"), "gcn-epochs", "60", "gat-epochs", "60", "gat-patience", "0");
        GnnSummary a = run(s, new Recorder());
        GnnSummary b = run(s, new Recorder());
        for (int m = 0; m < 2; m++) {
            for (int k = 0; k < 2; k++) {
                GnnSummary.Seed x = a.models().get(m).seeds().get(k), y = b.models().get(m).seeds().get(k);
                assertEquals(x.testAcc(), y.testAcc(), 0, "same seed, same test accuracy");
                assertEquals(x.valAcc(), y.valAcc(), 0);
            }
            assertTrue(a.models().get(m).testAccMean() > 60, a.models().get(m).model() + " beats chance (33 %) clearly: "
                    + a.models().get(m).testAccMean());
        }
        Recorder other = new Recorder();
        run(with(s, "first-seed", "4"), other);
        List<Object> lossesA = new ArrayList<>(), lossesB = new ArrayList<>();
        Recorder again = new Recorder();
        run(s, again);
        again.rows.forEach(row -> lossesA.add(row.get("train_loss")));
        other.rows.forEach(row -> lossesB.add(row.get("train_loss")));
        assertNotEquals(lossesA, lossesB, "other seeds, other training curves");
    }

    @Test
    void aMalformedFolderIsRefusedNamingTheFileTheLineAndTheReason(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cora.content"), "1\t0\t1\tA\n2\t0\t7\tB\n");
        Files.writeString(dir.resolve("cora.cites"), "1\t2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> GNN.schema().fromText(Map.of("data-dir", dir.toString())));
        SettingException p = e.problems().get(0);
        assertEquals("data-dir", p.key());
        assertTrue(p.getMessage().contains("cora.content, line 2") && p.getMessage().contains("'7', expected 0 or 1"), p.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> GNN.schema().fromText(Map.of("data-dir", "/no/such/dir")));
        assertTrue(missing.problems().get(0).getMessage().contains("/no/such/dir"));
    }

    @Test
    void aGraphTooBigForTheMemoryIsRefusedBeforeTraining() {
        Config c = GNN.schema().fromText(Map.of("preset", "paper"));
        GnnData.Size cora = new GnnData.Size(2708, 10556, 49216, 1433, 7);
        long need = GnnData.bytesNeeded(cora, c);
        assertTrue(need > 10L << 20 && need < 400L << 20, "Cora with edge-list attention needs tens of MB, got " + (need >> 20));
        assertEquals(null, GnnData.memoryProblem(cora, c, 4 * need));
        SettingException tooBig = GnnData.memoryProblem(cora, c, need / 2);
        assertTrue(tooBig.getMessage().contains("too big for edge-list attention in the available memory"), tooBig.getMessage());
        Config own = GNN.schema().defaults();
        assertTrue(GnnData.bytesNeeded(cora, own.with("gat-heads", 32)) > GnnData.bytesNeeded(cora, own), "more heads, more memory");
        assertEquals(need, GnnData.bytesNeeded(cora, c.with("gat-heads", 32)), "the paper preset fixes the heads at 8");
    }

    @Test
    void presetsFillTheModelSettings() {
        Config c = Presets.apply(GNN.schema().fromText(Map.of("preset", "course write-up", "gcn-epochs", "7", "gcn-hidden", "5")));
        assertEquals(100, c.getInt("gcn-epochs"), "the preset wins over the form");
        assertEquals(16, c.getInt("gcn-hidden"), "the paper's values under the write-up's");
        assertEquals(false, c.getBoolean("row-normalise"));
        Config as = Presets.apply(GNN.schema().fromText(Map.of("gcn-epochs", "7")));
        assertEquals(7, as.getInt("gcn-epochs"), "'settings below' keeps the form's values");
    }

    @Test
    void theAccuracyBarsShowTheRunBesideThePapers() {
        Recorder r = new Recorder();
        run(with(tinyCsbm("0"), "seeds", "1", "gcn-epochs", "5", "gat-epochs", "5", "models", "GCN"), r);
        BarFigure bars = (BarFigure) r.of(RunEvent.FigureUpdate.class).stream().filter(f -> f.id().equals("test-accuracy"))
                .reduce((a, b) -> b).orElseThrow().figure();
        assertEquals(List.of("GCN"), bars.categories());
        assertEquals(81.5, bars.values()[1][0], 0);
    }
}
