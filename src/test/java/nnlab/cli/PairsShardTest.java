package nnlab.cli;

import static nnlab.cli.ShardStudyRuns.withoutSecondsColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
    void twoShardsMergedEqualTheWholeStudy() throws Exception {
        ShardStudyRuns runs = new ShardStudyRuns(tmp, STUDY);
        runs.runWholeAndTwoShards();
        List<String> units = runs.units("p0");
        // The two CNN units cost twice the CNNChannel ones: one CNN seed per shard.
        assertEquals(2, units.size(), units.toString());
        assertTrue(units.stream().anyMatch(u -> u.startsWith("cnn/")), units.toString());
        units.addAll(runs.units("p1"));
        assertEquals(new TreeSet<>(Set.of("cnn/seed-0", "cnnchannel/seed-0", "cnn/seed-1", "cnnchannel/seed-1")), new TreeSet<>(units));
        runs.merge("p0", "p1", "merged");

        List<String> metrics = runs.assertMergedEqualsWhole(TIMED, Set.of("test.csv", "wrong-pairs.png", "rf-gradient.csv", "loss-curves.csv", "val-curves.csv"));
        assertEquals(4 * 2 + 1, metrics.size(), "two epochs of four units, and a header");
        // The test table's last column is seconds per epoch.
        assertEquals(withoutSecondsColumn(tmp.resolve("whole/test.csv")), withoutSecondsColumn(tmp.resolve("merged/test.csv")));
    }
}
