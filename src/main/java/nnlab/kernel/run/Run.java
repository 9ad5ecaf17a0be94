package nnlab.kernel.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nnlab.kernel.config.Config;

/**
 * One execution of an experiment. Observers subscribe to its events; a late subscriber first
 * receives every event so far, so a panel opened mid-run shows the whole history.
 */
public final class Run {
    private final String id;
    private final Experiment experiment;
    private final Config config;
    private final Instant created = Instant.now();
    private final List<RunEvent> history = new ArrayList<>();
    private final List<Consumer<RunEvent>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RunStatus status = RunStatus.QUEUED;
    private volatile String statusMessage = "queued";
    private volatile boolean cancelRequested;
    private volatile Instant started;
    private volatile Instant ended;
    private volatile Object summary;
    private volatile java.nio.file.Path folder;

    Run(String id, Experiment experiment, Config config) {
        this.id = id;
        this.experiment = experiment;
        this.config = config;
    }

    public String id() { return id; }
    public Experiment experiment() { return experiment; }
    public Config config() { return config; }
    public RunStatus status() { return status; }
    public String statusMessage() { return statusMessage; }
    public Instant created() { return created; }
    public Instant started() { return started; }
    public Instant ended() { return ended; }
    public boolean isCancelRequested() { return cancelRequested; }
    public Object summary() { return summary; }
    /** The run's folder in the run store, or null when it is not stored. */
    public java.nio.file.Path folder() { return folder; }

    /** Asks the run to stop; a queued run is cancelled at once, a running one at its next check. */
    public void cancel() {
        cancelRequested = true;
    }

    /** Subscribes and replays the events so far, in order, before any new one. */
    public void subscribe(Consumer<RunEvent> listener) {
        synchronized (history) {
            for (RunEvent e : history) listener.accept(e);
            listeners.add(listener);
        }
    }

    public void unsubscribe(Consumer<RunEvent> listener) {
        listeners.remove(listener);
    }

    public List<RunEvent> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Waits for the run to reach a final state. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    void emit(RunEvent event) {
        synchronized (history) {
            history.add(event);
            for (Consumer<RunEvent> l : listeners) {
                try {
                    l.accept(event);
                } catch (RuntimeException e) {
                    // An observer's bug must not kill the run it observes.
                    System.err.println("run listener failed: " + e);
                }
            }
        }
    }

    void setFolder(java.nio.file.Path folder) { this.folder = folder; }
    void setSummary(Object summary) { this.summary = summary; }

    void setStatus(RunStatus newStatus, String message) {
        if (newStatus == RunStatus.RUNNING) started = Instant.now();
        if (newStatus.isFinal()) ended = Instant.now();
        status = newStatus;
        statusMessage = message;
        emit(new RunEvent.Status(newStatus, message));
        if (newStatus.isFinal()) done.countDown();
    }
}
