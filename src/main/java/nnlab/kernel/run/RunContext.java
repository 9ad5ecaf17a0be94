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

    default void metric(String chart, String series, double x, double y) {
        emit(new RunEvent.Metric(chart, series, x, y));
    }

    default void log(String line) {
        emit(new RunEvent.Log(line));
    }

    default void figure(String id, Figure figure) {
        emit(new RunEvent.FigureUpdate(id, figure));
    }

    default void table(String id, String title, List<String> columns, List<List<String>> rows,
                       Map<String, String> cellDetails) {
        emit(new RunEvent.Table(id, title, columns, rows, cellDetails));
    }

    /** Appends one row of the run's metrics.csv (flushed at once). Columns are fixed by the first call. */
    void recordMetrics(Map<String, Object> row);
}
