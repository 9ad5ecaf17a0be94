package nnlab.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.TextInputDialog;
import nnlab.app.Dialogs;
import nnlab.app.SettingsFileActions;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.SavedRun;

/**
 * What can be done with saved runs, from the list or a run's page: use their settings or re-run
 * them, rename, delete and show their folder; reports and CSV exports go through {@link #exports()}. Folders are written off the JavaFX thread; the
 * panel's list and pages follow afterwards.
 */
final class RunActions {
    private final HistoryPanel panel;
    private final RunHistory history;
    private final RunEngine engine;
    private final Map<String, Experiment> experiments;
    private final SettingsTarget target;
    private final RunExports exports;

    /** @param engine may be null (then no run counts as still running) */
    RunActions(HistoryPanel panel, RunHistory history, RunEngine engine, Map<String, Experiment> experiments, SettingsTarget target) {
        this.panel = panel;
        this.history = history;
        this.engine = engine;
        this.experiments = experiments;
        this.target = target;
        this.exports = new RunExports(panel, history, experiments);
    }

    /** Reports and CSV exports of saved runs. */
    RunExports exports() {
        return exports;
    }

    /**
     * Sends the run's settings to its experiment's panel, starting a run when start is true. The
     * settings are read (off the JavaFX thread) when not given. Settings the experiment no longer
     * accepts are listed in a dialog instead.
     */
    void useSettings(SavedRun run, Map<String, Object> settings, boolean start) {
        Experiment experiment = experiments.get(run.experimentId());
        if (experiment == null) {
            Dialogs.error(panel.window(), "Cannot use these settings", "This app has no experiment '" + run.experimentId() + "'.");
            return;
        }
        if (settings == null) {
            HistoryIo.inBackground(() -> history.settings(run), (read, error) -> {
                if (error != null) {
                    Dialogs.error(panel.window(), "Cannot use these settings", "The settings of " + run.name() + " could not be read: "
                            + HistoryIo.describe(error));
                } else {
                    useSettings(run, read, start);
                }
            });
            return;
        }
        Config config;
        try {
            config = experiment.schema().fromValues(settings);
        } catch (ConfigException e) {
            Dialogs.problems(panel.window(), "The settings of " + run.name() + " do not fit " + experiment.title() + " any more",
                    "The experiment's settings have changed since this run. Nothing was changed in its form.",
                    SettingsFileActions.problems(e));
            return;
        }
        String refused = target == null ? "No experiment panel to send the settings to." : target.apply(experiment, config, start);
        if (refused != null) Dialogs.error(panel.window(), start ? "Not re-run" : "Settings not used", refused);
    }

    /** Asks for a new display name (the folder keeps its name). */
    void rename(SavedRun run) {
        TextInputDialog dialog = new TextInputDialog(run.name());
        dialog.setTitle("Rename run");
        dialog.setHeaderText("A name for " + run.folder().getFileName());
        dialog.setContentText("Name:");
        dialog.getDialogPane().getStylesheets().add(RunActions.class.getResource("/nnlab/nnlab.css").toExternalForm());
        if (panel.window() != null) dialog.initOwner(panel.window());
        dialog.setOnHidden(e -> {
            String name = dialog.getResult();
            // A blank name gives the run back its folder name.
            if (name != null && !name.trim().equals(run.name())) rename(run, name.trim());
        });
        dialog.show();
    }

    /** Renames off the JavaFX thread, then refreshes; completes with the renamed run. */
    CompletableFuture<SavedRun> rename(SavedRun run, String name) {
        CompletableFuture<SavedRun> done = new CompletableFuture<>();
        HistoryIo.inBackground(() -> history.rename(run, name), (renamed, error) -> {
            if (error != null) {
                Dialogs.error(panel.window(), "Not renamed", "Could not rename " + run.name() + ": " + HistoryIo.describe(error));
                done.completeExceptionally(error);
                return;
            }
            panel.showRenamed(renamed);
            panel.refresh().whenComplete((l, e) -> done.complete(renamed));
        });
        return done;
    }

    /** Asks, then deletes the runs' folders. Runs this app is still running are refused. */
    void delete(List<SavedRun> runs) {
        for (SavedRun r : runs) {
            if (isLive(r)) {
                Dialogs.error(panel.window(), "Not deleted", r.name() + " is still running. Cancel it first, then delete it.");
                return;
            }
        }
        String what = runs.size() == 1 ? runs.get(0).name() : runs.size() + " runs";
        StringBuilder message = new StringBuilder("This deletes ");
        message.append(runs.size() == 1 ? "the folder " + runs.get(0).folder() : "these folders:");
        if (runs.size() > 1) {
            for (int i = 0; i < Math.min(8, runs.size()); i++) message.append("\n  ").append(runs.get(i).folder().getFileName());
            if (runs.size() > 8) message.append("\n  … and ").append(runs.size() - 8).append(" more");
        }
        message.append("\nwith everything in it. It cannot be undone.");
        Dialogs.confirm(panel.window(), "Delete " + what + "?", message.toString(), "Delete", () -> deleteNow(runs));
    }

    /** Deletes without asking (the confirmed part of {@link #delete}); completes when the list is refreshed. */
    CompletableFuture<Void> deleteNow(List<SavedRun> runs) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        HistoryIo.inBackground(() -> {
            List<String> failures = new ArrayList<>();
            for (SavedRun r : runs) {
                try {
                    history.delete(r);
                } catch (IOException | RuntimeException e) {
                    failures.add(r.name() + ": " + HistoryIo.describe(e));
                }
            }
            return failures;
        }, (failures, error) -> {
            Set<Path> gone = new HashSet<>();
            for (SavedRun r : runs) gone.add(r.folder());
            panel.leavePagesOf(gone);
            List<String> problems = error != null ? List.of(HistoryIo.describe(error)) : failures;
            if (!problems.isEmpty()) {
                Dialogs.error(panel.window(), "Not everything was deleted", String.join("\n", problems));
            } else {
                panel.showNote(runs.size() == 1 ? "Deleted " + runs.get(0).name() + "." : "Deleted " + runs.size() + " runs.", false);
            }
            panel.refresh().whenComplete((l, e) -> done.complete(null));
        });
        return done;
    }

    private boolean isLive(SavedRun r) {
        if (engine == null) return false;
        for (Run run : engine.runs()) {
            if (!run.status().isFinal() && run.folder() != null && run.folder().toAbsolutePath().equals(r.folder().toAbsolutePath())) return true;
        }
        return false;
    }

    /**
     * Opens the folder in the file manager, off the JavaFX thread. Where none opens, the path goes
     * to the clipboard and a note says so.
     */
    CompletableFuture<Boolean> reveal(SavedRun run) {
        Path folder = run.folder();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        HistoryIo.inBackground(() -> FileManager.open(folder), (ok, error) -> {
            boolean opened = error == null && Boolean.TRUE.equals(ok);
            if (!opened) {
                FileManager.copyToClipboard(folder.toString());
                panel.showNote("No file manager could be opened here; the folder's path is on the clipboard: " + folder, false);
                Dialogs.info(panel.window(), "Folder path copied", "No file manager could be opened here. The folder's path is on the clipboard:\n\n" + folder);
            }
            done.complete(opened);
        });
        return done;
    }
}
