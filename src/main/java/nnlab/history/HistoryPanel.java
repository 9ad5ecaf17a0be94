package nnlab.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import nnlab.app.Dialogs;
import nnlab.app.SettingsFileActions;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.SavedRun;

/**
 * The History page: every run saved in the run store (from the app or the command line), newest
 * first, filterable by experiment and status. Open a run to see it as it was ({@link RunDetailView}),
 * select several runs of one experiment to compare them ({@link CompareView}), re-run one with the
 * same settings, rename, delete or show its folder. Folders are read off the JavaFX thread; the
 * list refreshes by itself when a run of this app ends.
 */
public final class HistoryPanel {
    /** One thread for every history read and write: folders are small, and order is kept. */
    static final ExecutorService IO = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-history");
        t.setDaemon(true);
        return t;
    });
    private static final String ALL_EXPERIMENTS = "All experiments";
    private static final String ALL_STATUSES = "All statuses";

    private final RunHistory history;
    private final RunEngine engine;
    private final Map<String, Experiment> experiments = new LinkedHashMap<>();
    private final SettingsTarget target;

    private final BorderPane root = new BorderPane();
    private final StackPane pages = new StackPane();
    private final VBox listPage = new VBox();
    private final TableView<SavedRun> table = new TableView<>();
    private final ObservableList<SavedRun> all = FXCollections.observableArrayList();
    private final FilteredList<SavedRun> filtered = new FilteredList<>(all, r -> true);
    private final ComboBox<String> experimentFilter = new ComboBox<>();
    private final ComboBox<String> statusFilter = new ComboBox<>();
    private final Label count = new Label();
    private final Label note = new Label();
    private final Label placeholder = new Label("Loading the saved runs…");
    private final Button open = actionButton("Open", "history-open", "Show the selected run as it was (Enter or double-click)", false);
    private final Button compare = actionButton("Compare", "history-compare",
            "Compare the selected runs of one experiment: settings that differ, tables, curves overlaid", false);
    private final Button rerun = actionButton("Re-run", "history-rerun", "Start the selected run's experiment again with the same settings", false);
    private final Button rename = actionButton("Rename…", "history-rename", "Give the selected run a name (F2)", false);
    private final Button reveal = actionButton("Show folder", "history-reveal", "Open the selected run's folder in the file manager", false);
    private final Button delete = actionButton("Delete…", "history-delete", "Delete the selected runs' folders (Delete key; asks first)", false);
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    /** Maps an experiment filter entry back to its id. */
    private final Map<String, String> filterIds = new LinkedHashMap<>();
    private long refreshGeneration;
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
        this.engine = engine;
        this.target = target;
        for (Experiment e : experiments) this.experiments.put(e.id(), e);
        buildListPage();
        pages.getChildren().setAll(listPage);
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

    // ------------------------------------------------------------------ layout

    private void buildListPage() {
        VBox heading = nnlab.app.PanelHeading.of("History", "Every run saved in " + history.store().root()
                + ", from this app and the command line. Open a run to see it as it was; select several runs of one experiment to compare them.");
        Button refreshButton = actionButton("Refresh", "history-refresh", "Read the runs folder again (F5)", true);
        refreshButton.setOnAction(e -> refresh());
        HBox header = new HBox(16, heading, refreshButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().addAll("experiment-header", "history-header");

        experimentFilter.setId("history-experiment-filter");
        experimentFilter.setTooltip(new Tooltip("Show the runs of one experiment"));
        experimentFilter.getItems().setAll(ALL_EXPERIMENTS);
        experimentFilter.setValue(ALL_EXPERIMENTS);
        statusFilter.setId("history-status-filter");
        statusFilter.setTooltip(new Tooltip("Show the runs that ended this way"));
        statusFilter.getItems().add(ALL_STATUSES);
        for (String s : RunLabels.STATUSES) statusFilter.getItems().add(capitalise(s));
        statusFilter.setValue(ALL_STATUSES);
        experimentFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        statusFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        count.getStyleClass().add("history-count");
        count.setId("history-count");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        compare.getStyleClass().add("primary-button");
        delete.getStyleClass().add("danger-link");
        HBox toolbar = new HBox(8, experimentFilter, statusFilter, count, spacer, open, compare, rerun, rename, reveal, delete);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("history-toolbar");

        buildTable();
        note.getStyleClass().add("history-note");
        note.setId("history-note");
        note.setWrapText(true);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());

        VBox body = new VBox(10, toolbar, note, table);
        body.getStyleClass().add("history-body");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        listPage.getChildren().setAll(header, body);
        listPage.getStyleClass().add("history-list-page");

        open.setOnAction(e -> openSelected());
        compare.setOnAction(e -> compareSelected());
        rerun.setOnAction(e -> {
            SavedRun r = single();
            if (r != null) useSettings(r, null, true);
        });
        rename.setOnAction(e -> {
            SavedRun r = single();
            if (r != null) rename(r);
        });
        reveal.setOnAction(e -> {
            SavedRun r = single();
            if (r != null) reveal(r);
        });
        delete.setOnAction(e -> deleteSelected());
    }

    private void buildTable() {
        table.setId("history-table");
        table.getStyleClass().addAll("history-table", "results-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);

        TableColumn<SavedRun, String> name = new TableColumn<>("Run");
        name.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().name()));
        name.setPrefWidth(232);
        name.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                SavedRun r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(r == null ? null : new Tooltip(r.folder().toString()));
                getStyleClass().remove("run-name-cell");
                if (!empty) getStyleClass().add("run-name-cell");
            }
        });
        TableColumn<SavedRun, String> experiment = new TableColumn<>("Experiment");
        experiment.setCellValueFactory(cd -> new ReadOnlyStringWrapper(experimentTitle(cd.getValue().experimentId())));
        experiment.setPrefWidth(160);
        TableColumn<SavedRun, Instant> started = new TableColumn<>("Started");
        started.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().started()));
        started.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        started.setPrefWidth(168);
        started.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : RunLabels.started(item));
            }
        });
        TableColumn<SavedRun, SavedRun> status = new TableColumn<>("Status");
        status.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        status.setComparator(Comparator.comparing(RunLabels::status));
        status.setPrefWidth(105);
        status.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            @Override protected void updateItem(SavedRun item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    RunLabels.styleBadge(badge, item);
                    setGraphic(badge);
                }
            }
        });
        TableColumn<SavedRun, SavedRun> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        duration.setComparator(Comparator.comparing((SavedRun r) -> r.duration(), Comparator.nullsFirst(Comparator.naturalOrder())));
        duration.setPrefWidth(88);
        duration.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(SavedRun item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : RunLabels.duration(item));
            }
        });
        TableColumn<SavedRun, SavedRun> result = new TableColumn<>("Result");
        result.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        result.setSortable(false);
        result.setPrefWidth(300);
        result.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(SavedRun item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("damage-cell");
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String text = item.isDamaged() ? item.damage() : headline(item);
                setText(text);
                setTooltip(text.isEmpty() ? null : new Tooltip(text));
                if (item.isDamaged()) getStyleClass().add("damage-cell");
            }
        });
        table.getColumns().setAll(List.of(name, experiment, started, status, duration, result));

        SortedList<SavedRun> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<SavedRun>) c -> updateButtons());
        table.setRowFactory(t -> {
            TableRow<SavedRun> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) open(row.getItem());
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
                SavedRun r = single();
                if (r != null) rename(r);
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
        useItem.setOnAction(e -> {
            SavedRun r = single();
            if (r != null) useSettings(r, null, false);
        });
        MenuItem renameItem = new MenuItem("Rename…");
        renameItem.setOnAction(e -> rename.fire());
        MenuItem revealItem = new MenuItem("Show folder");
        revealItem.setOnAction(e -> reveal.fire());
        MenuItem deleteItem = new MenuItem("Delete…");
        deleteItem.setOnAction(e -> deleteSelected());
        ContextMenu menu = new ContextMenu(openItem, compareItem, new SeparatorMenuItem(), rerunItem, useItem,
                new SeparatorMenuItem(), renameItem, revealItem, deleteItem);
        menu.setOnShowing(e -> {
            int n = table.getSelectionModel().getSelectedItems().size();
            openItem.setDisable(n != 1);
            compareItem.setDisable(n < 2);
            rerunItem.setDisable(rerun.isDisable());
            useItem.setDisable(rerun.isDisable());
            renameItem.setDisable(n != 1);
            revealItem.setDisable(n != 1);
            deleteItem.setDisable(n == 0);
        });
        return menu;
    }

    static Button actionButton(String text, String id, String tip, boolean enabled) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("history-action");
        b.setTooltip(new Tooltip(tip));
        b.setDisable(!enabled);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    static Button backButton(HistoryPanel owner) {
        Button back = new Button("‹ All runs");
        back.setId("history-back");
        back.getStyleClass().add("back-button");
        back.setTooltip(new Tooltip("Back to the list of runs (Esc)"));
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(e -> owner.showList());
        return back;
    }

    // ------------------------------------------------------------------ list

    public Node view() { return root; }

    /** Re-reads the runs folder off the JavaFX thread; completes on the JavaFX thread with the runs listed. */
    public CompletableFuture<List<SavedRun>> refresh() {
        long generation = ++refreshGeneration;
        if (all.isEmpty()) placeholder.setText("Loading the saved runs…");
        CompletableFuture<List<SavedRun>> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(history::list, IO).whenComplete((list, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                if (generation == refreshGeneration) {
                    placeholder.setText("Could not read the runs folder " + history.store().root() + ": " + describe(cause));
                    showNote("Could not read the runs folder: " + describe(cause), true);
                }
                done.completeExceptionally(cause);
                return;
            }
            if (generation == refreshGeneration) setRuns(list);
            done.complete(list);
        }));
        return done;
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
    public void setFilters(String experimentId, String status) {
        String label = ALL_EXPERIMENTS;
        if (experimentId != null) {
            updateExperimentFilter();
            for (Map.Entry<String, String> e : filterIds.entrySet()) if (e.getValue().equals(experimentId)) label = e.getKey();
        }
        experimentFilter.setValue(label);
        statusFilter.setValue(status == null ? ALL_STATUSES : capitalise(status));
    }

    private void updateCount() {
        int shown = filtered.size();
        int total = all.size();
        count.setText(shown == total ? total + (total == 1 ? " run" : " runs") : shown + " of " + total + " runs");
    }

    private void updateButtons() {
        List<SavedRun> sel = table.getSelectionModel().getSelectedItems();
        int n = sel.size();
        SavedRun one = n == 1 ? sel.get(0) : null;
        open.setDisable(n != 1);
        compare.setDisable(n < 2);
        rerun.setDisable(one == null || one.isDamaged() || !experiments.containsKey(one.experimentId()));
        rename.setDisable(n != 1);
        reveal.setDisable(n != 1);
        delete.setDisable(n == 0);
    }

    /** The runs the list shows now (filtered and sorted as on screen). */
    public List<SavedRun> shownRuns() { return List.copyOf(table.getItems()); }

    public TableView<SavedRun> table() { return table; }

    public String noteText() { return note.getText(); }

    private SavedRun single() {
        List<SavedRun> sel = table.getSelectionModel().getSelectedItems();
        return sel.size() == 1 ? sel.get(0) : null;
    }

    private void showNote(String text, boolean warning) {
        note.setText(text);
        note.getStyleClass().remove("history-note-warning");
        if (warning) note.getStyleClass().add("history-note-warning");
    }

    // ------------------------------------------------------------------ pages

    public boolean isListShown() { return pages.getChildren().contains(listPage); }

    /** The run page shown now, or null. */
    public RunDetailView detailView() { return pages.getChildren().contains(detail == null ? null : detail.view()) ? detail : null; }

    /** The comparison shown now, or null. */
    public CompareView compareView() {
        return comparison != null && pages.getChildren().contains(comparison.view()) ? comparison : null;
    }

    public void showList() {
        pages.getChildren().setAll(listPage);
        table.requestFocus();
    }

    private void openSelected() {
        SavedRun r = single();
        if (r != null) open(r);
    }

    /** Reads the run's folder off the JavaFX thread and shows its page; completes with the page. */
    public CompletableFuture<RunDetailView> open(SavedRun run) {
        showNote("", false);
        CompletableFuture<RunDetailView> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> RunDetails.load(history, run), IO).whenComplete((details, error) -> Platform.runLater(() -> {
            if (error != null) {
                showNote("Could not open " + run.name() + ": " + describe(unwrap(error)), true);
                done.completeExceptionally(unwrap(error));
                return;
            }
            detail = new RunDetailView(this, details, experiments.get(run.experimentId()));
            pages.getChildren().setAll(detail.view());
            detail.view().requestFocus();
            done.complete(detail);
        }));
        return done;
    }

    private void compareSelected() {
        compare(List.copyOf(table.getSelectionModel().getSelectedItems()));
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
        Set<String> ids = new java.util.LinkedHashSet<>();
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
        CompletableFuture.supplyAsync(() -> {
            List<RunDetails> list = new ArrayList<>();
            for (SavedRun r : runs) list.add(RunDetails.load(history, r));
            return list;
        }, IO).whenComplete((list, error) -> Platform.runLater(() -> {
            if (error != null) {
                showNote("Could not compare: " + describe(unwrap(error)), true);
                done.completeExceptionally(unwrap(error));
                return;
            }
            comparison = new CompareView(this, list, experiments.get(runs.get(0).experimentId()));
            pages.getChildren().setAll(comparison.view());
            comparison.view().requestFocus();
            done.complete(comparison);
        }));
        return done;
    }

    // ------------------------------------------------------------------ actions

    /**
     * Sends the run's settings to its experiment's panel, starting a run when start is true. The
     * settings are read (off the JavaFX thread) when not given. Settings the experiment no longer
     * accepts are listed in a dialog instead.
     */
    public void useSettings(SavedRun run, Map<String, Object> settings, boolean start) {
        Experiment experiment = experiments.get(run.experimentId());
        if (experiment == null) {
            Dialogs.error(owner(), "Cannot use these settings", "This app has no experiment '" + run.experimentId() + "'.");
            return;
        }
        if (settings == null) {
            CompletableFuture.supplyAsync(() -> {
                try {
                    return history.settings(run);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, IO).whenComplete((s, error) -> Platform.runLater(() -> {
                if (error != null) {
                    Dialogs.error(owner(), "Cannot use these settings", "The settings of " + run.name() + " could not be read: "
                            + describe(unwrap(error)));
                } else {
                    useSettings(run, s, start);
                }
            }));
            return;
        }
        Config config;
        try {
            config = experiment.schema().fromValues(settings);
        } catch (ConfigException e) {
            Dialogs.problems(owner(), "The settings of " + run.name() + " do not fit " + experiment.title() + " any more",
                    "The experiment's settings have changed since this run. Nothing was changed in its form.",
                    SettingsFileActions.problems(e));
            return;
        }
        String refused = target == null ? "No experiment panel to send the settings to." : target.apply(experiment, config, start);
        if (refused != null) Dialogs.error(owner(), start ? "Not re-run" : "Settings not used", refused);
    }

    /** Asks for a new display name (the folder keeps its name). */
    public void rename(SavedRun run) {
        TextInputDialog dialog = new TextInputDialog(run.name());
        dialog.setTitle("Rename run");
        dialog.setHeaderText("A name for " + run.folder().getFileName());
        dialog.setContentText("Name:");
        dialog.getDialogPane().getStylesheets().add(HistoryPanel.class.getResource("/nnlab/nnlab.css").toExternalForm());
        if (owner() != null) dialog.initOwner(owner());
        dialog.setOnHidden(e -> {
            String name = dialog.getResult();
            // A blank name gives the run back its folder name.
            if (name != null && !name.trim().equals(run.name())) rename(run, name.trim());
        });
        dialog.show();
    }

    /** Renames off the JavaFX thread, then refreshes; completes with the renamed run. */
    public CompletableFuture<SavedRun> rename(SavedRun run, String name) {
        CompletableFuture<SavedRun> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return history.rename(run, name);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, IO).whenComplete((renamed, error) -> Platform.runLater(() -> {
            if (error != null) {
                Dialogs.error(owner(), "Not renamed", "Could not rename " + run.name() + ": " + describe(unwrap(error)));
                done.completeExceptionally(unwrap(error));
                return;
            }
            if (detail != null && detail.run().folder().equals(run.folder())) detail.showRun(renamed);
            refresh().whenComplete((l, e) -> done.complete(renamed));
        }));
        return done;
    }

    private void deleteSelected() {
        List<SavedRun> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!sel.isEmpty()) delete(sel);
    }

    /** Asks, then deletes the runs' folders. Runs this app is still running are refused. */
    public void delete(List<SavedRun> runs) {
        for (SavedRun r : runs) {
            if (isLive(r)) {
                Dialogs.error(owner(), "Not deleted", r.name() + " is still running. Cancel it first, then delete it.");
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
        Dialogs.confirm(owner(), "Delete " + what + "?", message.toString(), "Delete", () -> deleteNow(runs));
    }

    /** Deletes without asking (the confirmed part of {@link #delete}); completes when the list is refreshed. */
    public CompletableFuture<Void> deleteNow(List<SavedRun> runs) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            List<String> failures = new ArrayList<>();
            for (SavedRun r : runs) {
                try {
                    history.delete(r);
                } catch (IOException | RuntimeException e) {
                    failures.add(r.name() + ": " + describe(e));
                }
            }
            return failures;
        }, IO).whenComplete((failures, error) -> Platform.runLater(() -> {
            Set<Path> gone = new HashSet<>();
            for (SavedRun r : runs) gone.add(r.folder());
            if (detail != null && detailView() != null && gone.contains(detail.run().folder())) showList();
            if (compareView() != null) {
                for (RunDetails d : comparison.runs()) if (gone.contains(d.run().folder())) showList();
            }
            List<String> problems = error != null ? List.of(describe(unwrap(error))) : failures;
            if (!problems.isEmpty()) {
                Dialogs.error(owner(), "Not everything was deleted", String.join("\n", problems));
            } else {
                showNote(runs.size() == 1 ? "Deleted " + runs.get(0).name() + "." : "Deleted " + runs.size() + " runs.", false);
            }
            refresh().whenComplete((l, e) -> done.complete(null));
        }));
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
     * Opens the folder in the file manager, off the JavaFX thread (xdg-open on Linux, the desktop
     * API elsewhere). Where neither works, the path goes to the clipboard and a note says so.
     */
    public CompletableFuture<Boolean> reveal(SavedRun run) {
        Path folder = run.folder();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> openInFileManager(folder), IO).whenComplete((ok, error) -> Platform.runLater(() -> {
            boolean opened = error == null && Boolean.TRUE.equals(ok);
            if (!opened) {
                ClipboardContent content = new ClipboardContent();
                content.putString(folder.toString());
                Clipboard.getSystemClipboard().setContent(content);
                showNote("No file manager could be opened here; the folder's path is on the clipboard: " + folder, false);
                Dialogs.info(owner(), "Folder path copied", "No file manager could be opened here. The folder's path is on the clipboard:\n\n" + folder);
            }
            done.complete(opened);
        }));
        return done;
    }

    private static boolean openInFileManager(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean graphical = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (!os.contains("win") && !os.contains("mac") && graphical) {
            // AWT's Desktop would load a second GTK next to JavaFX's on Linux; xdg-open is what it calls anyway.
            try {
                Process p = new ProcessBuilder("xdg-open", folder.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                java.awt.Desktop.getDesktop().open(folder.toFile());
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
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
                for (SavedRun r : chosen) table.getSelectionModel().select(r);
                compare(chosen);
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private String experimentTitle(String id) {
        Experiment e = id == null ? null : experiments.get(id);
        return e != null ? e.title() : id == null ? "unknown" : id;
    }

    private static String headline(SavedRun r) {
        if (r.headline() != null && !r.headline().isBlank()) return r.headline();
        return r.status() == RunStatus.FINISHED || r.message() == null ? "" : r.message();
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static String joinAnd(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    static String describe(Throwable t) {
        return RunDetails.describe(t);
    }
}
