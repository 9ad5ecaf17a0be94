package nnlab.unet;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The U-Net study split into one unit per model and seed: ids, costs, and a unit trained alone equal to the same unit in the whole study. */
class UNetUnitsTest {
    static final UNetExperiment UNET = new UNetExperiment();

    @BeforeAll
    static void natives() {
        NativeSetup.initNow();
    }

    @Test
    void oneUnitPerModelAndSeedSeedBySeedWithSkipsFirst() {
        List<String> ids = UNET.units(UNetTiny.config(Map.of("seeds", "2", "seed", "7"))).stream().map(WorkUnit::id).toList();
        assertEquals(List.of("with-skips/seed-7", "without-skips/seed-7", "with-skips/seed-8", "without-skips/seed-8"), ids);
        List<String> many = UNET.units(UNetTiny.config(Map.of("seeds", "20"))).stream().map(WorkUnit::id).toList();
        assertEquals(40, new HashSet<>(many).size(), "unique");
        for (String id : many) assertTrue(id.matches("with(out)?-skips/seed-[0-9]+"), id);
    }

    @Test
    void aUnitCostsEpochsTimesTrainingCanvasesTheSameForBothModels() {
        List<WorkUnit> units = UNET.units(UNetTiny.config(Map.of("epochs", "5", "train-size", "300")));
        assertEquals(2, units.size());
        assertEquals(5.0 * 300, units.get(0).cost(), 0);
        assertEquals(units.get(0).cost(), units.get(1).cost(), 0, "zeros of the skip's shape cost what the skip costs");
    }

    @Test
    void aUnitTrainedAloneEqualsTheSameUnitInTheWholeStudy() throws Exception {
        Config c = UNetTiny.config(Map.of("seeds", "2", "seed", "3"));
        UnitPlan whole = UnitPlan.all();
        UNET.run(c, new UNetExperimentTest.Recorder(), whole);
        assertEquals(Set.of("with-skips/seed-3", "without-skips/seed-3", "with-skips/seed-4", "without-skips/seed-4"), whole.recorded().keySet());

        UnitPlan alone = UnitPlan.only(Set.of("without-skips/seed-3", "with-skips/seed-4"));
        UNetSummary part = UNET.run(c, new UNetExperimentTest.Recorder(), alone);
        assertEquals(Set.of("without-skips/seed-3", "with-skips/seed-4"), alone.recorded().keySet(), "a shard trains and records only its units");
        assertEquals(List.of(3, 4), part.seeds(), "the summary still names the study's seeds");
        assertEquals(1, part.models().get(UNetExperiment.WITH).valMeanIou().size(), "one seed with skips in this shard");
        for (String id : alone.recorded().keySet()) {
            UNetUnits.Unit a = UNetUnits.replay(alone.recorded().get(id));
            UNetUnits.Unit w = UNetUnits.replay(whole.recorded().get(id));
            assertEquals(w.round().trainLoss, a.round().trainLoss, id);
            assertEquals(w.round().valLoss, a.round().valLoss, id);
            assertEquals(w.round().valIou, a.round().valIou, id);
            assertEquals(w.round().valPixelAccuracy, a.round().valPixelAccuracy, id);
            assertArrayEquals(w.round().val.perClassIou(), a.round().val.perClassIou(), 0, id);
            assertEquals(w.round().test.meanIou(), a.round().test.meanIou(), 0, id);
            assertEquals(w.round().test.loss(), a.round().test.loss(), 0, id);
        }
        UNetUnits.Unit first = UNetUnits.replay(alone.recorded().get("without-skips/seed-3"));
        assertNotNull(first.strip(), "the first seed records its strip predictions");
        assertArrayEquals(UNetUnits.replay(whole.recorded().get("without-skips/seed-3")).strip(), first.strip());
        assertNull(UNetUnits.replay(alone.recorded().get("with-skips/seed-4")).strip(), "a later seed draws no strip");
    }
}
