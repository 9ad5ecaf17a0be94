package nnlab.history;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.stage.DirectoryChooser;
import nnlab.app.Dialogs;
import nnlab.kernel.report.RunReport;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.store.ExportFiles;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.RunsCsv;
import nnlab.kernel.store.SavedRun;

/**
 * What History writes out of saved runs: a run's report (report.html in its folder, then opened
 * in the browser) and the CSV files of many runs ({@link RunsCsv}). Files are written off the
 * JavaFX thread and atomically; a file that exists is replaced only after asking.
 */
final class RunExports {
    private final HistoryPanel panel;
    private final RunHistory history;
    private final Map<String, Experiment> experiments;
    private File lastFolder;

    RunExports(HistoryPanel panel, RunHistory history, Map<String, Experiment> experiments) {
        this.panel = panel;
        this.history = history;
        this.experiments = experiments;
    }

    /** Writes the run's report (asking first when it has one) and opens it in the browser. */
    void report(SavedRun run) {
        Path existing = run.folder().resolve(RunReport.FILE_NAME);
        if (Files.exists(existing)) {
            Dialogs.confirm(panel.window(), "Replace the report of " + run.name() + "?",
                    RunReport.FILE_NAME + " already exists in " + run.folder() + ".\nA new one is written from the run's files as they are now.",
                    "Replace", () -> reportNow(run));
        } else {
            reportNow(run);
        }
    }

    /**
     * Writes report.html into the run's folder without asking, then opens it; where no browser
     * opens, its path goes to the clipboard and a note. Completes with the file, or exceptionally.
     */
    CompletableFuture<Path> reportNow(SavedRun run) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        HistoryIo.inBackground(() -> RunReport.write(run.folder(), experiments.get(run.experimentId()),
                List.of(run.folder()), true).get(0), (file, error) -> {
            if (error != null) {
                Dialogs.error(panel.window(), "No report", "Could not write the report of " + run.name() + ": " + HistoryIo.describe(error));
                done.completeExceptionally(error);
                return;
            }
            HistoryIo.inBackground(() -> FileManager.open(file), (opened, openError) -> {
                if (openError != null || !Boolean.TRUE.equals(opened)) {
                    FileManager.copyToClipboard(file.toString());
                    panel.showNote("Report written; no browser could be opened here, so its path is on the clipboard: " + file, false);
                    Dialogs.info(panel.window(), "Report written", "No browser could be opened here. The report's path is on the clipboard:\n\n" + file);
                } else {
                    panel.showNote("Report written and opened: " + file, false);
                }
                done.complete(file);
            });
        });
        return done;
    }

    /** Asks for a folder, then writes the runs' summaries and metrics as two CSV files there (asking before replacing). */
    void exportCsv(List<SavedRun> runs) {
        if (runs.isEmpty()) {
            panel.showNote("Select the runs to export, or filter by experiment to export all of its runs.", true);
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the CSV files of " + (runs.size() == 1 ? "1 run" : runs.size() + " runs"));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File chosen = chooser.showDialog(panel.window());
        if (chosen == null) return;
        lastFolder = chosen;
        Path folder = chosen.toPath();
        String stem = RunsCsv.stem(runs);
        List<String> existing = java.util.stream.Stream.of(stem + "-summaries.csv", stem + "-metrics.csv")
                .filter(n -> Files.exists(folder.resolve(n))).toList();
        if (existing.isEmpty()) {
            exportCsvNow(runs, folder, false);
        } else {
            Dialogs.confirm(panel.window(), "Replace " + String.join(" and ", existing) + "?",
                    "The folder " + folder + " already has " + String.join(" and ", existing) + ".", "Replace",
                    () -> exportCsvNow(runs, folder, true));
        }
    }

    /** Writes the two CSV files without asking; a note says what was written. Completes with it, or exceptionally. */
    CompletableFuture<RunsCsv.Written> exportCsvNow(List<SavedRun> runs, Path folder, boolean replace) {
        CompletableFuture<RunsCsv.Written> done = new CompletableFuture<>();
        List<SavedRun> chosen = List.copyOf(runs);
        HistoryIo.inBackground(() -> RunsCsv.write(history, chosen, folder, RunsCsv.stem(chosen), replace), (written, error) -> {
            if (error != null) {
                String why = error instanceof ExportFiles.AlreadyThere ? error.getMessage() : HistoryIo.describe(error);
                Dialogs.error(panel.window(), "Not exported", why);
                done.completeExceptionally(error);
                return;
            }
            RunsCsv.Tables t = written.tables();
            String left = t.leftOut().isEmpty() ? "" : " Left out: " + String.join("; ", t.leftOut()) + ".";
            panel.showNote("Exported " + chosen.size() + (chosen.size() == 1 ? " run" : " runs") + ": " + written.summaries().getFileName()
                    + " (" + t.summaryRows() + " rows) and " + written.metrics().getFileName() + " (" + t.metricRows() + " rows) in "
                    + folder + "." + left, !t.leftOut().isEmpty());
            done.complete(written);
        });
        return done;
    }
}
