package nnlab.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.Plugins;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.store.RunStore;

/**
 * The main window: experiments on the left (from {@link ExperimentCatalog}), then the pages
 * ({@link AppPage}, e.g. History), the selected experiment's panel or page in the centre, and a
 * status bar with the run queue and the state of the native backend. It knows no experiment and
 * no page by name: all are plug-ins.
 */
public final class NnLabApp extends Application implements Shell, ShellMenus.Actions {
    /** Experiment id to select and start once the window is up (used by assets/screenshot.sh). */
    public static final String AUTOSTART_PROPERTY = "nnlab.autostart";
    /** Settings for the autostarted run, as on the command line: "--rounds 1 --epochs 3". */
    public static final String AUTOSTART_ARGS_PROPERTY = "nnlab.autostart.args";
    /** Window size "WIDTHxHEIGHT" (default 1280x800, never larger than the screen). */
    public static final String WINDOW_SIZE_PROPERTY = "nnlab.window.size";

    private RunEngine engine;
    private final Map<String, ExperimentPanel> panels = new HashMap<>();
    private final StackPane centre = new StackPane();
    private QueueLabel queueLabel;
    private final Label backendLabel = new Label("Loading ND4J…");
    private ListView<Experiment> navigation;
    private final Map<AppPage, ToggleButton> pages = new LinkedHashMap<>();
    private final List<ShellExtension> extensions = Plugins.load(ShellExtension.class);
    private AppContext context;
    private Stage stage;
    private volatile boolean backendReady;
    private AppPreferences preferences;
    private ShellMenus menus;
    private HelpWindow help;
    private Experiment shownExperiment;
    private boolean preferencesSavePending;
    static final String STYLESHEET = "/nnlab/nnlab.css";
    static final String DARK_STYLESHEET = "/nnlab/nnlab-dark.css";

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
        this.stage = stage;
        engine = new RunEngine(1, RunStore.defaultStore());
        engine.setBackgroundPriority(true);
        context = new AppContext(engine, stage);
        preferences = AppPreferences.load(engine.store().root());

        navigation = new ListView<>();
        navigation.getItems().setAll(ExperimentCatalog.all());
        navigation.getStyleClass().add("navigation");
        navigation.setCellFactory(v -> new NavigationCell());
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
        VBox navBox = new VBox(4, experimentsHeading, navigation, runsHeading);
        navBox.getChildren().addAll(buildPageEntries());
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
        queueLabel = new QueueLabel(engine);
        backendLabel.getStyleClass().addAll("backend-status", "backend-loading");
        HBox statusBar = new HBox(18, queueLabel, runsFolder, spacer, backendLabel);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");

        menus = new ShellMenus(this, preferences.darkTheme(), text -> Dialogs.info(stage, "Reset to defaults", text).show());
        BorderPane root = new BorderPane(centre);
        root.setTop(menus.bar());
        root.setLeft(sidebar);
        root.setBottom(statusBar);
        root.getStyleClass().add("app-root");

        double[] size = windowSize(preferences);
        Scene scene = new Scene(root, size[0], size[1]);
        RepaintAnchor.install(scene, statusBar);
        scene.getStylesheets().setAll(stylesheets());
        TruncatedTextTips.install(scene);
        stage.setTitle("NN Lab");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (System.getProperty(WINDOW_SIZE_PROPERTY) == null && preferences.windowMaximized()) stage.setMaximized(true);
        stage.setOnHiding(e -> rememberWindow());

        pages.keySet().forEach(page -> {
            if (page.shortcut() != null) scene.getAccelerators().put(page.shortcut(), () -> showPage(page));
        });
        stage.show();
        extensions.forEach(x -> x.windowShown(this));

        // ND4J loads once the first frames are drawn: JavaFX loads its font libraries for them,
        // and a library loaded while JavaCPP resolves its symbols can deadlock the process (see Java2dNatives).
        Frames.after(3, () -> NativeSetup.initAsync().whenComplete((v, error) -> Platform.runLater(() -> backendLoaded(error))));
        // The first panel's controls cost a second or more to load and style on a slow machine;
        // building it after the first frame gets the window on screen without that wait.
        Platform.runLater(() -> {
            if (!navigation.getItems().isEmpty() && navigation.getSelectionModel().isEmpty() && !showLastView()) {
                navigation.getSelectionModel().select(0);
            }
            autostart();
            ViewWarmUp.run(NnLabApp.class.getResource(STYLESHEET).toExternalForm());
            Experiment shown = navigation.getSelectionModel().getSelectedItem();
            if (shown != null && panel(shown) instanceof GenericExperimentPanel generic) generic.rehearseRunStart();
            pages.keySet().forEach(AppPage::onWindowReady);
            extensions.forEach(x -> x.firstPanelBuilt(this));
        });
    }

    /** -Dnnlab.window.size, else the size the window had when it was last closed, else 1280 × 800. */
    private static double[] windowSize(AppPreferences preferences) {
        double w = 1280;
        double h = 800;
        double[] remembered = preferences.windowSize();
        if (remembered != null && remembered[0] >= 600 && remembered[1] >= 400) {
            w = remembered[0];
            h = remembered[1];
        }
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

    @Override
    public void stop() {
        if (preferences != null) preferences.save();
        if (engine != null) engine.close();
    }

    private void show(Experiment experiment) {
        if (experiment == null) return;
        pages.values().forEach(entry -> entry.setSelected(false));
        centre.getChildren().setAll(panel(experiment).view());
        shownExperiment = experiment;
        preferences.setLastView("experiment:" + experiment.id());
        schedulePreferencesSave();
    }

    /** One entry per page below the experiments, in the providers' order. */
    private List<ToggleButton> buildPageEntries() {
        List<AppPage.Provider> providers = new ArrayList<>(Plugins.load(AppPage.Provider.class));
        providers.sort(java.util.Comparator.comparingInt(AppPage.Provider::order));
        List<ToggleButton> entries = new ArrayList<>();
        for (AppPage.Provider provider : providers) {
            AppPage page = provider.create(this);
            Label title = new Label(page.title());
            title.getStyleClass().add("nav-title");
            Label description = new Label(page.description());
            description.getStyleClass().add("nav-description");
            ToggleButton entry = new ToggleButton();
            entry.setGraphic(new VBox(2, title, description));
            entry.setId("nav-" + page.title().toLowerCase(java.util.Locale.ROOT).replaceAll("\\W+", "-"));
            entry.getStyleClass().add("nav-entry");
            entry.setMaxWidth(Double.MAX_VALUE);
            String shortcut = page.shortcut() == null ? "" : " (" + page.shortcut().getDisplayText() + ")";
            entry.setTooltip(new Tooltip(page.tooltip() + shortcut));
            // A second click keeps it selected (it stays so until an experiment is chosen) and shows it afresh.
            entry.setOnAction(e -> showPage(page));
            pages.put(page, entry);
            entries.add(entry);
        }
        return entries;
    }

    @Override
    public void showPage(AppPage page) {
        navigation.getSelectionModel().clearSelection();
        pages.forEach((p, entry) -> entry.setSelected(p == page));
        centre.getChildren().setAll(page.view());
        shownExperiment = null;
        preferences.setLastView("page:" + page.title());
        schedulePreferencesSave();
        page.onShow();
    }

    @Override public RunEngine engine() { return engine; }

    @Override public javafx.stage.Window owner() { return stage; }

    @Override public List<Experiment> experiments() { return List.copyOf(navigation.getItems()); }

    /** The pages under RUNS, in the navigation's order. */
    public List<AppPage> pages() { return List.copyOf(this.pages.keySet()); }

    /** History's "Re-run" / "Use settings": the experiment's panel with the config in its form. */
    @Override
    public String applySettings(Experiment experiment, Config config, boolean start) {
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
            PanelMemory.attach(p, experiment, preferences, this::schedulePreferencesSave);
            if (backendReady) p.onBackendReady();
            return p;
        });
    }

    private void backendLoaded(Throwable error) {
        extensions.forEach(x -> Platform.runLater(() -> x.backendReady(this, error)));
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

    @Override
    public ExperimentPanel showExperiment(String id) {
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

    // ---------------------------------------------------------------- habits: menus, help, memory, theme

    /** Selects the panel or page shown when the window was last closed; false when there is none (any more). */
    private boolean showLastView() {
        String last = preferences.lastView();
        if (last == null) return false;
        if (last.startsWith("experiment:")) return showExperiment(last.substring("experiment:".length())) != null;
        for (AppPage page : pages.keySet()) {
            if (last.equals("page:" + page.title())) {
                showPage(page);
                return true;
            }
        }
        return false;
    }

    private List<String> stylesheets() {
        List<String> sheets = new ArrayList<>(List.of(NnLabApp.class.getResource(STYLESHEET).toExternalForm()));
        if (preferences.darkTheme()) sheets.add(NnLabApp.class.getResource(DARK_STYLESHEET).toExternalForm());
        return sheets;
    }

    private void rememberWindow() {
        // A maximised window keeps the size it had before, for when it is restored.
        if (stage.isMaximized()) preferences.setMaximized(true);
        else preferences.setWindow(stage.getWidth(), stage.getHeight(), false);
        preferences.save();
    }

    /** Settings change with every keystroke; one write per burst is enough. */
    private void schedulePreferencesSave() {
        if (preferencesSavePending) return;
        preferencesSavePending = true;
        Platform.runLater(() -> {
            preferencesSavePending = false;
            preferences.save();
        });
    }

    /** The remembered preferences (tests read them). */
    public AppPreferences preferences() { return preferences; }

    @Override public void openExperiment(String id) { showExperiment(id); }

    @Override public Experiment shownExperiment() { return shownExperiment; }

    @Override
    public String resetShownSettings() {
        if (shownExperiment == null) return "Choose an experiment first: History has no settings.";
        if (panel(shownExperiment).resetSettings()) return null;
        return shownExperiment.title() + " cannot reset its settings now: a run is using them. Wait for it to end (or cancel it).";
    }

    @Override
    public void setDarkTheme(boolean dark) {
        preferences.setDarkTheme(dark);
        schedulePreferencesSave();
        stage.getScene().getStylesheets().setAll(stylesheets());
        if (help != null) help.setStylesheets(stylesheets());
    }

    /** The help window, built on first use; with an experiment id its reading guide is open. */
    @Override
    public void showHelp(String guideFor) {
        if (guideFor == null || !helpWindow().showGuide(guideFor)) helpWindow().show();
    }

    @Override public boolean hasGuide(String experimentId) { return helpWindow().hasGuide(experimentId); }

    public HelpWindow helpWindow() {
        if (help == null) help = new HelpWindow(stage, menus.shortcuts(), experiments(), stylesheets());
        return help;
    }

    @Override
    public void quit() {
        rememberWindow();
        Platform.exit();
    }
}
