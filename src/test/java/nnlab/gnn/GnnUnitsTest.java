package nnlab.gnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.shard.UnitPlan;
import nnlab.kernel.shard.WorkUnit;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The GCN-vs-GAT study split into one unit per model and seed: ids, costs, and a unit trained alone equal to the same unit in the whole study. */
class GnnUnitsTest {
    static final GnnExperiment GNN = GnnExperimentTest.GNN;

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    static Config config(String... kv) {
        return GNN.schema().fromText(GnnExperimentTest.with(Map.of(), kv));
    }

    @Test
    void oneUnitPerModelAndSeedWithStableIdsSafeInFileNames() {
        Config c = config("seeds", "3", "first-seed", "5");
        List<String> ids = GNN.units(c).stream().map(WorkUnit::id).toList();
        assertEquals(List.of("gcn/seed-5", "gcn/seed-6", "gcn/seed-7", "gat/seed-5", "gat/seed-6", "gat/seed-7"), ids);
        assertEquals(ids, GNN.units(config("seeds", "3", "first-seed", "5")).stream().map(WorkUnit::id).toList(), "the same settings, the same ids");
        assertEquals(List.of("gat/seed-0", "gat/seed-1"),
                GNN.units(config("seeds", "2", "models", "GAT")).stream().map(WorkUnit::id).toList());
        List<String> many = GNN.units(config("seeds", "100")).stream().map(WorkUnit::id).toList();
        assertEquals(200, new HashSet<>(many).size(), "unique");
        for (String id : many) assertTrue(id.matches("(gcn|gat)/seed-[0-9]+"), id);
    }

    @Test
    void aUnitCostsItsEpochsTimesItsFirstLayerWidthAsThePresetSetsThem() {
        Config c = config("seeds", "1", "gcn-epochs", "9", "gcn-hidden", "16", "gat-epochs", "19", "gat-heads", "4", "gat-hidden", "8");
        List<WorkUnit> units = GNN.units(c);
        assertEquals(10.0 * 16, units.get(0).cost(), 0, "GCN: (9 + 1) epochs × 16");
        assertEquals(20.0 * 4 * 8, units.get(1).cost(), 0, "GAT: (19 + 1) epochs × 4 heads × 8");
        List<WorkUnit> writeUp = GNN.units(config("seeds", "1", "preset", "course write-up", "gcn-epochs", "9", "gat-epochs", "19"));
        assertEquals(101.0 * 16, writeUp.get(0).cost(), 0, "the write-up preset trains the GCN for 100 epochs");
        assertEquals(201.0 * 64, writeUp.get(1).cost(), 0, "and the GAT (8 heads × 8) for 200");
    }

    @Test
    void aUnitTrainedAloneEqualsTheSameUnitInTheWholeStudy() throws Exception {
        Config c = GNN.schema().fromText(GnnExperimentTest.with(GnnExperimentTest.tinyCsbm("2"), "gcn-epochs", "8", "gat-epochs", "10",
                "gat-patience", "3"));
        UnitPlan whole = UnitPlan.all();
        GnnExperimentTest.Recorder wholeEvents = new GnnExperimentTest.Recorder();
        GNN.run(c, wholeEvents, whole);
        assertEquals(Set.of("gcn/seed-2", "gcn/seed-3", "gat/seed-2", "gat/seed-3"), whole.recorded().keySet());

        UnitPlan alone = UnitPlan.only(Set.of("gat/seed-2", "gcn/seed-3"));
        GnnSummary part = GNN.run(c, new GnnExperimentTest.Recorder(), alone);
        assertEquals(Set.of("gat/seed-2", "gcn/seed-3"), alone.recorded().keySet(), "a shard trains and records only its units");
        for (String id : alone.recorded().keySet()) {
            GnnUnits.Unit a = GnnUnits.replay(alone.recorded().get(id)), w = GnnUnits.replay(whole.recorded().get(id));
            assertEquals(withoutTime(w.result()), withoutTime(a.result()), id);
            assertEquals(w.epochs().size(), a.epochs().size(), id);
            for (int e = 0; e < w.epochs().size(); e++) assertEquals(withoutTime(w.epochs().get(e)), withoutTime(a.epochs().get(e)), id + " epoch " + e);
        }
        LookInside a = GnnUnits.replay(alone.recorded().get("gat/seed-2")).inside();
        LookInside w = GnnUnits.replay(whole.recorded().get("gat/seed-2")).inside();
        assertNotNull(a, "the GAT's first seed records what its attention views draw");
        assertEquals(w.attention().node(), a.attention().node());
        assertArrayEquals(w.attention().nodeAlpha(), a.attention().nodeAlpha(), 0);
        assertArrayEquals(w.attention().entropies(), a.attention().entropies(), 0);
        for (int i = 0; i < w.pca().length; i++) assertArrayEquals(w.pca()[i], a.pca()[i], 0, "PCA of node " + i);
        assertNull(GnnUnits.replay(alone.recorded().get("gcn/seed-3")).inside(), "a later seed is not looked inside");
        assertEquals(List.of("GCN", "GAT"), part.models().stream().map(GnnSummary.Model::model).toList());
        assertEquals(List.of(3L), part.models().get(0).seeds().stream().map(GnnSummary.Seed::seed).toList());

        GnnExperimentTest.Recorder replayed = new GnnExperimentTest.Recorder();
        GNN.run(c, replayed, UnitPlan.replay(whole.recorded()));
        assertEquals(wholeEvents.rows, replayed.rows, "replaying every unit gives the whole run's metrics rows, timings included");
    }

    @Test
    void aRecordedUnitSurvivesPartJsonEvenWithANonFiniteLoss() throws Exception {
        GnnStudy.SeedResult r = new GnnStudy.SeedResult("GAT", 4, 2, 1, 50, 40, 30, Double.NaN, 0.01);
        List<GnnUnits.EpochRow> rows = List.of(new GnnUnits.EpochRow(0, 1.1, 1.2, 33, 34, 35, 0.02),
                new GnnUnits.EpochRow(1, Double.POSITIVE_INFINITY, Double.NaN, 50, 40, 30, 0.03));
        LookInside inside = new LookInside("GAT", 4, 6, new double[][] {{0.5, -1}, {2, 3e-7}}, new LookInside.Attention(1, 3,
                new double[] {0.2, 0.3, 0.5, 0.8, 0.7, 0.5}, new double[] {0.1, 0.6}));
        Map<String, Object> json = Json.readMap(Json.write(GnnUnits.result(new GnnUnits.Unit(r, rows, inside))));
        GnnUnits.Unit back = GnnUnits.replay(json);
        assertEquals(r, back.result());
        assertEquals(rows, back.epochs());
        assertEquals(1, back.inside().attention().node());
        assertArrayEquals(inside.attention().nodeAlpha(), back.inside().attention().nodeAlpha(), 0);
        assertArrayEquals(inside.pca()[1], back.inside().pca()[1], 0);
    }

    private static List<Object> withoutTime(GnnStudy.SeedResult r) {
        return List.of(r.model(), r.seed(), r.epochs(), r.bestEpoch(), r.trainAccuracy(), r.valAccuracy(), r.testAccuracy(), r.valLoss());
    }

    private static List<Object> withoutTime(GnnUnits.EpochRow e) {
        return List.of(e.epoch(), e.trainLoss(), e.valLoss(), e.trainAccuracy(), e.valAccuracy(), e.testAccuracy());
    }
}
