package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.shard.ShardAssignment;
import nnlab.kernel.shard.WorkUnit;
import org.junit.jupiter.api.Test;

/** padding's work units: one per round of each variant, named apart, in the study's order; a recorded round reads back whole. */
class PaddingShardUnitsTest {

    private static Config config(String dataSeeds) {
        Map<String, Object> v = new LinkedHashMap<>(PaddingSettings.schema().defaults().values());
        v.put(PaddingSettings.NET, List.of("Net1", "Net2"));
        v.put(PaddingSettings.PADDING, List.of("valid", "fconv"));
        v.put(PaddingSettings.ROUNDS, 3);
        v.put("data-seeds", dataSeeds);
        return PaddingSettings.schema().fromValues(v);
    }

    @Test
    void oneUnitPerRoundOfEveryVariantVariantMajor() {
        List<WorkUnit> units = new PaddingExperiment().units(config("fixed"));
        assertEquals(12, units.size());
        assertEquals("Net1/valid/round-1", units.get(0).id());
        assertEquals("Net1/valid/round-3", units.get(2).id());
        assertEquals("Net2/fconv/round-3", units.get(11).id());
        assertEquals(12, new HashSet<>(units.stream().map(WorkUnit::id).toList()).size());
        // Equal budgets: 12 rounds on 5 shards are 3, 3, 2, 2, 2.
        assertEquals(List.of(3, 3, 2, 2, 2), ShardAssignment.assign(units, 5).stream().map(List::size).toList());
    }

    @Test
    void bothDataProtocolsAreNamedApart() {
        List<String> ids = new PaddingExperiment().units(config("both")).stream().map(WorkUnit::id).toList();
        assertEquals(24, ids.size());
        assertTrue(ids.contains("Net1/valid/round-2") && ids.contains("Net1/valid/per-round/round-2"), ids.toString());
    }

    @Test
    void aRecordedRoundReadsBackExactlyEvenWithoutAFinishedEpoch() throws Exception {
        VariantTrainer.RoundResult r = new VariantTrainer.RoundResult(97.25, 0.1 + 0.2, Double.POSITIVE_INFINITY, 0, 1.5);
        // Through part.json's JSON, as a merge reads it.
        Map<String, Object> m = nnlab.kernel.store.Json.readMap(nnlab.kernel.store.Json.write(PaddingUnits.result(r, List.of())));
        assertEquals(r, PaddingUnits.roundResult(m));
    }
}
