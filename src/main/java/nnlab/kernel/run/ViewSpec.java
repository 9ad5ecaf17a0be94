package nnlab.kernel.run;

import java.util.Objects;

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
 */
public record ViewSpec(String id, Kind kind, String title, String xLabel, String yLabel, boolean live, boolean saved) {

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
        return new ViewSpec(id, kind, title, xLabel, yLabel, false, true);
    }

    /** The same view, shown live but not saved (e.g. a preview that only helps before a run). */
    public ViewSpec liveOnly() {
        return new ViewSpec(id, kind, title, xLabel, yLabel, true, false);
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
