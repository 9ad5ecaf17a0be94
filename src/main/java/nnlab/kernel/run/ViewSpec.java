package nnlab.kernel.run;

import java.util.List;
import java.util.Objects;
import nnlab.kernel.figure.ReferenceLine;

/**
 * One view an experiment declares: the single place its id, kind, title and axes are spelled.
 * The run emits through the declaration ({@link RunContext#metric(ViewSpec, String, double, double)},
 * {@link RunContext#figure(ViewSpec, nnlab.kernel.figure.Figure)}, ...), panels build their
 * cards from it and the recorder saves the views declared {@code saved}; an event for an id the
 * experiment did not declare fails the run instead of vanishing silently.
 *
 * @param live  shown in the app while the run goes
 * @param saved written to the run folder at the end (figures as PNG + CSV, tables as CSV);
 *              a chart's points are saved row by row in metrics.csv by the run itself
 * @param references a chart's labelled horizontal lines (chance level, ln C), drawn live and exported
 * @param yMin a chart's fixed y range (NaN: from the data), e.g. 0–100 for an accuracy in %
 * @param keyResult the view that holds the study's answer: panels bring it into sight when a run ends
 */
public record ViewSpec(String id, Kind kind, String title, String xLabel, String yLabel, boolean live, boolean saved,
                       List<ReferenceLine> references, double yMin, double yMax, boolean keyResult) {

    public enum Kind {
        /** A live line chart fed point by point with {@link RunEvent.Metric}. */
        CHART,
        /** A results table ({@link RunEvent.Table}). */
        TABLE,
        /** A figure (line, bars, heatmap, image grid ...) sent whole ({@link RunEvent.FigureUpdate}). */
        FIGURE
    }

    public ViewSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (id.isBlank()) throw new IllegalArgumentException("a view needs an id");
        if (!live && !saved) throw new IllegalArgumentException("view '" + id + "' is neither live nor saved");
        title = title == null ? id : title;
        xLabel = xLabel == null ? "" : xLabel;
        yLabel = yLabel == null ? "" : yLabel;
        references = references == null ? List.of() : List.copyOf(references);
    }

    public ViewSpec(String id, Kind kind, String title, String xLabel, String yLabel, boolean live, boolean saved) {
        this(id, kind, title, xLabel, yLabel, live, saved, List.of(), Double.NaN, Double.NaN, false);
    }

    /** The same view with these labelled horizontal lines (a chart's chance level, say). */
    public ViewSpec withReferences(List<ReferenceLine> lines) {
        return new ViewSpec(id, kind, title, xLabel, yLabel, live, saved, lines, yMin, yMax, keyResult);
    }

    /** The same chart on a fixed y range (NaN for either end: from the data). */
    public ViewSpec withYRange(double lo, double hi) {
        return new ViewSpec(id, kind, title, xLabel, yLabel, live, saved, references, lo, hi, keyResult);
    }

    /** The same chart on 0–100, for an accuracy in %. */
    public ViewSpec withPercentAxis() {
        return withYRange(0, 100);
    }

    /** The same view marked as the study's answer (see {@code keyResult}). */
    public ViewSpec asKeyResult() {
        return new ViewSpec(id, kind, title, xLabel, yLabel, live, saved, references, yMin, yMax, true);
    }

    /** A live line chart; its data goes to metrics.csv, not to a figure file. */
    public static ViewSpec chart(String id, String title, String xLabel, String yLabel) {
        return new ViewSpec(id, Kind.CHART, title, xLabel, yLabel, true, false);
    }

    /** A table shown live and saved as CSV. */
    public static ViewSpec table(String id, String title) {
        return new ViewSpec(id, Kind.TABLE, title, "", "", true, true);
    }

    /** A figure shown live and saved as PNG + CSV. */
    public static ViewSpec figure(String id, String title) {
        return new ViewSpec(id, Kind.FIGURE, title, "", "", true, true);
    }

    /** The same view, written to the run folder but not shown live (e.g. a live chart's saved twin). */
    public ViewSpec savedOnly() {
        return new ViewSpec(id, kind, title, xLabel, yLabel, false, true, references, yMin, yMax, keyResult);
    }

    /** The same view, shown live but not saved (e.g. a preview that only helps before a run). */
    public ViewSpec liveOnly() {
        return new ViewSpec(id, kind, title, xLabel, yLabel, true, false, references, yMin, yMax, keyResult);
    }

    public boolean isChart() {
        return kind == Kind.CHART;
    }

    /** A title for an id nobody declared (a column of metrics.csv, a file of an old run): "train_loss" → "Train loss". */
    public static String titleFromId(String id) {
        String s = id.replaceAll("[-_.]+", " ").trim();
        return s.isEmpty() ? id : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }
}
