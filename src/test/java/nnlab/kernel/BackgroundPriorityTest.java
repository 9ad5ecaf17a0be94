package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunSummary;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import org.junit.jupiter.api.Test;

/** The app's engine trains below the window's priority, and so does every thread a run starts. */
class BackgroundPriorityTest {

    @Test
    void runsOfABackgroundEngineAndTheirThreadsAreNiced() throws Exception {
        Integer own = BackgroundPriority.currentNiceness();
        assumeTrue(own != null && (new java.io.File("/usr/bin/renice").canExecute() || new java.io.File("/bin/renice").canExecute()),
                "needs Linux /proc and renice");
        AtomicReference<Integer> inRun = new AtomicReference<>();
        AtomicReference<Integer> inChild = new AtomicReference<>();
        Experiment probe = new Experiment() {
            @Override public String id() { return "priority-probe"; }
            @Override public String title() { return "priority probe"; }
            @Override public String description() { return "reads its own nice value"; }
            @Override public ConfigSchema schema() { return new ConfigSchema(); }
            @Override public java.util.List<nnlab.kernel.run.ViewSpec> views(Config config) { return java.util.List.of(); }

            @Override
            public RunSummary run(Config config, RunContext context) throws Exception {
                inRun.set(BackgroundPriority.currentNiceness());
                Thread child = new Thread(() -> inChild.set(BackgroundPriority.currentNiceness()));
                child.start();
                child.join();
                return () -> "";
            }
        };
        try (RunEngine engine = new RunEngine(1, null)) {
            engine.setBackgroundPriority(true);
            Run run = engine.submit(probe, probe.schema().defaults());
            assertTrue(run.await(30, TimeUnit.SECONDS));
            assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
        }
        // renice -n is absolute in some versions and relative in others; either way the run is lowered.
        assertTrue(inRun.get() >= Math.max(own + 1, BackgroundPriority.NICENESS), "the run's thread: nice " + inRun.get());
        assertEquals(inRun.get(), inChild.get(), "a thread the run starts inherits the priority");
        assertEquals(own, BackgroundPriority.currentNiceness(), "the caller's own priority is untouched");
    }
}
