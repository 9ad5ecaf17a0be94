package nnlab.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.SavedRun;

/** How a saved run is named in the history: status words and badges, times, durations. */
public final class RunLabels {
    /** Status filter values, in the order the filter lists them ("damaged" is not a RunStatus). */
    public static final List<String> STATUSES = List.of("finished", "cancelled", "diverged", "failed", "interrupted", "running", "damaged");

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private RunLabels() { }

    /** "finished", "interrupted", … or "damaged" for a folder that could not be read. */
    public static String status(SavedRun run) {
        if (run.isDamaged()) return "damaged";
        return run.status() == null ? "unknown" : run.status().name().toLowerCase(Locale.ROOT);
    }

    /** A coloured pill with the status word; its tooltip says what the status means here. */
    public static Label badge(SavedRun run) {
        Label badge = new Label();
        styleBadge(badge, run);
        return badge;
    }

    public static void styleBadge(Label badge, SavedRun run) {
        String status = status(run);
        badge.setText(status);
        badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        if (!badge.getStyleClass().contains("status-badge")) badge.getStyleClass().add("status-badge");
        badge.getStyleClass().add("badge-" + status);
        badge.setTooltip(new Tooltip(meaning(run)));
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    static String meaning(SavedRun run) {
        if (run.isDamaged()) return "The folder is damaged: " + run.damage();
        RunStatus s = run.status();
        if (s == null) return "Unknown status";
        return switch (s) {
            case FINISHED -> "The run completed: " + orEmpty(run.message());
            case CANCELLED -> "Cancelled by the user; everything up to then was saved.";
            case DIVERGED -> "Stopped because the loss became NaN or infinite: " + orEmpty(run.message());
            case FAILED -> "The run failed: " + orEmpty(run.message());
            case INTERRUPTED -> "The process ended while the run was going (killed or crashed); every finished epoch was saved.";
            case RUNNING -> "Still running.";
            case QUEUED -> "Waiting to start.";
        };
    }

    public static String started(Instant t) {
        return t == null ? "—" : STARTED.format(t.atZone(ZoneId.systemDefault()));
    }

    public static String duration(SavedRun run) {
        Duration d = run.duration();
        if (d == null) return run.status() == RunStatus.RUNNING ? "running" : "—";
        return RunEngine.formatSeconds(d.toMillis() / 1000.0);
    }

    /** The run's name without its experiment prefix ("padding-20261122-181900" → "20261122-181900"), for legends. */
    public static String shortName(SavedRun run) {
        String n = run.name();
        String prefix = run.experimentId() == null ? null : run.experimentId() + "-";
        return prefix != null && n.startsWith(prefix) && n.length() > prefix.length() ? n.substring(prefix.length()) : n;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
