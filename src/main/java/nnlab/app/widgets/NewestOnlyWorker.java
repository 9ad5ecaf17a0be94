package nnlab.app.widgets;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;

/**
 * One background thread that computes only the newest request: a request that arrives while
 * another is waiting replaces it, so a fast drag computes the setting it ends on, not every one
 * it passed. Results reach the JavaFX thread in the order they were computed (one thread, and
 * Platform.runLater keeps order), so an older result never overwrites a newer one.
 */
public final class NewestOnlyWorker<Q, R> {
    private final ExecutorService thread;
    private final AtomicReference<Q> pending = new AtomicReference<>();
    private final Function<Q, R> compute;
    private final Consumer<R> show;
    private final Consumer<String> fail;

    /**
     * @param compute runs on the worker thread
     * @param show runs on the JavaFX thread with each result
     * @param fail runs on the JavaFX thread with the message of a computation that threw
     */
    public NewestOnlyWorker(String threadName, Function<Q, R> compute, Consumer<R> show, Consumer<String> fail) {
        this.compute = compute;
        this.show = show;
        this.fail = fail;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void submit(Q request) {
        // Only one drain is ever queued; it takes whatever request is newest when it starts.
        if (pending.getAndSet(request) == null) thread.execute(this::drain);
    }

    /** Other work for the same thread, so it never runs beside a computation. */
    public void execute(Runnable task) {
        thread.execute(task);
    }

    private void drain() {
        Q request = pending.getAndSet(null);
        if (request == null) return;
        R result;
        try {
            result = compute.apply(request);
        } catch (RuntimeException | OutOfMemoryError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Platform.runLater(() -> fail.accept(message));
            return;
        }
        Platform.runLater(() -> show.accept(result));
    }
}
