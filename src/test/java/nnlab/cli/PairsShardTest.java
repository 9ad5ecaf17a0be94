package nnlab.cli;

import static nnlab.cli.ShardStudyRuns.names;
import static nnlab.cli.ShardStudyRuns.withoutSeconds;
import static nnlab.cli.ShardStudyRuns.withoutSecondsColumn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pairs' units (one model × seed each) run as two shards and merged equal the study run whole:
 * every epoch's metrics, the summary, the test table and bars, the mean curves, the wrong-pairs
 * strip and the trained model's gradient.
 */
class PairsShardTest {
    // parallel-rounds 1: the whole run writes its trainings' metrics rows in the units' order, as the merge replays them.
    private static final List<String> STUDY = List.of("run", "pairs", "--data", "synthetic", "--train-items", "48", "--val-items", "16",
            "--test-items", "16", "--epochs", "2", "--batch-size", "32", "--width", "2", "--seeds", "2", "--parallel-rounds", "1",
            "--rf-model", "CNN", "--rf-layer", "conv2");
    /** The files whose columns are timings: these are compared without them. */
    private static final Set<String> TIMED = Set.of("run.json", "summary.json", "metrics.csv", "test.csv");

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void twoShardsMergedEqualTheWholeStudy() throws Exception {
        ShardStudyRuns runs = new ShardStudyRuns(tmp, STUDY);
        runs.run("whole");
        runs.run("p0", "--shard", "0/2");
        runs.run("p1", "--shard", "1/2");
        List<String> units = new ArrayList<>((List<String>) Json.readMap(tmp.resolve("p0/part.json")).get("units"));
        // The two CNN units cost twice the CNNChannel ones: one CNN seed per shard.
        assertEquals(2, units.size(), units.toString());
        assertTrue(units.stream().anyMatch(u -> u.startsWith("cnn/")), units.toString());
        units.addAll((List<String>) Json.readMap(tmp.resolve("p1/part.json")).get("units"));
        assertEquals(new TreeSet<>(Set.of("cnn/seed-0", "cnnchannel/seed-0", "cnn/seed-1", "cnnchannel/seed-1")), new TreeSet<>(units));
        runs.merge("p0", "p1", "merged");

        Set<String> files = names(tmp.resolve("whole"));
        assertEquals(files, names(tmp.resolve("merged")));
        assertTrue(files.containsAll(Set.of("test.csv", "wrong-pairs.png", "rf-gradient.csv", "loss-curves.csv", "val-curves.csv")), files.toString());
        for (String f : files) {
            if (TIMED.contains(f)) continue;
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole").resolve(f)), Files.readAllBytes(tmp.resolve("merged").resolve(f)), f);
        }
        assertEquals(withoutSeconds(Json.readMap(tmp.resolve("whole/summary.json"))), withoutSeconds(Json.readMap(tmp.resolve("merged/summary.json"))));
        List<String> metrics = withoutSecondsColumn(tmp.resolve("merged/metrics.csv"));
        assertEquals(withoutSecondsColumn(tmp.resolve("whole/metrics.csv")), metrics);
        assertEquals(4 * 2 + 1, metrics.size(), "two epochs of four units, and a header");
        // The test table's last column is seconds per epoch.
        assertEquals(withoutSecondsColumn(tmp.resolve("whole/test.csv")), withoutSecondsColumn(tmp.resolve("merged/test.csv")));
    }
}
