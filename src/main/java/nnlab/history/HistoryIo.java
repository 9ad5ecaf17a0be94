package nnlab.history;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javafx.application.Platform;

/**
 * Where the History page reads and writes run folders: never on the JavaFX thread, so that a slow
 * disk cannot freeze the window, and always back on it to show what came of it.
 */
final class HistoryIo {
    /** One thread for every history read and write: folders are small, and order is kept. */
    static final ExecutorService IO = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-history");
        t.setDaemon(true);
        return t;
    });

    /** Reading or writing a run folder. */
    @FunctionalInterface
    interface FolderWork<T> {
        T run() throws IOException;
    }

    private HistoryIo() { }

    /**
     * Does the work on the history thread, then hands its result, or what it threw (null when it
     * did not), to then on the JavaFX thread.
     */
    static <T> void inBackground(FolderWork<T> work, BiConsumer<T, Throwable> then) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, IO).whenComplete((result, error) -> Platform.runLater(() -> then.accept(result, error == null ? null : unwrap(error))));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** What went wrong, in a line for a note or a dialog. */
    static String describe(Throwable t) {
        return RunDetails.describe(t);
    }
}
