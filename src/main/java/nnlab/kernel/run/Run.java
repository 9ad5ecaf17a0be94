package nnlab.kernel.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nnlab.kernel.config.Config;

/**
 * One execution of an experiment. Observers subscribe to its events; a late subscriber first
 * receives every event so far, so a panel opened mid-run shows the whole history.
 *
 * <p>The history keeps only the latest version of each figure, table and the progress: these
 * replace their predecessors anyway, and a study that redraws a growing chart every epoch would
 * otherwise keep every version of it. The engine drops the history of older finished runs
 * altogether ({@link #historyReleased()}); their files stay in the run folder.
 */
public final class Run {
    private final String id;
    private final Experiment experiment;
    private final Config config;
    private final Instant created = Instant.now();
    /** Events in emission order; null where a later version replaced the event. */
    private final List<RunEvent> history = new ArrayList<>();
    /** Position in history of the current version of each replaceable event. */
    private final Map<String, Integer> replaceablePositions = new HashMap<>();
    private int replacedCount;
    private boolean historyReleased;
    private final List<Consumer<RunEvent>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RunStatus status = RunStatus.QUEUED;
    private volatile String statusMessage = "queued";
    private volatile boolean cancelRequested;
    private volatile Instant started;
    private volatile Instant ended;
    private volatile RunSummary summary;
    private volatile String headline = "";
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
    public RunSummary summary() { return summary; }
    /** The experiment's one-line result (see {@link RunSummary#headline}), or "" until it finishes. */
    public String headline() { return headline; }
    /** The run's folder in the run store, or null when it is not stored. */
    public java.nio.file.Path folder() { return folder; }

    /** Asks the run to stop; a queued run is cancelled at once, a running one at its next check. */
    public void cancel() {
        cancelRequested = true;
    }

    /** Subscribes and replays the events so far, in order, before any new one. */
    public void subscribe(Consumer<RunEvent> listener) {
        synchronized (history) {
            for (RunEvent e : history) {
                if (e != null) listener.accept(e);
            }
            listeners.add(listener);
        }
    }

    public void unsubscribe(Consumer<RunEvent> listener) {
        listeners.remove(listener);
    }

    /** The events so far (figures, tables and progress in their latest version only). */
    public List<RunEvent> history() {
        synchronized (history) {
            List<RunEvent> copy = new ArrayList<>(history.size() - replacedCount);
            for (RunEvent e : history) {
                if (e != null) copy.add(e);
            }
            return List.copyOf(copy);
        }
    }

    /** True when the engine dropped this finished run's events to save memory (only its final status is left). */
    public boolean historyReleased() {
        synchronized (history) {
            return historyReleased;
        }
    }

    /** Waits for the run to reach a final state. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    void emit(RunEvent event) {
        synchronized (history) {
            remember(event);
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

    private void remember(RunEvent event) {
        String key = replacementKey(event);
        if (key != null) {
            Integer previous = replaceablePositions.put(key, history.size());
            if (previous != null) {
                history.set(previous, null);
                replacedCount++;
            }
        }
        history.add(event);
        if (replacedCount > 64 && replacedCount > history.size() / 2) compact();
    }

    /** Events that supersede the earlier event with the same key. */
    private static String replacementKey(RunEvent event) {
        if (event instanceof RunEvent.FigureUpdate) return "figure:" + ((RunEvent.FigureUpdate) event).id();
        if (event instanceof RunEvent.Table) return "table:" + ((RunEvent.Table) event).id();
        if (event instanceof RunEvent.Progress) return "progress";
        return null;
    }

    private void compact() {
        List<RunEvent> kept = new ArrayList<>(history.size() - replacedCount);
        replaceablePositions.clear();
        for (RunEvent e : history) {
            if (e == null) continue;
            String key = replacementKey(e);
            if (key != null) replaceablePositions.put(key, kept.size());
            kept.add(e);
        }
        history.clear();
        history.addAll(kept);
        replacedCount = 0;
    }

    /** Keeps only the final status event; for finished runs no one is likely to reopen live. */
    void releaseHistory() {
        synchronized (history) {
            if (!status.isFinal() || historyReleased) return;
            RunEvent last = history.isEmpty() ? null : history.get(history.size() - 1);
            history.clear();
            replaceablePositions.clear();
            replacedCount = 0;
            if (last != null) history.add(last);
            historyReleased = true;
        }
    }

    void setHeadline(String headline) { this.headline = headline == null ? "" : headline; }

    void setFolder(java.nio.file.Path folder) { this.folder = folder; }
    void setSummary(RunSummary summary) { this.summary = summary; }

    void setStatus(RunStatus newStatus, String message) {
        if (newStatus == RunStatus.RUNNING) started = Instant.now();
        if (newStatus.isFinal()) ended = Instant.now();
        status = newStatus;
        statusMessage = message;
        emit(new RunEvent.Status(newStatus, message));
        if (newStatus.isFinal()) done.countDown();
    }
}
