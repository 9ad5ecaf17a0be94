package nnlab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;

/**
 * A complete panel for any experiment, built from its declaration: the settings form, run
 * controls, and a card per declared live view (see {@link ViewBoard}), titled, labelled and
 * ordered as the experiment declares them for the settings shown. Experiment-specific panels
 * extend it: {@link #setSettingsPreview} shows a declared figure computed from the settings
 * before any run, {@link #setPlan} shows views as a run would start them, {@link #setTopContent}
 * puts a node above the views, and {@link #onRunStarted} / {@link #handle} observe the run.
 */
public class GenericExperimentPanel implements ExperimentPanel {
    private final AppContext context;
    private final Experiment experiment;
    private final SettingsForm form;
    private final SettingsFileActions settingsFiles;
    private final RunControls controls = new RunControls();
    private final ResponsiveGrid grid = new ResponsiveGrid(340);
    private final StackPane topContent = new StackPane();
    private final Label emptyHint = new Label();
    private final RunLog log = new RunLog();
    private final ViewBoard board;
    private final SplitPane root;
    private final List<SettingsPreview> previews = new ArrayList<>();
    private final ModelView modelView;
    private final PanelHeading.ReadingGuide guide;
    private final ScrollPane contentScroll;
    private boolean backendReady;
    private java.util.function.Function<Config, List<RunEvent>> plan;
    private boolean anyRunStarted;
    private EventPump pump;
    private Run currentRun;

    public GenericExperimentPanel(AppContext context, Experiment experiment) {
        this.context = context;
        this.experiment = experiment;
        this.form = new SettingsForm(experiment.schema());
        this.board = new ViewBoard(grid, emptyHint, this::reveal);

        form.setOnSubmit(this::start);
        controls.setOnStart(this::start);
        controls.setOnCancel(this::cancel);
        controls.setSettingsValid(form.isValid());
        form.validProperty().addListener((o, a, b) -> controls.setSettingsValid(b));
        settingsFiles = new SettingsFileActions(experiment.id(), experiment.schema(), form::currentConfig, this::loadSettings);
        settingsFiles.setOnMessage(controls::showNote);

        VBox heading = PanelHeading.of(experiment.title(), experiment.description());
        guide = PanelHeading.readingGuide(experiment.howToRead());
        if (guide != null) heading.getChildren().add(guide.toggle());
        HBox headerRow = new HBox(16, heading, controls);
        headerRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(headerRow);
        if (guide != null) header.getChildren().add(guide.text());
        header.getStyleClass().add("experiment-header");

        emptyHint.setText("Press Start (or Enter in the settings) to run " + experiment.title()
                + ".\nCurves, tables and figures appear here as the run produces them.");
        emptyHint.getStyleClass().add("empty-hint");
        emptyHint.setWrapText(true);
        emptyHint.managedProperty().bind(emptyHint.visibleProperty());
        topContent.getStyleClass().add("top-content");
        topContent.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(topContent.getChildren()));
        modelView = new ModelView(experiment::models);
        modelView.setVisible(false);
        form.addConfigListener(c -> {
            if (backendReady) modelView.refresh(validCurrentConfig());
        });
        VBox content = new VBox(14, topContent, modelView, emptyHint, grid);
        content.getStyleClass().add("view-area");
        contentScroll = new LiveScrollPane(content);
        contentScroll.setFitToWidth(true);
        contentScroll.getStyleClass().add("content-scroll");
        VBox.setVgrow(contentScroll, Priority.ALWAYS);

        BorderPane centre = new BorderPane(contentScroll);
        centre.setTop(header);
        centre.setBottom(log.pane());
        centre.getStyleClass().add("experiment-centre");

        root = new SplitPane(settingsPane(), centre);
        root.setOrientation(Orientation.HORIZONTAL);
        root.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
        root.getStyleClass().add("experiment-panel");

        declareViewsFor(defaultConfig());
        form.addConfigListener(this::declareViewsFor);
        // Empty live charts from the start: a run then only adds points, instead of building and
        // styling charts on the JavaFX thread just as training takes every core.
        board.prepareCharts();
    }

    private VBox settingsPane() {
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        formScroll.getStyleClass().add("settings-scroll");
        Label settingsTitle = new Label("Settings");
        settingsTitle.getStyleClass().add("pane-title");
        Region titleSpacer = new Region();
        HBox.setHgrow(titleSpacer, Priority.ALWAYS);
        HBox titleRow = new HBox(2, settingsTitle, titleSpacer, settingsFiles.loadButton(), settingsFiles.saveButton());
        titleRow.setAlignment(Pos.CENTER_LEFT);
        titleRow.getStyleClass().add("settings-title-row");
        VBox left = new VBox(titleRow, formScroll);
        left.getStyleClass().add("settings-pane");
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        left.setMinWidth(260);
        return left;
    }

    @Override public String title() { return experiment.title(); }

    @Override public Node view() { return root; }

    public Experiment experiment() { return experiment; }

    public AppContext context() { return context; }

    public SettingsForm settingsForm() { return form; }

    public RunControls runControls() { return controls; }

    /** Save settings… / Load settings… (JSON files in the format of a run's config.json). */
    public SettingsFileActions settingsFiles() { return settingsFiles; }

    /** The run this panel shows, or null before the first start. */
    public Run currentRun() { return currentRun; }

    public LiveLineChart chart(String id) { return board.chart(id); }

    public ResultsTableView table(String id) { return board.table(id); }

    public FigureView figureView(String id) { return board.figure(id); }

    public LiveLineChart chart(ViewSpec view) { return board.chart(view.id()); }

    public ResultsTableView table(ViewSpec view) { return board.table(view.id()); }

    public FigureView figureView(ViewSpec view) { return board.figure(view.id()); }

    /** The views the panel arranges now: the experiment's declaration for the settings shown. */
    public List<ViewSpec> declaredViews() { return board.declaredViews(); }

    /** "How to read this" (null when the experiment has no guide). */
    public PanelHeading.ReadingGuide readingGuide() { return guide; }

    /** The model card: the networks the settings build. */
    public ModelView modelView() { return modelView; }

    /** The scroll pane of the views. */
    public ScrollPane contentScroll() { return contentScroll; }

    /**
     * Brings the view declared as the study's answer ({@link ViewSpec#keyResult()}) to the top
     * of the visible area, so a finished run shows its result without scrolling.
     */
    public void revealKeyResult() {
        Node node = board.keyResult();
        if (node != null) LiveScrollPane.scrollToTop(contentScroll, node);
    }

    private void reveal(Node card) {
        LiveScrollPane.scrollToTop(contentScroll, card);
    }

    /** The log text so far. */
    public String logText() { return log.text(); }

    /** Puts a node above the views, e.g. a preview shown before any run starts; null removes it. */
    public void setTopContent(Node node) {
        if (node == null) topContent.getChildren().clear();
        else topContent.getChildren().setAll(node);
    }

    /**
     * Creates a declared figure's card now, so it is in place (and can show e.g. a preview)
     * before the run sends it. It stays across runs.
     */
    public FigureView addFigureView(ViewSpec view) {
        return board.addPermanentFigure(view);
    }

    /**
     * Views shown before the first run and kept in step with the settings: tables and figures as
     * a run would show them at its start (e.g. the variants it will train, results open). The
     * first run's views with the same ids take their place. Besides telling the user what is
     * coming, the views are then built and styled while the machine is idle, at their final size,
     * rather than as training takes every core.
     */
    protected final void setPlan(java.util.function.Function<Config, List<RunEvent>> plan) {
        this.plan = plan;
        form.addConfigListener(this::refreshPlan);
        Config current = validCurrentConfig();
        if (current != null) refreshPlan(current);
    }

    private void refreshPlan(Config config) {
        if (plan == null || anyRunStarted) return;
        plan.apply(config).forEach(this::handle);
    }

    /**
     * A declared figure computed from the current settings (e.g. samples of the data), shown
     * before any run and redrawn whenever the settings change to valid values (see
     * {@link SettingsPreview}).
     */
    protected final void setSettingsPreview(ViewSpec figure, SettingsPreview.Compute compute) {
        SettingsPreview preview = new SettingsPreview(addFigureView(figure), compute);
        previews.add(preview);
        form.addConfigListener(preview::refresh);
        if (backendReady) preview.backendReady(validCurrentConfig());
    }

    @Override
    public void onBackendReady() {
        backendReady = true;
        Config current = validCurrentConfig();
        modelView.refresh(current);
        previews.forEach(p -> p.backendReady(current));
    }

    /** Starts a run with the form's settings; shows the problems instead if they are invalid. */
    public void start() {
        if (controls.isRunActive()) return;
        Config config;
        try {
            config = form.currentConfig();
        } catch (ConfigException e) {
            form.showProblems(e);
            controls.showNote("Fix the highlighted settings first");
            return;
        }
        startRun(config);
    }

    /** Starts a run with the given config (also shown in the form). */
    @Override
    public boolean startRun(Config config) {
        if (controls.isRunActive()) return false;
        // Before the form takes the config: the run's own views replace the plan, so re-planning now is wasted work.
        anyRunStarted = true;
        form.setConfig(config);
        if (pump != null) pump.stop();
        declareViewsFor(config);
        board.fadeForNewRun();
        board.prepareCharts();
        log.clear();
        // The form greys out a frame later: restyling and repainting it in the frame that also
        // shows the run controls and the faded views made Start the window's longest frame.
        Frames.after(2, () -> {
            if (controls.isRunActive()) {
                form.setLocked(true);
                settingsFiles.loadButton().setDisable(true);
            }
        });
        controls.showQueued();
        currentRun = context.engine().submit(experiment, config);
        onRunStarted(currentRun);
        pump = new EventPump(currentRun, this::handleBatch).start();
        return true;
    }

    /** Puts the config into the form without starting; refused (false) while a run uses the form. */
    @Override
    public boolean loadSettings(Config config) {
        if (controls.isRunActive()) return false;
        form.setConfig(config);
        return true;
    }

    public void cancel() {
        if (currentRun != null && controls.isRunActive()) {
            currentRun.cancel();
            controls.showCancelling();
        }
    }

    /** Called on the JavaFX thread right after a run was submitted. */
    protected void onRunStarted(Run run) { }

    /**
     * Renders one event of the current run, on the JavaFX thread. Metrics arrive in bulk through
     * the board instead; overriders should call super.
     */
    protected void handle(RunEvent event) {
        if (event instanceof RunEvent.Phase p) {
            board.phase(p);
            log.append("── " + p.title());
        } else if (event instanceof RunEvent.RetireCurves r) {
            board.retire(r);
        } else if (event instanceof RunEvent.Table t) {
            board.show(t);
        } else if (event instanceof RunEvent.FigureUpdate f) {
            board.show(f);
        } else if (event instanceof RunEvent.Log l) {
            log.append(l.line());
        } else if (event instanceof RunEvent.Progress || event instanceof RunEvent.Status) {
            controls.onEvent(event);
            if (event instanceof RunEvent.Status s && s.status().isFinal()) {
                form.setLocked(false);
                settingsFiles.loadButton().setDisable(false);
                board.removeStaleViews();
                if (s.status() == nnlab.kernel.run.RunStatus.FINISHED) Frames.after(2, this::revealKeyResult);
                log.append("[" + s.status().label() + "] " + s.message());
                if (currentRun != null && currentRun.folder() != null) log.append("saved in " + currentRun.folder());
            }
        }
    }

    private void handleBatch(List<RunEvent> batch) {
        // Metrics between two other events are applied together; order across kinds is kept.
        List<RunEvent.Metric> metrics = new ArrayList<>();
        for (RunEvent e : batch) {
            if (e instanceof RunEvent.Metric m) {
                metrics.add(m);
            } else {
                if (!metrics.isEmpty()) {
                    board.addMetrics(metrics);
                    metrics = new ArrayList<>();
                }
                handle(e);
            }
        }
        if (!metrics.isEmpty()) board.addMetrics(metrics);
        RepaintAnchor.touch(root);
    }

    /** The declaration follows the settings (e.g. one loss chart per depth listed). */
    private void declareViewsFor(Config config) {
        if (config == null) return;
        try {
            board.declare(experiment.views(config));
        } catch (RuntimeException e) {
            // settings the experiment cannot plan views for yet; the run's validation will say why
        }
    }

    private Config defaultConfig() {
        try {
            return experiment.schema().defaults();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Config validCurrentConfig() {
        try {
            return form.currentConfig();
        } catch (ConfigException e) {
            return null; // the form shows what is wrong; previews and plans wait for valid settings
        }
    }

    /**
     * Applies the styles a run's start switches to (locked form, faded titles) and back, between
     * two frames, so that the first Start in a fresh window does not meet that styling code cold
     * while training takes both cores. Nothing changes on screen.
     */
    void rehearseRunStart() {
        if (controls.isRunActive()) return;
        rehearse(true);
        rehearse(false);
    }

    private void rehearse(boolean running) {
        form.setLocked(running);
        settingsFiles.loadButton().setDisable(running);
        board.setAllStale(running);
        root.applyCss();
    }

    /** True while the view shows the previous run's content (its title is faded). */
    static boolean isStale(Node view) {
        return ViewBoard.isStale(view);
    }
}
