package nnlab.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.FakeExperiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    private final FakeExperiment fake = new FakeExperiment();

    @TempDir
    Path root;

    private Run runToTheEnd(RunEngine engine, Map<String, String> settings) throws InterruptedException {
        Run run = engine.submit(fake, fake.schema().fromText(settings));
        assertTrue(run.await(10, TimeUnit.SECONDS));
        return run;
    }

    @Test
    void finishedRunsAreListedNewestFirstWithTheirFiles() throws Exception {
        RunStore store = new RunStore(root);
        Run first;
        Run second;
        try (RunEngine engine = new RunEngine(1, store)) {
            first = runToTheEnd(engine, Map.of("epochs", "2"));
            Thread.sleep(20); // distinct start times
            second = runToTheEnd(engine, Map.of("epochs", "3", "fail", "true"));
        }
        RunHistory history = new RunHistory(store);
        List<SavedRun> runs = history.list();
        assertEquals(List.of(second.folder(), first.folder()), runs.stream().map(SavedRun::folder).toList());

        SavedRun ok = runs.get(1);
        assertFalse(ok.isDamaged());
        assertEquals("fake", ok.experimentId());
        assertEquals(RunStatus.FINISHED, ok.status());
        assertEquals(first.folder().getFileName().toString(), ok.name());
        assertTrue(ok.duration() != null && !ok.duration().isNegative());
        assertEquals(Map.of("epochs", 2, "millis", 10, "nan-at", 0, "fail", false), history.settings(ok));
        CsvTable metrics = history.metrics(ok);
        assertEquals(List.of("epoch", "loss"), metrics.columns());
        assertEquals(List.of(List.of("1", "1"), List.of("2", "0.500000")), metrics.rows());

        SavedRun failed = runs.get(0);
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.message().contains("scripted failure"), failed.message());
        assertNull(failed.damage());
    }

    @Test
    void figuresAndTablesAreToldApart() throws Exception {
        Path folder = Files.createDirectory(root.resolve("fake-20260101-000000"));
        Files.writeString(folder.resolve("run.json"), "{\"experiment\":\"fake\",\"status\":\"finished\",\"message\":\"ok\"}");
        Files.writeString(folder.resolve("config.json"), "{\"experiment\":\"fake\"}");
        Files.write(folder.resolve("loss.png"), new byte[] {1});
        Files.writeString(folder.resolve("loss.csv"), "x,y\n1,2\n");
        Files.writeString(folder.resolve("results.csv"), "variant,acc\n\"a,b\",0.9\n");
        Files.writeString(folder.resolve("metrics.csv"), "epoch,loss\n1,0.5\n");
        Files.writeString(folder.resolve(".results.csv123.tmp"), "half");
        RunHistory history = new RunHistory(new RunStore(root));
        SavedRun run = history.load(folder);
        assertEquals(Map.of("loss", folder.resolve("loss.png")), history.figures(run));
        Map<String, CsvTable> tables = history.tables(run);
        assertEquals(List.of("results"), List.copyOf(tables.keySet()));
        assertEquals(List.of(List.of("a,b", "0.9")), tables.get("results").rows());
    }

    @Test
    void renameKeepsTheFolderAndDeleteRemovesIt() throws Exception {
        RunStore store = new RunStore(root);
        Run run;
        try (RunEngine engine = new RunEngine(1, store)) {
            run = runToTheEnd(engine, Map.of("epochs", "1"));
        }
        RunHistory history = new RunHistory(store);
        SavedRun saved = history.load(run.folder());
        SavedRun renamed = history.rename(saved, "  baseline  ");
        assertEquals("baseline", renamed.name());
        assertEquals(run.folder(), renamed.folder());
        assertEquals("baseline", history.list().get(0).name());
        assertEquals(RunStatus.FINISHED, renamed.status());
        assertEquals(saved.folder().getFileName().toString(), history.rename(renamed, "").name());

        history.delete(saved);
        assertFalse(Files.exists(run.folder()));
        assertEquals(List.of(), history.list());
    }

    private Path runFolder(String name, String runJson, String configJson) throws Exception {
        Path folder = Files.createDirectories(root.resolve(name));
        if (runJson != null) Files.writeString(folder.resolve("run.json"), runJson);
        if (configJson != null) Files.writeString(folder.resolve("config.json"), configJson);
        return folder;
    }

    private static String runJson(String status, String started) {
        return "{\"experiment\":\"fake\",\"status\":\"" + status + "\",\"message\":\"m\",\"started\":\"" + started + "\"}";
    }

    @Test
    void damagedFoldersAreListedWithTheirReasonAndNeverStopTheList() throws Exception {
        String config = "{\"experiment\":\"fake\",\"epochs\":3}";
        Path noRunJson = runFolder("a-no-run-json", null, config);
        Path truncatedRunJson = runFolder("b-truncated-run-json", "{\"experiment\":\"fake\",\"sta", config);
        Path truncatedConfig = runFolder("c-truncated-config", runJson("finished", "2026-01-01T10:00:00Z"), "{\"experiment\":");
        Path unknownStatus = runFolder("d-unknown-status", runJson("exploded", "2026-01-01T11:00:00Z"), config);
        Path runJsonIsAFolder = runFolder("e-run-json-is-a-folder", null, config);
        Files.createDirectory(runJsonIsAFolder.resolve("run.json"));
        Path nullRunJson = runFolder("f-null-run-json", "null", config);
        Path intact = runFolder("g-intact", runJson("finished", "2026-01-01T12:00:00Z"), config);
        Files.writeString(root.resolve("notes.txt"), "not a run");
        Files.writeString(root.resolve(".fake-x.tmp"), "");
        Files.createDirectory(root.resolve(".trash"));

        Map<Path, SavedRun> listed = new java.util.HashMap<>();
        for (SavedRun r : new RunHistory(new RunStore(root)).list()) listed.put(r.folder(), r);
        assertEquals(Set.of(noRunJson, truncatedRunJson, truncatedConfig, unknownStatus, runJsonIsAFolder, nullRunJson, intact),
                listed.keySet(), "stray files and hidden folders are skipped, every folder is listed");

        assertDamaged(listed.get(noRunJson), "run.json is missing");
        assertEquals("fake", listed.get(noRunJson).experimentId(), "the experiment still comes from config.json");
        assertDamaged(listed.get(truncatedRunJson), "run.json is unreadable");
        assertDamaged(listed.get(runJsonIsAFolder), "run.json is unreadable");
        assertDamaged(listed.get(nullRunJson), "run.json is unreadable");
        assertDamaged(listed.get(truncatedConfig), "config.json is unreadable");
        assertEquals(RunStatus.FINISHED, listed.get(truncatedConfig).status(), "what run.json says is kept");
        assertDamaged(listed.get(unknownStatus), "unknown status 'exploded'");
        assertFalse(listed.get(intact).isDamaged());
        assertEquals(RunStatus.FINISHED, listed.get(intact).status());
    }

    private static void assertDamaged(SavedRun run, String reason) {
        assertTrue(run.isDamaged(), run.folder() + " is not marked damaged");
        assertTrue(run.damage().contains(reason), run.damage());
        assertTrue(run.status().isFinal(), "a damaged run never shows as live");
    }

    @Test
    void anUnreadableFolderIsListedAsDamaged() throws Exception {
        Path folder = runFolder("locked-out", runJson("finished", "2026-01-01T10:00:00Z"), "{}");
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(folder.resolve("run.json")), "running as root: permissions do not stop reading");
            SavedRun run = new RunHistory(new RunStore(root)).list().get(0);
            assertDamaged(run, "run.json is unreadable");
        } finally {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aHalfWrittenLastMetricsLineIsDroppedAndTheCompleteRowsKept() throws Exception {
        Path folder = runFolder("fake-20260101-100000", runJson("running", "2026-01-01T10:00:00Z"), "{\"experiment\":\"fake\"}");
        Files.writeString(folder.resolve("metrics.csv"), "epoch,loss\n1,0.9\n2,0.7\n3,0.5\n4,0.4");
        RunHistory history = new RunHistory(new RunStore(root));
        SavedRun run = history.load(folder);
        assertEquals(RunStatus.INTERRUPTED, run.status(), "running, but no process holds the folder");
        assertNull(run.ended());
        assertEquals("interrupted: the process stopped during the run; 3 rows kept in metrics.csv", run.message());
        assertEquals(List.of(List.of("1", "0.9"), List.of("2", "0.7"), List.of("3", "0.5")), history.metrics(run).rows());
        assertEquals("epoch 3, loss 0.5", run.headline());
    }

    @Test
    void aRunInterruptedBeforeItsFirstRowSaysSo() throws Exception {
        Path folder = runFolder("fake-20260101-100000", runJson("running", "2026-01-01T10:00:00Z"), "{}");
        Files.writeString(folder.resolve(".lock"), ""); // left behind by the dead process, no longer locked
        SavedRun run = new RunHistory(new RunStore(root)).load(folder);
        assertEquals(RunStatus.INTERRUPTED, run.status());
        assertEquals("interrupted: the process stopped during the run; no metrics were saved", run.message());
        assertEquals("", run.headline());
    }

    @Test
    void aFolderLockedByThisProcessIsLiveAndProbingKeepsTheLock() throws Exception {
        Path folder = runFolder("fake-20260101-100000", runJson("running", "2026-01-01T10:00:00Z"), "{}");
        RunHistory history = new RunHistory(new RunStore(root));
        try (RunLock lock = RunLock.acquire(folder)) {
            for (int i = 0; i < 3; i++) assertEquals(RunStatus.RUNNING, history.load(folder).status());
            IOException refused = assertThrows(IOException.class, () -> history.delete(history.load(folder)));
            assertTrue(refused.getMessage().contains("still running"), refused.getMessage());
            // On POSIX, closing any channel to the file would drop the process's lock: the
            // probes above must not have opened it. Linux shows the lock in /proc/locks.
            Path procLocks = Path.of("/proc/locks");
            if (Files.isReadable(procLocks)) {
                String pattern = ".*\\s" + ProcessHandle.current().pid() + "\\s+\\S+:"
                        + Files.getAttribute(folder.resolve(".lock"), "unix:ino") + "\\s.*";
                assertTrue(Files.readAllLines(procLocks).stream().anyMatch(l -> l.matches(pattern)),
                        "the operating system no longer sees our lock");
            }
        }
        assertEquals(RunStatus.INTERRUPTED, history.load(folder).status());
        assertFalse(Files.exists(folder.resolve(".lock")), "a released lock leaves no file");
    }

    @Test
    void aLiveRunOfThisEngineIsRunningThenFinishedWithItsHeadline() throws Exception {
        RunStore store = new RunStore(root);
        RunHistory history = new RunHistory(store);
        FakeExperiment held = FakeExperiment.holdingAt(2); // epoch 1's row saved, the run still going
        try (RunEngine engine = new RunEngine(1, store)) {
            Run run = engine.submit(held, held.schema().fromText(Map.of("epochs", "4", "millis", "0")));
            held.awaitHeld();
            SavedRun live = history.load(run.folder());
            assertEquals(RunStatus.RUNNING, live.status());
            assertFalse(live.isDamaged(), live.damage());
            held.release();
            assertTrue(run.await(10, TimeUnit.SECONDS));
            assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
            assertEquals("4 epochs done", run.headline());
        }
        SavedRun done = history.list().get(0);
        assertEquals(RunStatus.FINISHED, done.status());
        assertEquals("4 epochs done", done.headline());
        assertTrue(done.ended() != null && !done.ended().isBefore(done.started()));
        assertFalse(Files.exists(done.folder().resolve(".lock")));
    }

    @Test
    void aCancelledRunHasTheLastMetricsRowAsItsHeadline() throws Exception {
        RunStore store = new RunStore(root);
        try (RunEngine engine = new RunEngine(1, store)) {
            Run run = engine.submit(fake, fake.schema().fromText(Map.of("epochs", "1000", "millis", "20")));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (metricsLines(run) < 3) {
                assertTrue(System.nanoTime() < deadline, "no metrics within 10 s");
                Thread.sleep(5);
            }
            run.cancel();
            assertTrue(run.await(10, TimeUnit.SECONDS));
        }
        SavedRun saved = new RunHistory(store).list().get(0);
        assertEquals(RunStatus.CANCELLED, saved.status());
        assertTrue(saved.headline().matches("epoch \\d+, loss [0-9.]+"), saved.headline());
    }

    private static long metricsLines(Run run) throws IOException {
        if (run.folder() == null || !Files.exists(run.folder().resolve("metrics.csv"))) return 0;
        return Files.readAllLines(run.folder().resolve("metrics.csv")).size();
    }
}
