package nnlab.app;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.TableFigure;

/**
 * A figure computed from the current settings (e.g. samples of the data), shown before any run
 * and redrawn whenever the settings change to valid values. It is computed off the JavaFX
 * thread, once ND4J is ready; only the newest request is drawn, and a failure (say, an unreadable
 * data file) is shown in place of the figure with its message.
 */
final class SettingsPreview {
    /** Previews are small; one daemon thread serves every panel. */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-preview");
        t.setDaemon(true);
        return t;
    });

    /** Computes a preview figure from settings; may fail (e.g. on an unreadable data file). */
    @FunctionalInterface
    public interface Compute {
        Figure compute(Config config) throws Exception;
    }

    private final FigureView view;
    private final Compute compute;
    private final AtomicLong latestRequest = new AtomicLong();
    private volatile boolean backendReady;

    SettingsPreview(FigureView view, Compute compute) {
        this.view = view;
        this.compute = compute;
    }

    void backendReady(Config current) {
        backendReady = true;
        if (current != null) refresh(current);
    }

    void refresh(Config config) {
        if (!backendReady) return;
        long request = latestRequest.incrementAndGet();
        WORKER.execute(() -> {
            if (request != latestRequest.get()) return;
            Figure figure;
            try {
                figure = compute.compute(config);
            } catch (Exception e) {
                figure = new TableFigure("Cannot show a preview", List.of("Problem"), List.of(List.of(String.valueOf(e.getMessage()))));
            }
            Figure shown = figure;
            Platform.runLater(() -> {
                if (request == latestRequest.get()) view.setFigure(shown);
            });
        });
    }
}
