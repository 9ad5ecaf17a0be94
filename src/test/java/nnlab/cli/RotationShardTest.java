package nnlab.cli;

import static nnlab.cli.ShardStudyRuns.withoutSeconds;
import static nnlab.cli.ShardStudyRuns.withoutSecondsColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rotation's two units (model A, model B) run as two shards and merged equal the study run whole: accuracies, losses, metrics. */
@org.junit.jupiter.api.Tag("slow")
class RotationShardTest {
    private static final List<String> STUDY = List.of("run", "rotation", "--train-size", "64", "--test-size", "32", "--epochs", "1",
            "--batch-size", "32", "--angle-step", "90");

    @TempDir
    Path tmp;

    @Test
    void twoShardsMergedEqualTheWholeStudy() throws Exception {
        ShardStudyRuns runs = new ShardStudyRuns(tmp, STUDY);
        runs.run("whole");
        runs.run("p0", "--shard", "0/2");
        runs.run("p1", "--shard", "1/2");
        assertEquals(List.of("model-A"), Json.readMap(tmp.resolve("p0/part.json")).get("units"));
        runs.merge("p0", "p1", "merged");
        assertEquals(withoutSeconds(Json.readMap(tmp.resolve("whole/summary.json"))), withoutSeconds(Json.readMap(tmp.resolve("merged/summary.json"))));
        assertEquals(withoutSecondsColumn(tmp.resolve("whole/metrics.csv")), withoutSecondsColumn(tmp.resolve("merged/metrics.csv")));
        assertEquals(Files.readString(tmp.resolve("whole/per-class.csv")), Files.readString(tmp.resolve("merged/per-class.csv")));
    }
}
