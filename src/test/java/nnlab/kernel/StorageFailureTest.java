package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunSummary;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full disks, vanished folders and unwritable places: the run ends FAILED with a message naming
 * the file, the folder and the cause, and the engine takes the next run. Tests run as root in CI,
 * so permissions cannot make a folder unwritable; a regular file where a folder should be, a
 * folder where a file should be, /dev/full and deleting the folder mid-run do.
 */
class StorageFailureTest {
    private final FakeExperiment fake = new FakeExperiment();

    @TempDir
    Path tmp;

    private Run submit(RunEngine engine, Map<String, String> settings) {
        return engine.submit(fake, fake.schema().fromText(settings));
    }

    private static Run ended(Run run) throws InterruptedException {
        assertTrue(run.await(10, TimeUnit.SECONDS), "still " + run.status());
        return run;
    }

    /** Waits for the run's folder to exist (the experiment's own code has started, or is about to). */
    private static Path folderOf(Run run) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (run.folder() == null) {
            assertTrue(System.nanoTime() < deadline, "no folder within 10 s");
            Thread.sleep(2);
        }
        return run.folder();
    }

    private void assertTheEngineStillWorks(RunEngine engine) throws InterruptedException {
        Run next = ended(submit(engine, Map.of("epochs", "1", "millis", "0")));
        assertEquals(RunStatus.FINISHED, next.status(), next.statusMessage());
    }

    @Test
    void aRunsFolderThatCannotBeCreatedFailsTheRunNamingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path runs = file.resolve("runs");
        try (RunEngine engine = new RunEngine(1, new RunStore(runs))) {
            Run run = ended(submit(engine, Map.of("epochs", "1")));
            assertEquals(RunStatus.FAILED, run.status());
            assertTrue(run.statusMessage().startsWith("could not create the run folder: cannot create the runs folder " + runs + ": "),
                    run.statusMessage());
            assertTrue(run.statusMessage().toLowerCase().contains("not a directory")
                    || run.statusMessage().toLowerCase().contains("exists"), run.statusMessage());
            Run again = ended(submit(engine, Map.of("epochs", "1")));
            assertEquals(RunStatus.FAILED, again.status(), "the engine keeps taking runs");
        }
    }

    @Test
    void anOutFolderThatCannotBeCreatedFailsTheRunNamingIt() throws Exception {
        Path out = Files.writeString(tmp.resolve("a-file"), "x").resolve("out");
        try (RunEngine engine = new RunEngine(1, new RunStore(tmp.resolve("runs")))) {
            Run run = ended(engine.submit(fake, fake.schema().defaults(), List.of(out)));
            assertEquals(RunStatus.FAILED, run.status());
            assertTrue(run.statusMessage().contains("could not create the folder " + out + ": "), run.statusMessage());
            assertTheEngineStillWorks(engine);
        }
    }

    @Test
    void aFullDiskFailsTheRunWithTheFileFolderAndCause() throws Exception {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "needs Linux's /dev/full");
        FakeExperiment held = FakeExperiment.holdingAt(1);
        try (RunEngine engine = new RunEngine(1, new RunStore(tmp.resolve("runs")))) {
            Run run = engine.submit(held, held.schema().fromText(Map.of("epochs", "3", "millis", "0")));
            held.awaitHeld();
            Path folder = run.folder();
            Files.createSymbolicLink(folder.resolve("metrics.csv"), devFull); // every write: ENOSPC
            held.release();
            ended(run);
            assertEquals(RunStatus.FAILED, run.status());
            assertEquals("could not write metrics.csv in " + folder + ": No space left on device", run.statusMessage());
            Map<String, Object> info = Json.readMap(folder.resolve("run.json"));
            assertEquals("failed", info.get("status"));
            assertEquals(run.statusMessage(), info.get("message"), "run.json says why, too");
            assertTheEngineStillWorks(engine);
        }
    }

    @Test
    void aMetricsFileThatCannotBeOpenedFailsTheRun() throws Exception {
        FakeExperiment held = FakeExperiment.holdingAt(1);
        try (RunEngine engine = new RunEngine(1, new RunStore(tmp.resolve("runs")))) {
            Run run = engine.submit(held, held.schema().fromText(Map.of("epochs", "3", "millis", "0")));
            held.awaitHeld();
            Path folder = run.folder();
            Files.createDirectory(folder.resolve("metrics.csv"));
            held.release();
            ended(run);
            assertEquals(RunStatus.FAILED, run.status());
            assertTrue(run.statusMessage().startsWith("could not write metrics.csv in " + folder + ": "), run.statusMessage());
            assertTheEngineStillWorks(engine);
        }
    }

    @Test
    void aRunFolderDeletedMidRunFailsTheRunNamingTheFileItCouldNotWrite() throws Exception {
        FakeExperiment held = FakeExperiment.holdingAt(2); // epoch 1's row is written: metrics.csv is open
        try (RunEngine engine = new RunEngine(1, new RunStore(tmp.resolve("runs")))) {
            Run run = engine.submit(held, held.schema().fromText(Map.of("epochs", "3", "millis", "0")));
            held.awaitHeld();
            Path folder = run.folder();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
            held.release();
            ended(run);
            assertEquals(RunStatus.FAILED, run.status());
            // metrics.csv was already open (Linux keeps writing the unlinked file); summary.json is the first new file.
            assertTrue(run.statusMessage().startsWith("could not write summary.json in " + folder + ": the folder does not exist"),
                    run.statusMessage());
            assertTheEngineStillWorks(engine);
        }
    }

    @Test
    void aStudyThatSwallowsTheWriteErrorStillFails() throws Exception {
        CountDownLatch sabotaged = new CountDownLatch(1);
        Experiment stubborn = new Experiment() {
            @Override public String id() { return "stubborn"; }
            @Override public String title() { return "Stubborn"; }
            @Override public String description() { return "ignores failed writes"; }
            @Override public ConfigSchema schema() { return new ConfigSchema(); }
            @Override public java.util.List<nnlab.kernel.run.ViewSpec> views(Config config) { return java.util.List.of(); }

            @Override
            public RunSummary run(Config config, RunContext ctx) throws Exception {
                assertTrue(sabotaged.await(30, TimeUnit.SECONDS), "the test never blocked metrics.csv");
                for (int i = 0; i < 3; i++) {
                    try {
                        ctx.recordMetrics(Map.of("row", i));
                    } catch (UncheckedIOException ignored) {
                        // carries on regardless
                    }
                }
                return () -> "";
            }
        };
        try (RunEngine engine = new RunEngine(1, new RunStore(tmp.resolve("runs")))) {
            Run run = engine.submit(stubborn, stubborn.schema().defaults());
            Path folder = folderOf(run);
            Files.createDirectory(folder.resolve("metrics.csv"));
            sabotaged.countDown();
            ended(run);
            assertEquals(RunStatus.FAILED, run.status(), "the saved metrics are incomplete, so the run cannot count as finished");
            assertTrue(run.statusMessage().startsWith("could not write metrics.csv in " + folder), run.statusMessage());
        }
    }
}
