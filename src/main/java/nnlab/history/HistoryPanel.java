package nnlab.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.SavedRun;

/**
 * The History page: every run saved in the run store (from the app or the command line), newest
 * first, filterable by experiment and status ({@link RunList}). Open a run to see it as it was
 * ({@link RunDetailView}), select several runs of one experiment to compare them
 * ({@link CompareView}), re-run one with the same settings, rename, delete or show its folder
 * ({@link RunActions}), write its report or export runs as CSV ({@link RunExports}). Folders are
 * read off the JavaFX thread; the list refreshes by itself when a run of this app ends.
 */
public final class HistoryPanel {
    private final RunHistory history;
    private final Map<String, Experiment> experiments = new LinkedHashMap<>();
    private final RunActions actions;
    private final RunList list;

    private final BorderPane root = new BorderPane();
    /** Shows one page at a time: the list, a run's page or a comparison. */
    private final StackPane pages = new StackPane();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private RunDetailView detail;
    private CompareView comparison;

    /**
     * @param engine      the app's engine: its runs' status changes refresh the list, and a run it
     *                    still runs is never deleted; may be null
     * @param experiments the experiments the app knows (titles, settings labels, re-runs)
     * @param target      where re-runs and "use settings" go
     */
    public HistoryPanel(RunHistory history, RunEngine engine, List<Experiment> experiments, SettingsTarget target) {
        this.history = history;
        for (Experiment e : experiments) this.experiments.put(e.id(), e);
        actions = new RunActions(this, history, engine, this.experiments, target);
        list = new RunList(this, actions, history, this.experiments);
        pages.getChildren().setAll(list.page());
        pages.getStyleClass().add("history-pages");
        root.setCenter(pages);
        root.getStyleClass().add("history-panel");
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                refresh();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !isListShown()) {
                showList();
                e.consume();
            }
        });
        if (engine != null) {
            engine.addEngineListener(run -> {
                RunStatus s = run.status();
                if (s == RunStatus.RUNNING || s.isFinal()) scheduleRefresh();
            });
        }
    }

    public Node view() { return root; }

    // ------------------------------------------------------------------ the list

    /** Re-reads the runs folder off the JavaFX thread; completes on the JavaFX thread with the runs listed. */
    public CompletableFuture<List<SavedRun>> refresh() {
        return list.refresh();
    }

    /** Engine listeners fire on worker threads, often in bursts; one pending refresh is enough. */
    private void scheduleRefresh() {
        if (refreshPending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                refreshPending.set(false);
                refresh();
            });
        }
    }

    /** Filters by experiment id (null for all) and status word ("finished", "damaged", …; null for all). */
    public void setFilters(String experimentId, String status) { list.setFilters(experimentId, status); }

    /** The runs the list shows now (filtered and sorted as on screen). */
    public List<SavedRun> shownRuns() { return list.shownRuns(); }

    public TableView<SavedRun> table() { return list.table(); }

    public String noteText() { return list.noteText(); }

    void showNote(String text, boolean warning) { list.showNote(text, warning); }

    // ------------------------------------------------------------------ pages

    public boolean isListShown() { return pages.getChildren().contains(list.page()); }

    /** The run page shown now, or null. */
    public RunDetailView detailView() { return detail != null && pages.getChildren().contains(detail.view()) ? detail : null; }

    /** The comparison shown now, or null. */
    public CompareView compareView() {
        return comparison != null && pages.getChildren().contains(comparison.view()) ? comparison : null;
    }

    public void showList() {
        pages.getChildren().setAll(list.page());
        list.table().requestFocus();
    }

    /** Reads the run's folder off the JavaFX thread and shows its page; completes with the page. */
    public CompletableFuture<RunDetailView> open(SavedRun run) {
        showNote("", false);
        CompletableFuture<RunDetailView> done = new CompletableFuture<>();
        HistoryIo.inBackground(() -> RunDetails.load(history, run), (details, error) -> {
            if (error != null) {
                showNote("Could not open " + run.name() + ": " + HistoryIo.describe(error), true);
                done.completeExceptionally(error);
                return;
            }
            detail = new RunDetailView(actions, this::showList, details, experiments.get(run.experimentId()));
            showPage(detail.view());
            done.complete(detail);
        });
        return done;
    }

    /**
     * Compares runs of one experiment. Refuses (with a note, completing with null) fewer than two
     * runs or runs of different experiments.
     */
    public CompletableFuture<CompareView> compare(List<SavedRun> runs) {
        if (runs.size() < 2) {
            showNote("Select two or more runs of one experiment to compare them (Ctrl-click or Shift-click).", true);
            return CompletableFuture.completedFuture(null);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (SavedRun r : runs) ids.add(String.valueOf(r.experimentId()));
        if (ids.size() > 1) {
            List<String> titles = new ArrayList<>();
            for (String id : ids) titles.add(experimentTitle(id.equals("null") ? null : id));
            showNote("Only runs of the same experiment can be compared; the selection mixes " + joinAnd(titles)
                    + ". Filter by experiment to select runs of one.", true);
            return CompletableFuture.completedFuture(null);
        }
        showNote("", false);
        CompletableFuture<CompareView> done = new CompletableFuture<>();
        HistoryIo.inBackground(() -> {
            List<RunDetails> loaded = new ArrayList<>();
            for (SavedRun r : runs) loaded.add(RunDetails.load(history, r));
            return loaded;
        }, (loaded, error) -> {
            if (error != null) {
                showNote("Could not compare: " + HistoryIo.describe(error), true);
                done.completeExceptionally(error);
                return;
            }
            comparison = new CompareView(this::showList, loaded, experiments.get(runs.get(0).experimentId()));
            showPage(comparison.view());
            done.complete(comparison);
        });
        return done;
    }

    private void showPage(Node page) {
        pages.getChildren().setAll(page);
        page.requestFocus();
    }

    /** After a rename: the run's page, if it was the last one opened, takes the new name. */
    void showRenamed(SavedRun renamed) {
        if (detail != null && detail.run().folder().equals(renamed.folder())) detail.showRun(renamed);
    }

    /** After a delete: a page showing a deleted run goes back to the list. */
    void leavePagesOf(Set<Path> deleted) {
        if (detailView() != null && deleted.contains(detail.run().folder())) showList();
        if (compareView() != null) {
            for (RunDetails d : comparison.runs()) if (deleted.contains(d.run().folder())) showList();
        }
    }

    // ------------------------------------------------------------------ actions

    /**
     * Sends the run's settings to its experiment's panel, starting a run when start is true. The
     * settings are read (off the JavaFX thread) when not given. Settings the experiment no longer
     * accepts are listed in a dialog instead.
     */
    public void useSettings(SavedRun run, Map<String, Object> settings, boolean start) { actions.useSettings(run, settings, start); }

    /** Asks for a new display name (the folder keeps its name). */
    public void rename(SavedRun run) { actions.rename(run); }

    /** Renames off the JavaFX thread, then refreshes; completes with the renamed run. */
    public CompletableFuture<SavedRun> rename(SavedRun run, String name) { return actions.rename(run, name); }

    /** Asks, then deletes the runs' folders. Runs this app is still running are refused. */
    public void delete(List<SavedRun> runs) { actions.delete(runs); }

    /** Deletes without asking; completes when the list is refreshed. */
    public CompletableFuture<Void> deleteNow(List<SavedRun> runs) { return actions.deleteNow(runs); }

    /** Opens the folder in the file manager; where none opens, puts its path on the clipboard. */
    public CompletableFuture<Boolean> reveal(SavedRun run) { return actions.reveal(run); }

    /** Writes the run's report.html without asking and opens it (or puts its path on the clipboard); completes with the file. */
    public CompletableFuture<Path> reportNow(SavedRun run) { return actions.exports().reportNow(run); }

    /** Writes the runs' summaries and metrics CSV files into the folder without asking; completes with what was written. */
    public CompletableFuture<nnlab.kernel.store.RunsCsv.Written> exportCsvNow(List<SavedRun> runs, Path folder, boolean replace) {
        return actions.exports().exportCsvNow(runs, folder, replace);
    }

    /**
     * For screenshots and demos (-Dnnlab.history): "list", "open" (the newest run), "open:NAME",
     * "compare" (the two newest runs of the newest run's experiment) or "compare:NAME,NAME".
     */
    public void showOnStart(String spec) {
        refresh().thenAccept(runs -> {
            String[] parts = spec.split(":", 2);
            String arg = parts.length > 1 ? parts[1] : "";
            if (parts[0].equals("open")) {
                runs.stream().filter(r -> arg.isEmpty() || r.name().equals(arg) || r.folder().getFileName().toString().equals(arg))
                        .findFirst().ifPresent(this::open);
            } else if (parts[0].equals("compare")) {
                List<SavedRun> chosen = new ArrayList<>();
                if (arg.isEmpty()) {
                    SavedRun newest = runs.stream().filter(r -> !r.isDamaged()).findFirst().orElse(null);
                    if (newest != null) {
                        runs.stream().filter(r -> !r.isDamaged() && Objects.equals(r.experimentId(), newest.experimentId()))
                                .limit(2).forEach(chosen::add);
                    }
                } else {
                    for (String name : arg.split(",")) {
                        runs.stream().filter(r -> r.name().equals(name) || r.folder().getFileName().toString().equals(name))
                                .findFirst().ifPresent(chosen::add);
                    }
                }
                for (SavedRun r : chosen) list.table().getSelectionModel().select(r);
                compare(chosen);
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    String experimentTitle(String id) {
        Experiment e = id == null ? null : experiments.get(id);
        return e != null ? e.title() : id == null ? "unknown" : id;
    }

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static String joinAnd(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
