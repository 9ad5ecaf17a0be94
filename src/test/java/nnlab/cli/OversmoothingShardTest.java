package nnlab.cli;

import static nnlab.cli.ShardStudyRuns.withoutSeconds;
import static nnlab.cli.ShardStudyRuns.withoutSecondsColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * oversmoothing's units (one GCN per depth) run as two shards and merged equal the study run whole:
 * accuracies, per-layer measures, every epoch's losses, the results table and the PCA figures' data.
 */
class OversmoothingShardTest {
    private static final List<String> STUDY = List.of("run", "oversmoothing", "--graph", "karate", "--depths", "1,3,2", "--epochs", "4");

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void twoShardsMergedEqualTheWholeStudy() throws Exception {
        ShardStudyRuns runs = new ShardStudyRuns(tmp, STUDY);
        runs.run("whole");
        runs.run("p0", "--shard", "0/2");
        runs.run("p1", "--shard", "1/2");
        List<Object> units0 = (List<Object>) Json.readMap(tmp.resolve("p0/part.json")).get("units");
        List<Object> units1 = (List<Object>) Json.readMap(tmp.resolve("p1/part.json")).get("units");
        assertEquals(3, units0.size() + units1.size(), "every depth in exactly one shard: " + units0 + " / " + units1);
        assertTrue(units0.contains("depth-3"), "the costliest depth goes first, to shard 0: " + units0);
        runs.merge("p0", "p1", "merged");

        assertEquals(withoutSeconds(Json.readMap(tmp.resolve("whole/summary.json"))), withoutSeconds(Json.readMap(tmp.resolve("merged/summary.json"))));
        assertEquals(withoutSecondsColumn(tmp.resolve("whole/metrics.csv")), withoutSecondsColumn(tmp.resolve("merged/metrics.csv")));
        assertEquals(3 * 5 + 1, Files.readAllLines(tmp.resolve("merged/metrics.csv")).size(), "epochs 0..4 of three depths, and a header");
        for (int depth : new int[] {1, 2, 3}) {
            String pca = "pca-depth-" + depth + ".csv";
            assertEquals(Files.readString(tmp.resolve("whole").resolve(pca)), Files.readString(tmp.resolve("merged").resolve(pca)), pca);
        }
    }
}
