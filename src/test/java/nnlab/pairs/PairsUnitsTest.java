package nnlab.pairs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.shard.UnitPlan;
import nnlab.kernel.shard.WorkUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same-pair study split into one unit per model and seed: ids, costs, and a unit trained alone equal to the same unit in the whole study. */
class PairsUnitsTest {
    static final PairsExperiment PAIRS = new PairsExperiment();

    @BeforeAll
    static void natives() {
        NativeSetup.initNow();
    }

    static Config tiny(String... kv) {
        Map<String, String> s = new HashMap<>(Map.of("data", "synthetic", "train-items", "48", "val-items", "16", "test-items", "16",
                "epochs", "2", "batch-size", "32", "width", "2", "seeds", "2", "seed", "3", "parallel-rounds", "2"));
        s.putAll(Map.of("rf-model", "CNNChannel", "rf-layer", "conv2"));
        for (int i = 0; i < kv.length; i += 2) s.put(kv[i], kv[i + 1]);
        return PAIRS.schema().fromText(s);
    }

    /** Drops every event: these tests look at the recorded units. */
    static final class Quiet implements RunContext {
        @Override public void emit(RunEvent event) { }
        @Override public boolean isCancelled() { return false; }
        @Override public void progress(double fraction, String message) { }
        @Override public void recordMetrics(Map<String, Object> row) { }
    }

    @Test
    void oneUnitPerModelAndSeedSeedBySeed() {
        assertEquals(List.of("cnn/seed-3", "cnnchannel/seed-3", "cnn/seed-4", "cnnchannel/seed-4"),
                PAIRS.units(tiny()).stream().map(WorkUnit::id).toList());
        assertEquals(200, Set.copyOf(PAIRS.units(tiny("seeds", "100")).stream().map(WorkUnit::id).toList()).size(), "unique");
    }

    @Test
    void aUnitCostsEpochsTimesPairsAndTheStackedModelTwice() {
        List<WorkUnit> units = PAIRS.units(tiny("epochs", "5", "train-items", "300", "seeds", "1"));
        assertEquals(5.0 * 600 * 2, units.get(0).cost(), 0, "CNN: 5 epochs × 600 pairs × its double-height maps");
        assertEquals(5.0 * 600, units.get(1).cost(), 0, "CNNChannel: 5 epochs × 600 pairs");
    }

    @Test
    void aUnitTrainedAloneEqualsTheSameUnitInTheWholeStudy() throws Exception {
        Config c = tiny();
        UnitPlan whole = UnitPlan.all();
        PAIRS.run(c, new Quiet(), whole);
        assertEquals(Set.of("cnn/seed-3", "cnnchannel/seed-3", "cnn/seed-4", "cnnchannel/seed-4"), whole.recorded().keySet());

        UnitPlan alone = UnitPlan.only(Set.of("cnnchannel/seed-3", "cnn/seed-4"));
        PairsSummary part = PAIRS.run(c, new Quiet(), alone);
        assertEquals(Set.of("cnnchannel/seed-3", "cnn/seed-4"), alone.recorded().keySet(), "a shard trains and records only its units");
        assertEquals(1, part.models().get("CNN").testOverall().size(), "one CNN seed in this shard");
        for (String id : alone.recorded().keySet()) {
            PairsUnits.Unit a = PairsUnits.replay(alone.recorded().get(id));
            PairsUnits.Unit w = PairsUnits.replay(whole.recorded().get(id));
            assertEquals(w.test(), a.test(), id);
            assertEquals(w.bestEpoch(), a.bestEpoch(), id);
            assertEquals(w.lossPoints().size(), a.lossPoints().size(), id);
            for (int i = 0; i < w.lossPoints().size(); i++) assertArrayEquals(w.lossPoints().get(i), a.lossPoints().get(i), 0, id + " loss point " + i);
            for (int e = 0; e < w.epochs().size(); e++) {
                assertEquals(w.epochs().get(e).trainLoss(), a.epochs().get(e).trainLoss(), 0, id + " epoch " + e);
                assertEquals(w.epochs().get(e).validation(), a.epochs().get(e).validation(), id + " epoch " + e);
            }
        }
        PairsUnits.Unit first = PairsUnits.replay(alone.recorded().get("cnnchannel/seed-3"));
        assertNotNull(first.predicted(), "the first seed records its test predictions for the wrong-pairs strip");
        assertNotNull(first.gradient(), "and, for the receptive-field model, the trained gradient");
        PairsUnits.Unit inWhole = PairsUnits.replay(whole.recorded().get("cnnchannel/seed-3"));
        assertArrayEquals(inWhole.predicted(), first.predicted());
        assertEquals(inWhole.gradient().title(), first.gradient().title());
        for (int y = 0; y < first.gradient().map().length; y++) assertArrayEquals(inWhole.gradient().map()[y], first.gradient().map()[y], 0);
        PairsUnits.Unit later = PairsUnits.replay(alone.recorded().get("cnn/seed-4"));
        assertNull(later.predicted(), "a later seed draws no wrong pairs");
        assertNull(later.gradient());
        assertNull(PairsUnits.replay(whole.recorded().get("cnn/seed-3")).gradient(), "the other model's first seed measures no gradient");
    }
}
