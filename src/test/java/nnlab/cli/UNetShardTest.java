package nnlab.cli;

import static nnlab.cli.ShardStudyRuns.withoutTimingColumns;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * unet's units (one model × seed each) run as two shards and merged equal the study run whole:
 * every epoch's metrics, the summary, the per-class IoU table, the results table but for its
 * timing column, the curves and the strip of the first seed's predictions.
 */
class UNetShardTest {
    // parallel 1: the whole run writes its rounds' metrics rows in the units' order, as the merge replays them.
    private static final List<String> STUDY = List.of("run", "unet", "--data", "shapes", "--canvas-height", "28", "--canvas-width", "28",
            "--min-items", "1", "--max-items", "1", "--train-size", "16", "--val-size", "8", "--test-size", "8", "--epochs", "2",
            "--batch-size", "8", "--down1", "4", "--down2", "4", "--bottleneck", "4", "--up1", "4", "--up2", "4", "--strip-images", "2",
            "--seeds", "2", "--parallel", "1");
    /** The files whose columns are timings: these are compared without them. */
    private static final Set<String> TIMED = Set.of("run.json", "summary.json", "metrics.csv", "results.csv");

    @TempDir
    Path tmp;

    @Test
    void twoShardsMergedEqualTheWholeStudy() throws Exception {
        ShardStudyRuns runs = new ShardStudyRuns(tmp, STUDY);
        runs.runWholeAndTwoShards();
        List<String> units = runs.units("p0");
        List<String> other = runs.units("p1");
        assertEquals(2, units.size(), "four units of equal cost, two per shard: " + units + " / " + other);
        units.addAll(other);
        assertEquals(new TreeSet<>(Set.of("with-skips/seed-0", "without-skips/seed-0", "with-skips/seed-1", "without-skips/seed-1")),
                new TreeSet<>(units));
        runs.merge("p0", "p1", "merged");

        List<String> metrics = runs.assertMergedEqualsWhole(TIMED, Set.of("per-class-iou.csv", "strip.png", "iou-curves.csv", "loss-curves.png"));
        assertEquals(4 * 2 + 1, metrics.size(), "two epochs of four units, and a header");
        assertEquals(withoutTimingColumns(tmp.resolve("whole/results.csv")), withoutTimingColumns(tmp.resolve("merged/results.csv")));
    }
}
