package nnlab.cli;

import static nnlab.cli.ShardStudyRuns.withoutSeconds;
import static nnlab.cli.ShardStudyRuns.withoutSecondsColumn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gnn's units (one model × seed each) run as three shards and merged equal the study run whole:
 * every epoch's metrics, the summary, the results and seed tables but for their timing columns,
 * and every figure, the views that look inside the first seeds' models included.
 */
class GnnShardTest {
    private static final List<String> STUDY = List.of("run", "gnn", "--seeds", "2", "--gcn-epochs", "5", "--gat-epochs", "6",
            "--gat-patience", "2", "--nodes", "120", "--classes", "3", "--feature-dim", "8", "--train-per-class", "10", "--val-size", "30",
            "--test-size", "50");
    /** The files whose columns are timings: these are compared without them. */
    private static final Set<String> TIMED = Set.of("run.json", "summary.json", "metrics.csv", "results.csv", "seeds.csv");

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void threeShardsMergedEqualTheWholeStudy() throws Exception {
        ShardStudyRuns runs = new ShardStudyRuns(tmp, STUDY);
        runs.run("whole");
        for (int i = 0; i < 3; i++) runs.run("p" + i, "--shard", i + "/3");
        // GAT units cost 7 epochs × 64, GCN units 6 × 16: each GAT seed gets a shard, the two GCN seeds share the third.
        assertEquals(List.of("gat/seed-0"), Json.readMap(tmp.resolve("p0/part.json")).get("units"));
        assertEquals(List.of("gat/seed-1"), Json.readMap(tmp.resolve("p1/part.json")).get("units"));
        assertEquals(List.of("gcn/seed-0", "gcn/seed-1"), Json.readMap(tmp.resolve("p2/part.json")).get("units"));
        assertTrue(Files.exists(tmp.resolve("p0/attention-neighbourhood.csv")) && Files.exists(tmp.resolve("p0/pca-gat.csv")),
                "the GAT's first seed is looked inside in its own shard");
        assertTrue(Files.exists(tmp.resolve("p2/pca-gcn.csv")) && !Files.exists(tmp.resolve("p2/attention-entropy.csv")));
        assertFalse(Files.exists(tmp.resolve("p1/pca-gat.csv")), "a later seed's shard draws no look inside");
        runs.merge("p0", "p1", "p2", "merged");

        Set<String> files = ShardStudyRuns.names(tmp.resolve("whole"));
        assertEquals(files, ShardStudyRuns.names(tmp.resolve("merged")));
        assertTrue(files.containsAll(Set.of("attention-entropy.csv", "attention-node.csv", "attention-node-table.csv", "pca-gcn.csv",
                "attention-neighbourhood.png", "test-accuracy.csv")), files.toString());
        for (String f : files) {
            if (TIMED.contains(f)) continue;
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole").resolve(f)), Files.readAllBytes(tmp.resolve("merged").resolve(f)), f);
        }
        assertEquals(withoutSeconds(Json.readMap(tmp.resolve("whole/summary.json"))), withoutSeconds(Json.readMap(tmp.resolve("merged/summary.json"))));
        assertEquals(withoutSecondsColumn(tmp.resolve("whole/metrics.csv")), withoutSecondsColumn(tmp.resolve("merged/metrics.csv")));
        for (String table : List.of("results.csv", "seeds.csv")) {
            assertEquals(ShardStudyRuns.withoutTimingColumns(tmp.resolve("whole").resolve(table)), ShardStudyRuns.withoutTimingColumns(tmp.resolve("merged").resolve(table)), table);
        }
        List<Object> gcn = (List<Object>) ((java.util.Map<String, Object>) ((List<Object>) Json.readMap(tmp.resolve("merged/summary.json"))
                .get("models")).get(0)).get("seeds");
        assertEquals(2, gcn.size(), "both GCN seeds in the merged summary");
    }
}
