package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.run.RunSummary;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEngineTest {
    private final FakeExperiment fake = new FakeExperiment();

    @TempDir
    Path runs;

    private Run submit(RunEngine engine, Map<String, String> settings) {
        return engine.submit(fake, fake.schema().fromText(settings));
    }

    @Test
    void eventsArriveInOrderAndTheRunIsSaved() throws Exception {
        try (RunEngine engine = new RunEngine(1, new RunStore(runs))) {
            Run run = submit(engine, Map.of("epochs", "3"));
            List<RunEvent> seen = new CopyOnWriteArrayList<>();
            run.subscribe(seen::add);
            assertTrue(run.await(10, TimeUnit.SECONDS));
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals(new RunEvent.Status(RunStatus.RUNNING, "running"), seen.get(0));
            assertInstanceOf(RunEvent.Phase.class, seen.get(1));
            List<Double> xs = seen.stream().filter(e -> e instanceof RunEvent.Metric).map(e -> ((RunEvent.Metric) e).x()).toList();
            assertEquals(List.of(1.0, 2.0, 3.0), xs);
            RunEvent last = seen.get(seen.size() - 1);
            assertInstanceOf(RunEvent.Status.class, last);
            assertEquals(RunStatus.FINISHED, ((RunEvent.Status) last).status());

            Path folder = run.folder();
            assertTrue(folder.startsWith(runs));
            assertEquals(List.of("epoch,loss", "1,1", "2,0.500000", "3,0.333333"), Files.readAllLines(folder.resolve("metrics.csv")));
            assertEquals("{\n  \"epochs\" : 3\n}\n", Files.readString(folder.resolve("summary.json")), "the record's components, no headline");
            assertEquals("3 epochs done", run.headline());
            assertEquals("3 epochs done", Json.readMap(folder.resolve("run.json")).get("headline"));
            assertEquals("3", String.valueOf(Json.readMap(folder.resolve("config.json")).get("epochs")));
            assertEquals("finished", Json.readMap(folder.resolve("run.json")).get("status"));
        }
    }

    @Test
    void aCancelStopsTheRunBeforeItsNextEpoch() throws Exception {
        try (RunEngine engine = new RunEngine(1, new RunStore(runs))) {
            Run run = submit(engine, Map.of("epochs", "1000", "millis", "5"));
            List<RunEvent> seen = new CopyOnWriteArrayList<>();
            // On the run's thread, as epoch 2's point is emitted: the cancel lands mid-epoch, at a known place.
            run.subscribe(e -> {
                seen.add(e);
                if (e instanceof RunEvent.Metric m && m.x() == 2) run.cancel();
            });
            assertTrue(run.await(30, TimeUnit.SECONDS), "still " + run.status() + " after a cancel"); // a hang guard, not a speed bound
            assertEquals(RunStatus.CANCELLED, run.status());
            List<Double> xs = seen.stream().filter(e -> e instanceof RunEvent.Metric).map(e -> ((RunEvent.Metric) e).x()).toList();
            assertEquals(List.of(1.0, 2.0), xs, "the epoch in progress ends, no further epoch starts");
            assertEquals(new RunEvent.Status(RunStatus.CANCELLED, "cancelled"), seen.get(seen.size() - 1));
            assertEquals(List.of("epoch,loss", "1,1", "2,0.500000"), Files.readAllLines(run.folder().resolve("metrics.csv")),
                    "the cancelled epoch's row is saved");
            assertEquals("cancelled", Json.readMap(run.folder().resolve("run.json")).get("status"));
        }
    }

    @Test
    void queuedRunsAreVisibleAndACancelledQueuedRunNeverStarts() throws Exception {
        try (RunEngine engine = new RunEngine(1, null)) {
            Run first = submit(engine, Map.of("epochs", "1000", "millis", "20"));
            Run second = submit(engine, Map.of("epochs", "1"));
            waitFor(() -> first.status() == RunStatus.RUNNING);
            assertEquals(RunStatus.QUEUED, second.status());
            assertEquals(2, engine.runs().size());
            second.cancel();
            first.cancel();
            assertTrue(second.await(10, TimeUnit.SECONDS));
            assertEquals(RunStatus.CANCELLED, second.status());
            assertEquals(null, second.started());
        }
    }

    @Test
    void nanLossEndsTheRunAsDivergedWithWhereItHappened() throws Exception {
        try (RunEngine engine = new RunEngine(1, new RunStore(runs))) {
            Run run = submit(engine, Map.of("epochs", "5", "nan-at", "3"));
            assertTrue(run.await(10, TimeUnit.SECONDS));
            assertEquals(RunStatus.DIVERGED, run.status());
            assertTrue(run.statusMessage().contains("diverged at round 1, epoch 3"), run.statusMessage());
            // The two finished epochs are kept.
            assertEquals(3, Files.readAllLines(run.folder().resolve("metrics.csv")).size());
            assertEquals("diverged", Json.readMap(run.folder().resolve("run.json")).get("status"));
        }
    }

    @Test
    void anExceptionEndsTheRunAsFailedNotACrash() throws Exception {
        try (RunEngine engine = new RunEngine(1, null)) {
            Run run = submit(engine, Map.of("epochs", "5", "fail", "true"));
            assertTrue(run.await(10, TimeUnit.SECONDS));
            assertEquals(RunStatus.FAILED, run.status());
            assertTrue(run.statusMessage().contains("scripted failure"), run.statusMessage());
            Run next = submit(engine, Map.of("epochs", "1"));
            assertTrue(next.await(10, TimeUnit.SECONDS));
            assertEquals(RunStatus.FINISHED, next.status(), "the engine keeps working after a failure");
        }
    }

    @Test
    void aHeadlineThatThrowsLeavesTheRunFinishedWithoutOne() throws Exception {
        record Broken(int epochs) implements RunSummary {
            @Override public String headline() { throw new IllegalStateException("no headline"); }
        }
        Experiment broken = new Experiment() {
            @Override public String id() { return "broken"; }
            @Override public String title() { return "Broken headline"; }
            @Override public String description() { return "test double"; }
            @Override public ConfigSchema schema() { return new ConfigSchema(); }
            @Override public java.util.List<nnlab.kernel.run.ViewSpec> views(Config config) { return java.util.List.of(); }
            @Override public RunSummary run(Config config, RunContext context) { return new Broken(2); }
        };
        try (RunEngine engine = new RunEngine(1, new RunStore(runs))) {
            Run run = engine.submit(broken, broken.schema().defaults());
            assertTrue(run.await(10, TimeUnit.SECONDS));
            assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
            assertEquals("", run.headline());
            assertEquals(new Broken(2), run.summary());
            assertEquals(2, Json.readMap(run.folder().resolve("summary.json")).get("epochs"));
            assertFalse(Json.readMap(run.folder().resolve("run.json")).containsKey("headline"));
        }
    }

    @Test
    void anUnwritableRunsFolderFailsTheRunWithAClearMessage() throws Exception {
        Path file = Files.writeString(runs.resolve("not-a-folder"), "x");
        try (RunEngine engine = new RunEngine(1, new RunStore(file.resolve("runs")))) {
            Run run = submit(engine, Map.of("epochs", "1"));
            assertTrue(run.await(10, TimeUnit.SECONDS));
            assertEquals(RunStatus.FAILED, run.status());
            assertTrue(run.statusMessage().contains("runs folder"), run.statusMessage());
        }
    }

    @Test
    void lateSubscribersGetTheWholeHistory() throws Exception {
        try (RunEngine engine = new RunEngine(1, null)) {
            Run run = submit(engine, Map.of("epochs", "2"));
            assertTrue(run.await(10, TimeUnit.SECONDS));
            List<RunEvent> seen = new CopyOnWriteArrayList<>();
            run.subscribe(seen::add);
            assertEquals(run.history(), seen);
            assertEquals(2, seen.stream().filter(e -> e instanceof RunEvent.Metric).count());
            // Progress replaces itself: only the latest is replayed, in the place it was emitted.
            List<RunEvent> progress = seen.stream().filter(e -> e instanceof RunEvent.Progress).toList();
            assertEquals(1, progress.size());
            assertEquals(1.0, ((RunEvent.Progress) progress.get(0)).fraction());
            assertInstanceOf(RunEvent.Metric.class, seen.get(seen.indexOf(progress.get(0)) - 1), "after epoch 2's point");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(5);
        }
    }
}
