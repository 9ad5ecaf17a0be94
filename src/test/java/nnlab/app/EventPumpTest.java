package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunSummary;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class EventPumpTest {
    private static final int EVENTS = 3000;
    private final RunEngine engine = new RunEngine(1, null);
    private final List<List<RunEvent>> batches = new CopyOnWriteArrayList<>();
    private final List<Boolean> onFxThread = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 50, 50));
        stage.show();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** Emits numbered log lines for about half a second, so the pump sees several ticks. */
    private static final class Counter implements Experiment {
        @Override public String id() { return "counter"; }
        @Override public String title() { return "Counter"; }
        @Override public String description() { return "numbers"; }
        @Override public ConfigSchema schema() { return new ConfigSchema().add(Setting.intSetting("n", EVENTS, 1, 100000)); }
        @Override public java.util.List<nnlab.kernel.run.ViewSpec> views(Config config) { return java.util.List.of(); }

        @Override
        public RunSummary run(Config config, RunContext ctx) throws Exception {
            for (int i = 0; i < config.getInt("n"); i++) {
                ctx.log(String.valueOf(i));
                ctx.checkCancelled();
                if (i % 100 == 99) Thread.sleep(15);
            }
            return () -> "";
        }
    }

    private List<RunEvent> delivered() {
        List<RunEvent> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    @Test
    void deliversEveryEventInOrderInBatchesOnTheFxThread() throws Exception {
        Counter counter = new Counter();
        Run run = engine.submit(counter, counter.schema().defaults());
        EventPump pump = Fx.get(() -> new EventPump(run, b -> {
            onFxThread.add(Platform.isFxApplicationThread());
            batches.add(b);
        }).start());

        assertTrue(run.await(20, TimeUnit.SECONDS));
        Fx.waitUntil("the pump to stop after the final status", 5000, () -> !pump.isActive());

        List<RunEvent> all = delivered();
        List<String> lines = new ArrayList<>();
        for (RunEvent e : all) if (e instanceof RunEvent.Log l) lines.add(l.line());
        assertEquals(EVENTS, lines.size());
        for (int i = 0; i < EVENTS; i++) assertEquals(String.valueOf(i), lines.get(i));
        assertEquals(run.history(), all, "exactly the run's events, in the run's order");
        RunEvent last = all.get(all.size() - 1);
        assertTrue(last instanceof RunEvent.Status s && s.status() == RunStatus.FINISHED);
        assertTrue(batches.size() >= 2, "events arrive over several ticks");
        assertTrue(batches.size() < all.size() / 10, "batched, not one call per event: " + batches.size() + " batches");
        assertFalse(onFxThread.contains(false));
        assertTrue(batches.stream().noneMatch(List::isEmpty));
    }

    @Test
    void aLateSubscriberGetsTheHistoryAndStops() throws Exception {
        Counter counter = new Counter();
        Run run = engine.submit(counter, counter.schema().fromText(Map.of("n", "50")));
        assertTrue(run.await(10, TimeUnit.SECONDS));
        EventPump pump = Fx.get(() -> new EventPump(run, batches::add).start());
        Fx.waitUntil("the replayed history", 5000, () -> !pump.isActive());
        assertEquals(1, batches.size());
        assertEquals(run.history(), batches.get(0));
    }

    @Test
    void stopDropsLaterEvents() throws Exception {
        Counter counter = new Counter();
        Run run = engine.submit(counter, counter.schema().fromText(Map.of("n", "100000")));
        EventPump pump = Fx.get(() -> new EventPump(run, batches::add).start());
        Fx.waitUntil("a first batch", 5000, () -> !batches.isEmpty());
        Fx.run(pump::stop);
        int seen = delivered().size();
        run.cancel();
        assertTrue(run.await(10, TimeUnit.SECONDS));
        Thread.sleep(250);
        assertEquals(seen, delivered().size());
    }
}
