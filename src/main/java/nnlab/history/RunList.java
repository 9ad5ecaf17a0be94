package nnlab.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.app.PanelHeading;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.SavedRun;

/**
 * The History list page: the saved runs in a table, newest first, filtered by experiment and
 * status, with the actions for the selected runs in a toolbar, a context menu and keys (Enter,
 * Delete, F2), and a note line for what came of the last action.
 */
final class RunList {
    private static final String ALL_EXPERIMENTS = "All experiments";
    private static final String ALL_STATUSES = "All statuses";

    private final HistoryPanel panel;
    private final RunActions actions;
    private final RunHistory history;
    private final Map<String, Experiment> experiments;

    private final VBox page = new VBox();
    private final TableView<SavedRun> table = new TableView<>();
    private final ObservableList<SavedRun> all = FXCollections.observableArrayList();
    private final FilteredList<SavedRun> filtered = new FilteredList<>(all, r -> true);
    private final ComboBox<String> experimentFilter = new ComboBox<>();
    private final ComboBox<String> statusFilter = new ComboBox<>();
    /** Maps an experiment filter entry back to its id. */
    private final Map<String, String> filterIds = new LinkedHashMap<>();
    private final Label count = new Label();
    private final Label note = new Label();
    private final Label placeholder = new Label("Loading the saved runs…");
    private final Button open = HistoryControls.actionButton("Open", "history-open", "Show the selected run as it was (Enter or double-click)", false);
    private final Button compare = HistoryControls.actionButton("Compare", "history-compare",
            "Compare the selected runs of one experiment: settings that differ, tables, curves overlaid", false);
    private final Button rerun = HistoryControls.actionButton("Re-run", "history-rerun", "Start the selected run's experiment again with the same settings", false);
    private final Button rename = HistoryControls.actionButton("Rename…", "history-rename", "Give the selected run a name (F2)", false);
    private final Button reveal = HistoryControls.actionButton("Show folder", "history-reveal", "Open the selected run's folder in the file manager", false);
    private final Button report = HistoryControls.actionButton("Report", "history-report",
            "Write the selected run's report (one HTML file: figures, tables, settings, the command that repeats it) and open it", false);
    private final MenuButton export = new MenuButton("Export CSV");
    private final Button delete = HistoryControls.actionButton("Delete…", "history-delete", "Delete the selected runs' folders (Delete key; asks first)", false);
    private long refreshGeneration;

    RunList(HistoryPanel panel, RunActions actions, RunHistory history, Map<String, Experiment> experiments) {
        this.panel = panel;
        this.actions = actions;
        this.history = history;
        this.experiments = experiments;
        VBox heading = PanelHeading.of("History", "Every run saved in " + history.store().root()
                + ", from this app and the command line. Open a run to see it as it was; select several runs of one experiment to compare them.");
        Button refreshButton = HistoryControls.actionButton("Refresh", "history-refresh", "Read the runs folder again (F5)", true);
        refreshButton.setOnAction(e -> refresh());
        HBox header = new HBox(16, heading, refreshButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().addAll("experiment-header", "history-header");

        buildTable();
        note.getStyleClass().add("history-note");
        note.setId("history-note");
        note.setWrapText(true);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());

        VBox body = new VBox(10, toolbar(), note, table);
        body.getStyleClass().add("history-body");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        page.getChildren().setAll(header, body);
        page.getStyleClass().add("history-list-page");

        open.setOnAction(e -> openSelected());
        compare.setOnAction(e -> compareSelected());
        rerun.setOnAction(e -> withSingle(r -> actions.useSettings(r, null, true)));
        rename.setOnAction(e -> withSingle(actions::rename));
        reveal.setOnAction(e -> withSingle(actions::reveal));
        report.setOnAction(e -> withSingle(r -> actions.exports().report(r)));
        delete.setOnAction(e -> deleteSelected());
        buildExportMenu();
    }

    /** Summaries and metrics of the selected runs, or of every run of one experiment, as two CSV files. */
    private void buildExportMenu() {
        export.setId("history-export");
        export.getStyleClass().add("history-action");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.setTooltip(new Tooltip("Write the runs' summaries (a row per run and variant) and metrics as two tidy CSV files"));
        MenuItem selected = new MenuItem("Selected runs…");
        selected.setOnAction(e -> actions.exports().exportCsv(List.copyOf(table.getSelectionModel().getSelectedItems())));
        MenuItem ofExperiment = new MenuItem();
        ofExperiment.setOnAction(e -> actions.exports().exportCsv(runsOf(exportExperiment())));
        export.setOnShowing(e -> {
            int n = table.getSelectionModel().getSelectedItems().size();
            selected.setText(n == 1 ? "The selected run…" : "The " + n + " selected runs…");
            selected.setDisable(n == 0);
            String id = exportExperiment();
            ofExperiment.setText(id == null ? "All runs of one experiment (filter or select one)" : "All runs of " + panel.experimentTitle(id) + " (" + runsOf(id).size() + ")…");
            ofExperiment.setDisable(id == null);
        });
        export.getItems().setAll(selected, ofExperiment);
    }

    /** The experiment the filter shows, else the one every selected run is of, else null. */
    private String exportExperiment() {
        String label = experimentFilter.getValue();
        if (label != null && !label.equals(ALL_EXPERIMENTS)) return filterIds.get(label);
        Set<String> ids = new HashSet<>();
        for (SavedRun r : table.getSelectionModel().getSelectedItems()) ids.add(r.experimentId());
        return ids.size() == 1 ? ids.iterator().next() : null;
    }

    /** Every listed run of the experiment, whatever the status filter shows. */
    List<SavedRun> runsOf(String experimentId) {
        return all.stream().filter(r -> experimentId != null && experimentId.equals(r.experimentId())).toList();
    }

    /** Filters, then the actions; below ~1400 px the actions wrap to a second row instead of pushing the page wider than the window. */
    private FlowPane toolbar() {
        experimentFilter.setId("history-experiment-filter");
        experimentFilter.setTooltip(new Tooltip("Show the runs of one experiment"));
        experimentFilter.getItems().setAll(ALL_EXPERIMENTS);
        experimentFilter.setValue(ALL_EXPERIMENTS);
        // The filters keep their full text; the action buttons to their right give way first.
        experimentFilter.setMinWidth(Region.USE_PREF_SIZE);
        statusFilter.setId("history-status-filter");
        statusFilter.setTooltip(new Tooltip("Show the runs that ended this way"));
        statusFilter.getItems().add(ALL_STATUSES);
        for (String s : RunLabels.STATUSES) statusFilter.getItems().add(RunLabels.capitalise(s));
        statusFilter.setValue(ALL_STATUSES);
        statusFilter.setMinWidth(Region.USE_PREF_SIZE);
        experimentFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        statusFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        count.getStyleClass().add("history-count");
        count.setId("history-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        compare.getStyleClass().add("primary-button");
        delete.getStyleClass().add("danger-link");
        HBox filters = new HBox(8, experimentFilter, statusFilter, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, open, compare, rerun, report, export, rename, reveal, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        FlowPane toolbar = new FlowPane(24, 8, filters, actions);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("history-toolbar");
        return toolbar;
    }

    private void buildTable() {
        table.setId("history-table");
        table.getStyleClass().addAll("history-table", "results-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(RunColumns.all(panel::experimentTitle));

        SortedList<SavedRun> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SavedRun>) c -> updateButtons());
        table.setRowFactory(t -> {
            TableRow<SavedRun> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) panel.open(row.getItem());
            });
            row.setContextMenu(contextMenu());
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (table.getSelectionModel().getSelectedItems().size() > 1) compareSelected();
                else openSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.F2) {
                withSingle(actions::rename);
                e.consume();
            }
        });
        updateButtons();
    }

    private ContextMenu contextMenu() {
        MenuItem openItem = new MenuItem("Open");
        openItem.setOnAction(e -> openSelected());
        MenuItem compareItem = new MenuItem("Compare selected");
        compareItem.setOnAction(e -> compareSelected());
        MenuItem rerunItem = new MenuItem("Re-run with these settings");
        rerunItem.setOnAction(e -> rerun.fire());
        MenuItem useItem = new MenuItem("Use these settings");
        useItem.setOnAction(e -> withSingle(r -> actions.useSettings(r, null, false)));
        MenuItem renameItem = new MenuItem("Rename…");
        renameItem.setOnAction(e -> rename.fire());
        MenuItem reportItem = new MenuItem("Report");
        reportItem.setOnAction(e -> report.fire());
        MenuItem revealItem = new MenuItem("Show folder");
        revealItem.setOnAction(e -> reveal.fire());
        MenuItem deleteItem = new MenuItem("Delete…");
        deleteItem.setOnAction(e -> deleteSelected());
        ContextMenu menu = new ContextMenu(openItem, compareItem, new SeparatorMenuItem(), rerunItem, useItem,
                new SeparatorMenuItem(), reportItem, renameItem, revealItem, deleteItem);
        menu.setOnShowing(e -> {
            int n = table.getSelectionModel().getSelectedItems().size();
            openItem.setDisable(n != 1);
            compareItem.setDisable(n < 2);
            rerunItem.setDisable(rerun.isDisable());
            useItem.setDisable(rerun.isDisable());
            renameItem.setDisable(n != 1);
            revealItem.setDisable(n != 1);
            reportItem.setDisable(n != 1);
            deleteItem.setDisable(n == 0);
        });
        return menu;
    }

    // ------------------------------------------------------------------ the runs

    /** Re-reads the runs folder off the JavaFX thread; completes on the JavaFX thread with the runs listed. */
    CompletableFuture<List<SavedRun>> refresh() {
        long generation = ++refreshGeneration;
        if (all.isEmpty()) placeholder.setText("Loading the saved runs…");
        CompletableFuture<List<SavedRun>> done = new CompletableFuture<>();
        HistoryIo.inBackground(history::list, (list, error) -> {
            if (error != null) {
                if (generation == refreshGeneration) {
                    placeholder.setText("Could not read the runs folder " + history.store().root() + ": " + HistoryIo.describe(error));
                    showNote("Could not read the runs folder: " + HistoryIo.describe(error), true);
                }
                done.completeExceptionally(error);
                return;
            }
            if (generation == refreshGeneration) setRuns(list);
            done.complete(list);
        });
        return done;
    }

    /** Shows the runs, keeping the selection and the focused row where those runs are still listed. */
    private void setRuns(List<SavedRun> runs) {
        Set<Path> selected = new HashSet<>();
        for (SavedRun r : table.getSelectionModel().getSelectedItems()) selected.add(r.folder());
        SavedRun focused = table.getFocusModel().getFocusedItem();
        all.setAll(runs);
        updateExperimentFilter();
        placeholder.setText(runs.isEmpty()
                ? "No saved runs yet in " + history.store().root() + ".\nRuns you start in an experiment (or on the command line) appear here."
                : "No run matches the filters.");
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (selected.contains(table.getItems().get(i).folder())) table.getSelectionModel().select(i);
        }
        if (focused != null) {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).folder().equals(focused.folder())) table.getFocusModel().focus(i);
            }
        }
        updateCount();
        updateButtons();
    }

    // ------------------------------------------------------------------ filters

    /** The experiments the app knows, then any other experiment a saved run names. */
    private void updateExperimentFilter() {
        String current = experimentFilter.getValue();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Experiment e : experiments.values()) ids.put(e.title(), e.id());
        for (SavedRun r : all) {
            if (r.experimentId() != null && !experiments.containsKey(r.experimentId())) ids.put(r.experimentId(), r.experimentId());
        }
        filterIds.clear();
        filterIds.putAll(ids);
        List<String> items = new ArrayList<>();
        items.add(ALL_EXPERIMENTS);
        items.addAll(ids.keySet());
        if (!items.equals(experimentFilter.getItems())) {
            experimentFilter.getItems().setAll(items);
            experimentFilter.setValue(items.contains(current) ? current : ALL_EXPERIMENTS);
        }
    }

    private void applyFilter() {
        String exp = experimentFilter.getValue();
        String expId = exp == null || exp.equals(ALL_EXPERIMENTS) ? null : filterIds.get(exp);
        String st = statusFilter.getValue();
        String status = st == null || st.equals(ALL_STATUSES) ? null : st.toLowerCase(Locale.ROOT);
        filtered.setPredicate(r -> (expId == null || expId.equals(r.experimentId()))
                && (status == null || status.equals(RunLabels.status(r))));
        updateCount();
    }

    /** Filters by experiment id (null for all) and status word ("finished", "damaged", …; null for all). */
    void setFilters(String experimentId, String status) {
        String label = ALL_EXPERIMENTS;
        if (experimentId != null) {
            updateExperimentFilter();
            for (Map.Entry<String, String> e : filterIds.entrySet()) if (e.getValue().equals(experimentId)) label = e.getKey();
        }
        experimentFilter.setValue(label);
        statusFilter.setValue(status == null ? ALL_STATUSES : RunLabels.capitalise(status));
    }

    private void updateCount() {
        int shown = filtered.size();
        int total = all.size();
        count.setText(shown == total ? total + (total == 1 ? " run" : " runs") : shown + " of " + total + " runs");
    }

    // ------------------------------------------------------------------ selection

    private void updateButtons() {
        List<SavedRun> sel = table.getSelectionModel().getSelectedItems();
        int n = sel.size();
        SavedRun one = n == 1 ? sel.get(0) : null;
        open.setDisable(n != 1);
        compare.setDisable(n < 2);
        rerun.setDisable(one == null || one.isDamaged() || !experiments.containsKey(one.experimentId()));
        rename.setDisable(n != 1);
        reveal.setDisable(n != 1);
        report.setDisable(n != 1);
        delete.setDisable(n == 0);
    }

    /** Does the action with the selected run when exactly one is selected. */
    private void withSingle(Consumer<SavedRun> action) {
        List<SavedRun> sel = table.getSelectionModel().getSelectedItems();
        if (sel.size() == 1) action.accept(sel.get(0));
    }

    private void openSelected() {
        withSingle(panel::open);
    }

    private void compareSelected() {
        panel.compare(List.copyOf(table.getSelectionModel().getSelectedItems()));
    }

    private void deleteSelected() {
        List<SavedRun> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!sel.isEmpty()) actions.delete(sel);
    }

    void showNote(String text, boolean warning) {
        note.setText(text);
        note.getStyleClass().remove("history-note-warning");
        if (warning) note.getStyleClass().add("history-note-warning");
    }

    String noteText() { return note.getText(); }

    Node page() { return page; }

    TableView<SavedRun> table() { return table; }

    /** The runs the list shows now (filtered and sorted as on screen). */
    List<SavedRun> shownRuns() { return List.copyOf(table.getItems()); }
}
