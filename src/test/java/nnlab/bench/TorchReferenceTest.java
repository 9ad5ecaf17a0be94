package nnlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the PyTorch peer's schedules are run and read, with a shell script standing in for
 * Python: the best schedule starts one single-thread process per round, each its own round, and
 * reports the slowest one's time over all their epochs.
 */
class TorchReferenceTest {

    /** args: NET CONV ROUNDS EPOCHS --threads T --first-round M; "takes" 10 + 2·M seconds, fails unless T is expected. */
    private static Path fakePeer(Path dir, int expectedThreads) throws Exception {
        Path script = dir.resolve("peer.sh");
        Files.writeString(script, """
                [ "$6" = "%d" ] || { echo "threads $6" >&2; exit 1; }
                echo "some log line"
                echo "{\\"seconds\\": $((10 + 2 * $8)), \\"epochs_run\\": [$4]}"
                """.formatted(expectedThreads));
        return script;
    }

    @Test
    void bestScheduleRunsOneSingleThreadProcessPerRoundAndDividesTheSlowestByAllEpochs(@TempDir Path dir) throws Exception {
        double perEpoch = TorchReference.bestScheduleSecondsPerEpoch("/bin/sh", fakePeer(dir, 1), "Net1", "fconv", 4, 3);
        // Rounds 0, 1, 2 take 10, 12, 14 s for 4 epochs each: 14 s for 12 epochs.
        assertEquals(14.0 / 12, perEpoch, 1e-12);
    }

    @Test
    void oneProcessOnAllThreadsIsItsSecondsPerEpoch(@TempDir Path dir) throws Exception {
        assertEquals(10.0 / 5, TorchReference.secondsPerEpoch("/bin/sh", fakePeer(dir, 2), "Net2", "replicate", 5, 2), 1e-12);
    }

    @Test
    void aPeerScriptsLastLineIsItsResult(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("other.sh");
        Files.writeString(script, "echo warming up\necho '{\"ms_per_epoch\": 12.5, \"threads\": '$2'}'\n");
        var r = TorchReference.run("/bin/sh", script, List.of("--threads", "2"));
        assertEquals(12.5, ((Number) r.get("ms_per_epoch")).doubleValue());
        assertEquals(2, ((Number) r.get("threads")).intValue());
    }
}
