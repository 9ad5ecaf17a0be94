package nnlab.kernel.run;

import java.util.List;
import java.util.Map;
import nnlab.kernel.figure.Figure;

/** The run's side of the event stream, handed to {@link Experiment#run}. */
public interface RunContext {

    void emit(RunEvent event);

    boolean isCancelled();

    /** Throws {@link RunCancelledException} once the user has asked to cancel. */
    default void checkCancelled() {
        if (isCancelled()) throw new RunCancelledException();
    }

    /** Reports the fraction done; the engine derives the ETA from elapsed time. */
    void progress(double fraction, String message);

    /** One point of a declared chart's curve {@code series} (e.g. "train loss"). */
    default void metric(ViewSpec chart, String series, double x, double y) {
        emit(new RunEvent.Metric(chart.id(), series, x, y));
    }

    default void log(String line) {
        emit(new RunEvent.Log(line));
    }

    /** The current version of a declared figure, replacing the one sent before. */
    default void figure(ViewSpec view, Figure figure) {
        emit(new RunEvent.FigureUpdate(view.id(), figure));
    }

    /** The current version of a declared table; {@code title} may say more than the declaration's (e.g. the graph). */
    default void table(ViewSpec view, String title, List<String> columns, List<List<String>> rows,
                       Map<String, String> cellDetails) {
        emit(new RunEvent.Table(view.id(), title, columns, rows, cellDetails));
    }

    /** Appends one row of the run's metrics.csv (flushed at once). Columns are fixed by the first call. */
    void recordMetrics(Map<String, Object> row);

    /**
     * The run's folder in the run store, for files an experiment writes itself (a model's
     * checkpoints, say); empty when the run is not stored (a test's context).
     */
    default java.util.Optional<java.nio.file.Path> folder() {
        return java.util.Optional.empty();
    }
}
