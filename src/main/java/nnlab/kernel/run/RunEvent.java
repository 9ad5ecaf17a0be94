package nnlab.kernel.run;

import java.util.List;
import java.util.Map;
import nnlab.kernel.figure.Figure;

/**
 * What a run tells its observers. Panels render these and nothing else; the command line prints
 * and stores them. All payloads are immutable so they can cross threads safely.
 */
public sealed interface RunEvent {

    /** One point of a curve: chart id, series name (e.g. "train loss"), x and y. */
    record Metric(String chart, String series, double x, double y) implements RunEvent { }

    /** A whole table, replacing any earlier table with the same id. */
    record Table(String id, String title, List<String> columns, List<List<String>> rows,
                 Map<String, String> cellDetails) implements RunEvent { }

    /** A figure (chart, image grid, heatmap) to show and export, replacing one with the same id. */
    record FigureUpdate(String id, Figure figure) implements RunEvent { }

    /** Progress over the whole run; etaSeconds is NaN while unknown. */
    record Progress(double fraction, double etaSeconds, String message) implements RunEvent { }

    record Log(String line) implements RunEvent { }

    /**
     * A new phase of the run begins (e.g. "Net1 · replicate · round 3"). With {@code restart},
     * per-phase views such as the live curves of the current round start afresh; without it only
     * the title changes (work that overlaps, such as rounds on a queue, retires its curves itself
     * with {@link RetireCurves}).
     */
    record Phase(String title, boolean restart) implements RunEvent {
        public Phase(String title) {
            this(title, true);
        }
    }

    /**
     * The live curves whose series name ends with {@code seriesSuffix} belong to finished work
     * (e.g. " · Net1 fconv round 3"): views that show current work drop them.
     */
    record RetireCurves(String seriesSuffix) implements RunEvent { }

    record Status(RunStatus status, String message) implements RunEvent { }
}
