package nnlab.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the history sees of runs written by other processes: one killed mid-run, two writing at once. */
class TwoProcessesTest {
    @TempDir
    Path tmp;

    @Test
    void aRunKilledWithSigkillIsListedAsInterruptedWithItsRowsReadable() throws Exception {
        Path runs = tmp.resolve("runs");
        Process child = ChildRuns.start(tmp.resolve("child.log"), "slow", runs.toString());
        try {
            Path metrics = waitForMetricsRows(runs, 3, child);
            RunHistory history = new RunHistory(new RunStore(runs));
            SavedRun live = history.list().get(0);
            assertEquals(RunStatus.RUNNING, live.status(), "another live process holds the run: " + live.message());
            assertEquals(child.pid(), ((Number) Json.readMap(live.folder().resolve("run.json")).get("pid")).longValue());

            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            // Complete rows only: the kill may have cut the last one short.
            long rowsWritten = Files.readString(metrics).chars().filter(c -> c == '\n').count() - 1;

            List<SavedRun> listed = history.list();
            assertEquals(1, listed.size());
            SavedRun run = listed.get(0);
            assertEquals(RunStatus.INTERRUPTED, run.status());
            assertFalse(run.isDamaged(), run.damage());
            assertEquals("running", Json.readMap(run.folder().resolve("run.json")).get("status"), "listing does not rewrite run.json");
            assertEquals("interrupted: the process stopped during the run; " + rowsWritten + " rows kept in metrics.csv", run.message());
            CsvTable table = history.metrics(run);
            assertEquals(List.of("epoch", "loss"), table.columns());
            assertEquals(rowsWritten, table.rows().size());
            assertTrue(rowsWritten >= 3);
            for (int i = 0; i < rowsWritten; i++) assertEquals(String.valueOf(i + 1), table.rows().get(i).get(0));
            // Without a saved headline the last metrics row stands in, its number shortened to 4 digits.
            String prefix = "epoch " + rowsWritten + ", loss ";
            assertTrue(run.headline().startsWith(prefix), run.headline());
            double lastLoss = Double.parseDouble(table.rows().get((int) rowsWritten - 1).get(1));
            assertEquals(lastLoss, Double.parseDouble(run.headline().substring(prefix.length())), 1e-4 * lastLoss, run.headline());
            assertEquals(Map.of("epochs", 1000, "millis", 100, "nan-at", 0, "fail", false), history.settings(run));
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void twoProcessesStartingManyRunsAtOnceNeverShareAFolder() throws Exception {
        Path runs = tmp.resolve("runs");
        Process a = ChildRuns.start(tmp.resolve("a.log"), "many", runs.toString(), "1", "60");
        Process b = ChildRuns.start(tmp.resolve("b.log"), "many", runs.toString(), "61", "60");
        try {
            assertTrue(a.waitFor(2, TimeUnit.MINUTES) && b.waitFor(2, TimeUnit.MINUTES), "children did not finish");
            assertEquals(0, a.exitValue(), Files.readString(tmp.resolve("a.log")));
            assertEquals(0, b.exitValue(), Files.readString(tmp.resolve("b.log")));
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        List<SavedRun> listed = new RunHistory(new RunStore(runs)).list();
        assertEquals(120, listed.size());
        Set<Integer> epochs = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (SavedRun run : listed) {
            assertFalse(run.isDamaged(), run.folder() + ": " + run.damage());
            assertEquals(RunStatus.FINISHED, run.status(), run.message());
            int e = ((Number) Json.readMap(run.folder().resolve("config.json")).get("epochs")).intValue();
            epochs.add(e);
            // Each folder holds exactly its own run's rows: no second writer appended to it.
            assertEquals(e + 1, Files.readAllLines(run.folder().resolve("metrics.csv")).size(), run.folder().toString());
            assertEquals(e, Json.readMap(run.folder().resolve("summary.json")).get("epochs"));
            assertEquals(e + " epochs done", run.headline());
            names.add(run.folder().getFileName().toString());
        }
        assertEquals(120, epochs.size(), "every run has its own folder");
        assertTrue(names.stream().anyMatch(n -> n.matches("fake-\\d{8}-\\d{6}-\\d+")), "some runs started in the same second: " + names);
    }

    private static Path waitForMetricsRows(Path runs, int rows, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the child process ended early");
            if (Files.isDirectory(runs)) {
                try (var folders = Files.list(runs)) {
                    for (Path folder : folders.toList()) {
                        Path metrics = folder.resolve("metrics.csv");
                        if (Files.exists(metrics) && Files.readAllLines(metrics).size() > rows) return metrics;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + rows + " metrics rows within 30 s");
    }
}
