package nnlab.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nnlab.Experiments;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.history.HistoryPanel;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.RunStore;

/**
 * The main window: experiments on the left, the selected experiment's panel in the centre, and
 * a status bar with the run queue and the state of the native backend.
 */
public final class NnLabApp extends Application {
    /** Experiment id to select and start once the window is up (used by assets/screenshot.sh). */
    public static final String AUTOSTART_PROPERTY = "nnlab.autostart";
    /** Settings for the autostarted run, as on the command line: "--rounds 1 --epochs 3". */
    public static final String AUTOSTART_ARGS_PROPERTY = "nnlab.autostart.args";
    /** Comma-separated Experiment class names listed in addition to the shipped ones (demos, tests). */
    public static final String EXTRA_EXPERIMENTS_PROPERTY = "nnlab.extraExperiments";
    /** Window size "WIDTHxHEIGHT" (default 1280x800, never larger than the screen). */
    public static final String WINDOW_SIZE_PROPERTY = "nnlab.window.size";
    /** When "true", prints how long after JVM start the window appeared. */
    public static final String TIMING_PROPERTY = "nnlab.timing";
    /**
     * Opens History once the window is up (used by assets/screenshot.sh): "list", "open" (the
     * newest run), "open:NAME", "compare" (the two newest runs of one experiment), "compare:A,B".
     */
    public static final String HISTORY_PROPERTY = "nnlab.history";

    private RunEngine engine;
    private final Map<String, ExperimentPanel> panels = new HashMap<>();
    private final StackPane centre = new StackPane();
    private final Label queueLabel = new Label();
    private final Label backendLabel = new Label("Loading ND4J…");
    private final AtomicBoolean queueUpdatePending = new AtomicBoolean();
    private ListView<Experiment> navigation;
    private final ToggleButton historyEntry = new ToggleButton();
    private HistoryPanel history;
    private AppContext context;
    private volatile boolean backendReady;
    private UiProbe probe;

    /**
     * JavaFX repaints at most this many separate rectangles per frame and merges the rest into
     * their bounding box (default 6, at most 15). A run's start changes a dozen small things
     * across the window (the form, the run controls, card titles, the status bar); merged, they
     * became one 1000 × 250 px box, repainted in software while training takes both cores.
     */
    static final String DIRTY_REGIONS = "15";

    public static void launchApp(String[] args) {
        if (System.getProperty("prism.dirtyregioncount") == null) System.setProperty("prism.dirtyregioncount", DIRTY_REGIONS);
        Application.launch(NnLabApp.class, args);
        // ND4J leaves non-daemon threads behind; the window is closed and runs are cancelled by now.
        System.exit(0);
    }

    @Override
    public void start(Stage stage) {
        if (Boolean.getBoolean(TIMING_PROPERTY)) System.err.println("nnlab: JavaFX started " + sinceJvmStart() + " ms after JVM start");
        engine = new RunEngine(1, RunStore.defaultStore());
        engine.setBackgroundPriority(true);
        context = new AppContext(engine, stage);

        navigation = new ListView<>();
        navigation.getItems().setAll(experiments());
        navigation.getStyleClass().add("navigation");
        navigation.setCellFactory(v -> new ExperimentCell());
        navigation.setPlaceholder(new Label("No experiments yet"));
        navigation.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> show(b));
        Label brand = new Label("NN Lab");
        brand.getStyleClass().add("brand");
        Label tagline = new Label("Deep-learning experiments, live");
        tagline.getStyleClass().add("brand-tagline");
        Label experimentsHeading = new Label("EXPERIMENTS");
        experimentsHeading.getStyleClass().add("nav-heading");
        Label runsHeading = new Label("RUNS");
        runsHeading.getStyleClass().add("nav-heading");
        buildHistoryEntry();
        VBox navBox = new VBox(4, experimentsHeading, navigation, runsHeading, historyEntry);
        VBox.setVgrow(navigation, Priority.ALWAYS);
        VBox sidebar = new VBox(new VBox(2, brand, tagline), navBox);
        sidebar.getStyleClass().add("sidebar");
        VBox.setVgrow(navBox, Priority.ALWAYS);

        centre.getStyleClass().add("centre");
        if (navigation.getItems().isEmpty()) {
            Label empty = new Label("No experiments are installed yet.");
            empty.getStyleClass().add("empty-hint");
            centre.getChildren().setAll(empty);
        }

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label runsFolder = new Label("Runs saved in " + engine.store().root());
        runsFolder.getStyleClass().add("status-muted");
        queueLabel.getStyleClass().add("queue-status");
        backendLabel.getStyleClass().addAll("backend-status", "backend-loading");
        HBox statusBar = new HBox(18, queueLabel, runsFolder, spacer, backendLabel);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");

        BorderPane root = new BorderPane(centre);
        root.setLeft(sidebar);
        root.setBottom(statusBar);
        root.getStyleClass().add("app-root");

        double[] size = windowSize();
        Scene scene = new Scene(root, size[0], size[1]);
        RepaintAnchor.install(scene, statusBar);
        scene.getStylesheets().add(NnLabApp.class.getResource("/nnlab/nnlab.css").toExternalForm());
        stage.setTitle("NN Lab");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);

        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), this::showHistory);
        engine.addEngineListener(run -> scheduleQueueUpdate());
        updateQueue();
        stage.show();
        probe = UiProbe.fromSystemProperties(engine, this::showExperiment);
        if (probe != null) probe.windowShown();
        if (Boolean.getBoolean(TIMING_PROPERTY)) {
            System.err.println("nnlab: window shown " + sinceJvmStart() + " ms after JVM start");
        }

        // ND4J loads once the first frames are drawn: JavaFX loads its font libraries for them,
        // and a library loaded while JavaCPP resolves its symbols can deadlock the process (see Java2dNatives).
        Frames.after(3, () -> NativeSetup.initAsync().whenComplete((v, error) -> Platform.runLater(() -> backendLoaded(error))));
        // The first panel's controls cost a second or more to load and style on a slow machine;
        // building it after the first frame gets the window on screen without that wait.
        Platform.runLater(() -> {
            if (!navigation.getItems().isEmpty() && navigation.getSelectionModel().isEmpty()) {
                navigation.getSelectionModel().select(0);
            }
            autostart();
            ViewWarmUp.run(NnLabApp.class.getResource("/nnlab/nnlab.css").toExternalForm());
            Experiment shown = navigation.getSelectionModel().getSelectedItem();
            if (shown != null && panel(shown) instanceof GenericExperimentPanel generic) generic.rehearseRunStart();
            String historySpec = System.getProperty(HISTORY_PROPERTY);
            if (historySpec != null && !historySpec.isBlank()) {
                showHistory();
                history.showOnStart(historySpec.trim());
            }
            if (Boolean.getBoolean(TIMING_PROPERTY)) {
                System.err.println("nnlab: first panel built " + sinceJvmStart() + " ms after JVM start");
            }
        });
    }

    private static double[] windowSize() {
        double w = 1280;
        double h = 800;
        String[] parts = System.getProperty(WINDOW_SIZE_PROPERTY, "").split("x");
        if (parts.length == 2) {
            try {
                w = Double.parseDouble(parts[0]);
                h = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                System.err.println("nnlab: ignoring " + WINDOW_SIZE_PROPERTY + "=" + System.getProperty(WINDOW_SIZE_PROPERTY));
            }
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        return new double[] {Math.min(w, screen.getWidth()), Math.min(h, screen.getHeight())};
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Override
    public void stop() {
        if (engine != null) engine.close();
    }

    private void show(Experiment experiment) {
        if (experiment == null) return;
        historyEntry.setSelected(false);
        centre.getChildren().setAll(panel(experiment).view());
    }

    /** The navigation entry below the experiments that opens the History page. */
    private void buildHistoryEntry() {
        Label title = new Label("History");
        title.getStyleClass().add("nav-title");
        Label description = new Label("Saved runs: open, compare, re-run");
        description.getStyleClass().add("nav-description");
        VBox box = new VBox(2, title, description);
        historyEntry.setGraphic(box);
        historyEntry.setId("nav-history");
        historyEntry.getStyleClass().add("nav-entry");
        historyEntry.setMaxWidth(Double.MAX_VALUE);
        historyEntry.setTooltip(new Tooltip("Every saved run, from this app and the command line (Ctrl+H)"));
        // A second click keeps it selected (it stays so until an experiment is chosen) and re-reads the folder.
        historyEntry.setOnAction(e -> showHistory());
    }

    /** Shows the History page (built on first use) and re-reads the runs folder. */
    private void showHistory() {
        if (history == null) {
            history = new HistoryPanel(new RunHistory(engine.store()), engine, navigation.getItems(), this::applySettings);
        }
        navigation.getSelectionModel().clearSelection();
        historyEntry.setSelected(true);
        centre.getChildren().setAll(history.view());
        history.refresh();
    }

    /** History's "Re-run" / "Use settings": the experiment's panel with the config in its form. */
    private String applySettings(Experiment experiment, Config config, boolean start) {
        navigation.getSelectionModel().select(experiment);
        ExperimentPanel p = panel(experiment);
        boolean ok = start ? p.startRun(config) : p.loadSettings(config);
        if (ok) return null;
        return experiment.title() + " cannot take these settings now: a run is using its form. "
                + "Wait for it to end (or cancel it), then try again.";
    }

    private ExperimentPanel panel(Experiment experiment) {
        return panels.computeIfAbsent(experiment.id(), id -> {
            ExperimentPanel p = PanelRegistry.create(experiment, context);
            if (backendReady) p.onBackendReady();
            return p;
        });
    }

    private void backendLoaded(Throwable error) {
        if (probe != null) Platform.runLater(() -> probe.backendReady(error));
        backendLabel.getStyleClass().removeAll("backend-loading", "backend-ready", "backend-failed");
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            backendLabel.setText("ND4J failed to load: " + Exports.describe(cause));
            backendLabel.getStyleClass().add("backend-failed");
            return;
        }
        backendReady = true;
        backendLabel.setText("ND4J ready");
        backendLabel.getStyleClass().add("backend-ready");
        panels.values().forEach(ExperimentPanel::onBackendReady);
    }

    /** Engine listeners fire on worker threads, often in bursts; one pending update is enough. */
    private void scheduleQueueUpdate() {
        if (queueUpdatePending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                queueUpdatePending.set(false);
                updateQueue();
            });
        }
    }

    private void updateQueue() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : List.of("running", "queued", "finished", "failed", "cancelled")) counts.put(k, 0);
        for (Run r : engine.runs()) {
            String k = switch (r.status()) {
                case RUNNING -> "running";
                case QUEUED -> "queued";
                case FINISHED -> "finished";
                case CANCELLED -> "cancelled";
                default -> "failed";
            };
            counts.merge(k, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getKey().equals("cancelled") && e.getValue() == 0) continue;
            parts.add(e.getValue() + " " + e.getKey());
        }
        queueLabel.setText("Runs: " + String.join(" · ", parts));
        queueLabel.getStyleClass().remove("queue-busy");
        if (counts.get("running") + counts.get("queued") > 0) queueLabel.getStyleClass().add("queue-busy");
    }

    private static List<Experiment> experiments() {
        List<Experiment> all = new ArrayList<>(Experiments.all());
        String extra = System.getProperty(EXTRA_EXPERIMENTS_PROPERTY, "");
        for (String name : extra.split(",")) {
            if (name.isBlank()) continue;
            try {
                all.add((Experiment) Class.forName(name.trim()).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException e) {
                System.err.println("nnlab: cannot load experiment class " + name.trim() + ": " + e);
            }
        }
        return all;
    }

    /** Selects an experiment in the navigation and returns its panel (null if it is not listed). */
    private ExperimentPanel showExperiment(String id) {
        Experiment experiment = navigation.getItems().stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        if (experiment == null) return null;
        navigation.getSelectionModel().select(experiment);
        return panel(experiment);
    }

    private void autostart() {
        String id = System.getProperty(AUTOSTART_PROPERTY);
        if (id == null || id.isBlank()) return;
        Experiment experiment = navigation.getItems().stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        if (experiment == null) {
            System.err.println("nnlab: cannot autostart unknown experiment '" + id + "'");
            return;
        }
        Config config;
        try {
            config = nnlab.cli.SettingsOptions.parse(experiment, System.getProperty(AUTOSTART_ARGS_PROPERTY, ""));
        } catch (IllegalArgumentException e) {
            System.err.println("nnlab: bad " + AUTOSTART_ARGS_PROPERTY + ": " + e.getMessage());
            return;
        }
        navigation.getSelectionModel().select(experiment);
        if (!panel(experiment).startRun(config)) {
            System.err.println("nnlab: the panel of '" + id + "' cannot start runs by itself");
        }
    }

    /** Title with the experiment's description underneath. */
    private static final class ExperimentCell extends ListCell<Experiment> {
        private final Label title = new Label();
        private final Label description = new Label();
        private final VBox box = new VBox(2, title, description);

        ExperimentCell() {
            title.getStyleClass().add("nav-title");
            description.getStyleClass().add("nav-description");
            description.setWrapText(true);
            box.setMaxWidth(200);
            description.setMaxWidth(200);
        }

        @Override
        protected void updateItem(Experiment item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                title.setText(item.title());
                description.setText(item.description());
                setGraphic(box);
            }
            setText(null);
        }
    }
}
