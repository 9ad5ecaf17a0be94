package nnlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEvent;

/**
 * Carries a run's events from its worker thread to the JavaFX thread in batches. The worker only
 * appends to a lock-free queue; a timeline drains it at most ten times a second, so a run that
 * emits thousands of points costs the UI a handful of layout passes instead of one per point.
 * Stops and unsubscribes by itself after the run's final status.
 */
public final class EventPump {
    public static final Duration INTERVAL = Duration.millis(100);

    private final Run run;
    private final Consumer<List<RunEvent>> sink;
    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<RunEvent> listener = queue::add;
    private final Timeline timeline;
    private boolean started;
    private boolean stopped;

    /** @param sink receives each non-empty batch, in emission order, on the JavaFX thread */
    public EventPump(Run run, Consumer<List<RunEvent>> sink) {
        this.run = run;
        this.sink = sink;
        this.timeline = new Timeline(new KeyFrame(INTERVAL, e -> drain()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    /** Subscribes (replaying the run's history) and starts draining; call on the JavaFX thread. */
    public EventPump start() {
        requireFxThread();
        if (started) return this;
        started = true;
        run.subscribe(listener);
        timeline.play();
        return this;
    }

    /** Delivers what is queued and stops; later events are dropped. Call on the JavaFX thread. */
    public void stop() {
        requireFxThread();
        if (stopped) return;
        stopped = true;
        run.unsubscribe(listener);
        timeline.stop();
        List<RunEvent> rest = poll();
        if (!rest.isEmpty()) sink.accept(rest);
    }

    public boolean isActive() {
        return started && !stopped;
    }

    public Run run() {
        return run;
    }

    private void drain() {
        if (stopped) return;
        List<RunEvent> batch = poll();
        if (batch.isEmpty()) return;
        boolean finished = batch.stream().anyMatch(e -> e instanceof RunEvent.Status s && s.status().isFinal());
        sink.accept(batch);
        if (finished) stop();
    }

    private List<RunEvent> poll() {
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent e; (e = queue.poll()) != null; ) batch.add(e);
        return batch;
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) throw new IllegalStateException("EventPump must be driven from the JavaFX thread");
    }
}
