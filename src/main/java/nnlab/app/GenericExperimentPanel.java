package nnlab.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.TableFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEvent;

/**
 * A complete panel for any experiment: its settings form, run controls, and a view per chart,
 * table and figure the run produces, created as each id first appears. Experiment-specific panels
 * extend it: {@link #setTopContent} puts a node above the views (e.g. a data preview),
 * {@link #addFigureView} pre-creates a figure view, {@link #setViewOrder} fixes the arrangement,
 * and {@link #onRunStarted} / {@link #handle} observe the run.
 */
public class GenericExperimentPanel implements ExperimentPanel {
    private static final int LOG_LINE_LIMIT = 5000;
    /**
     * Marks the title of a view left from the previous run (it fades until this run updates it).
     * Set on the title only: a style class on the card re-applied CSS to its whole subtree (a
     * table's every cell) at the start of each run and again at each view's first update.
     */
    static final javafx.css.PseudoClass STALE = javafx.css.PseudoClass.getPseudoClass("stale");

    private final AppContext context;
    private final Experiment experiment;
    private final SettingsForm form;
    private final SettingsFileActions settingsFiles;
    private final RunControls controls = new RunControls();
    private final ResponsiveGrid grid = new ResponsiveGrid(340);
    private final StackPane topContent = new StackPane();
    private final Label emptyHint = new Label();
    private final TextArea log = new TextArea();
    private final TitledPane logPane = new TitledPane("Log", log);
    private final Map<String, LiveLineChart> charts = new LinkedHashMap<>();
    private final Map<String, ResultsTableView> tables = new LinkedHashMap<>();
    private final Map<String, FigureView> figures = new LinkedHashMap<>();
    /** Views the subclass created up front; they stay whatever a run produces. */
    private final List<Node> permanentViews = new ArrayList<>();
    /**
     * The previous run's views, faded until the new run updates them; those it never updates go
     * when it ends. Reusing them spares the window rebuilding every chart and table at each start.
     */
    private final Set<Node> staleViews = new HashSet<>();
    private final Map<String, String[]> chartLabels = new HashMap<>();
    private final Map<Node, String> viewIds = new HashMap<>();
    private List<String> viewOrder = List.of();
    private final SplitPane root;
    /** Previews are small; one daemon thread serves every panel. */
    private static final ExecutorService PREVIEW_WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-preview");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong previewRequest = new AtomicLong();
    private volatile boolean backendReady;
    private Preview previewFunction;
    private FigureView previewView;
    private java.util.function.Function<Config, List<RunEvent>> plan;
    private boolean anyRunStarted;
    private int logLines;
    /**
     * Lines logged while the log is closed, not yet in its text area: an append re-lays out the
     * area's whole text even when closed (30–45 ms a line during a run, on the JavaFX thread).
     */
    private final StringBuilder unshownLog = new StringBuilder();
    private String currentPhase;
    private EventPump pump;
    private Run currentRun;

    public GenericExperimentPanel(AppContext context, Experiment experiment) {
        this.context = context;
        this.experiment = experiment;
        this.form = new SettingsForm(experiment.schema());

        form.setOnSubmit(this::start);
        controls.setOnStart(this::start);
        controls.setOnCancel(this::cancel);
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        formScroll.getStyleClass().add("settings-scroll");
        Label settingsTitle = new Label("Settings");
        settingsTitle.getStyleClass().add("pane-title");
        settingsFiles = new SettingsFileActions(experiment.id(), experiment.schema(), form::currentConfig, this::loadSettings);
        settingsFiles.setOnMessage(controls::showNote);
        Region titleSpacer = new Region();
        HBox.setHgrow(titleSpacer, Priority.ALWAYS);
        HBox titleRow = new HBox(2, settingsTitle, titleSpacer, settingsFiles.loadButton(), settingsFiles.saveButton());
        titleRow.setAlignment(Pos.CENTER_LEFT);
        titleRow.getStyleClass().add("settings-title-row");
        VBox left = new VBox(titleRow, formScroll);
        left.getStyleClass().add("settings-pane");
        VBox.setVgrow(formScroll, Priority.ALWAYS);
        left.setMinWidth(260);

        VBox heading = PanelHeading.of(experiment.title(), experiment.description());
        HBox header = new HBox(16, heading, controls);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("experiment-header");

        emptyHint.setText("Press Start (or Enter in the settings) to run " + experiment.title()
                + ".\nCurves, tables and figures appear here as the run produces them.");
        emptyHint.getStyleClass().add("empty-hint");
        emptyHint.setWrapText(true);
        emptyHint.managedProperty().bind(emptyHint.visibleProperty());
        topContent.getStyleClass().add("top-content");
        topContent.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(topContent.getChildren()));
        VBox content = new VBox(14, topContent, emptyHint, grid);
        content.getStyleClass().add("view-area");
        ScrollPane contentScroll = new LiveScrollPane(content);
        contentScroll.setFitToWidth(true);
        contentScroll.getStyleClass().add("content-scroll");
        VBox.setVgrow(contentScroll, Priority.ALWAYS);

        log.setEditable(false);
        log.setWrapText(false);
        log.getStyleClass().add("run-log");
        log.setPrefRowCount(8);
        logPane.setExpanded(false);
        logPane.setAnimated(false);
        logPane.expandedProperty().addListener((o, was, open) -> {
            if (open) showUnshownLog();
        });
        logPane.getStyleClass().add("log-pane");

        BorderPane centre = new BorderPane(contentScroll);
        centre.setTop(header);
        centre.setBottom(logPane);
        centre.getStyleClass().add("experiment-centre");

        root = new SplitPane(left, centre);
        root.setOrientation(Orientation.HORIZONTAL);
        root.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(left, false);
        root.getStyleClass().add("experiment-panel");
        grid.setOrder((a, b) -> Integer.compare(rank(a), rank(b)));
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

    public LiveLineChart chart(String id) { return charts.get(id); }

    public ResultsTableView table(String id) { return tables.get(id); }

    public FigureView figureView(String id) { return figures.get(id); }

    /** The log text so far. */
    public String logText() { return log.getText() + unshownLog; }

    /** Puts a node above the views, e.g. a preview shown before any run starts; null removes it. */
    public void setTopContent(Node node) {
        if (node == null) topContent.getChildren().clear();
        else topContent.getChildren().setAll(node);
    }

    /**
     * Creates a figure view now, so it is in place (and can show e.g. a preview) before the run
     * sends a figure with this id. It stays across runs.
     */
    public FigureView addFigureView(String id, String title) {
        FigureView v = figures.get(id);
        if (v == null) {
            v = new FigureView(id, title);
            figures.put(id, v);
            permanentViews.add(v);
            addView(id, v, true);
        }
        return v;
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
        try {
            refreshPlan(form.currentConfig());
        } catch (ConfigException e) {
            // the form shows what is wrong; the plan follows once the settings are valid
        }
    }

    private void refreshPlan(Config config) {
        if (plan == null || anyRunStarted) return;
        plan.apply(config).forEach(this::handle);
    }

    /** Computes a preview figure from settings; may fail (e.g. on an unreadable data file). */
    @FunctionalInterface
    public interface Preview {
        Figure compute(Config config) throws Exception;
    }

    /**
     * A figure computed from the current settings (e.g. samples of the data), shown before any
     * run and redrawn whenever the settings change to valid values. It is computed off the
     * JavaFX thread, once ND4J is ready; only the newest request is drawn, and a failure (say, an
     * unreadable data file) is shown in place of the figure with its message.
     */
    protected final void setSettingsPreview(String figureId, String title, Preview preview) {
        previewView = addFigureView(figureId, title);
        previewFunction = preview;
        form.addConfigListener(this::refreshPreview);
    }

    @Override
    public void onBackendReady() {
        backendReady = true;
        if (previewFunction == null) return;
        try {
            refreshPreview(form.currentConfig());
        } catch (ConfigException e) {
            // the form already shows what is wrong; the preview waits for valid settings
        }
    }

    private void refreshPreview(Config config) {
        if (!backendReady || previewFunction == null) return;
        long request = previewRequest.incrementAndGet();
        PREVIEW_WORKER.execute(() -> {
            if (request != previewRequest.get()) return;
            Figure figure;
            try {
                figure = previewFunction.compute(config);
            } catch (Exception e) {
                figure = new TableFigure("Cannot show a preview", List.of("Problem"), List.of(List.of(String.valueOf(e.getMessage()))));
            }
            Figure shown = figure;
            Platform.runLater(() -> {
                if (request == previewRequest.get()) previewView.setFigure(shown);
            });
        });
    }

    /** Ids (chart, table or figure) to show first, in this order; others follow as they arrive. */
    public void setViewOrder(List<String> ids) {
        viewOrder = List.copyOf(ids);
        grid.setOrder((a, b) -> Integer.compare(rank(a), rank(b)));
    }

    /**
     * Creates these charts (empty) now, or marks them as this run's when called from
     * {@link #onRunStarted}: their first points then only add data instead of building and
     * styling chart nodes while training takes the CPU.
     */
    protected void prepareCharts(String... chartIds) {
        for (String id : chartIds) markCurrent(chartFor(id));
    }

    /** Titles and axis labels for a chart id, before or after it appears. */
    public void describeChart(String chartId, String title, String xLabel, String yLabel) {
        chartLabels.put(chartId, new String[] {title, xLabel, yLabel});
        LiveLineChart c = charts.get(chartId);
        if (c != null) {
            c.setTitle(title);
            c.setAxisLabels(xLabel, yLabel);
        }
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
        resetViews();
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
     * Renders one event of the current run, on the JavaFX thread. Metrics arrive through
     * {@link #handleMetrics} in bulk instead; overriders should call super.
     */
    protected void handle(RunEvent event) {
        if (event instanceof RunEvent.Phase p) {
            currentPhase = p.title();
            if (p.restart()) charts.values().forEach(c -> c.startPhase(p.title()));
            else charts.values().forEach(c -> c.setPhaseTitle(p.title()));
            appendLog("── " + p.title());
        } else if (event instanceof RunEvent.RetireCurves r) {
            charts.values().forEach(c -> c.retire(r.seriesSuffix()));
        } else if (event instanceof RunEvent.Table t) {
            ResultsTableView table = tables.computeIfAbsent(t.id(), id -> {
                ResultsTableView v = new ResultsTableView(id, t.title());
                addView(id, v, true);
                return v;
            });
            table.show(t);
            markCurrent(table);
        } else if (event instanceof RunEvent.FigureUpdate f) {
            FigureView figure = figures.computeIfAbsent(f.id(), id -> {
                FigureView v = new FigureView(id, f.figure().title());
                addView(id, v, true);
                return v;
            });
            figure.setFigure(f.figure());
            markCurrent(figure);
        } else if (event instanceof RunEvent.Log l) {
            appendLog(l.line());
        } else if (event instanceof RunEvent.Progress || event instanceof RunEvent.Status) {
            controls.onEvent(event);
            if (event instanceof RunEvent.Status s && s.status().isFinal()) {
                form.setLocked(false);
                settingsFiles.loadButton().setDisable(false);
                removeStaleViews();
                appendLog("[" + s.status().label() + "] " + s.message());
                if (currentRun != null && currentRun.folder() != null) appendLog("saved in " + currentRun.folder());
            }
        }
    }

    /** A batch's metrics, grouped so each chart takes all its new points at once. */
    protected void handleMetrics(List<RunEvent.Metric> metrics) {
        Map<String, List<RunEvent.Metric>> byChart = new LinkedHashMap<>();
        for (RunEvent.Metric m : metrics) byChart.computeIfAbsent(m.chart(), k -> new ArrayList<>()).add(m);
        for (Map.Entry<String, List<RunEvent.Metric>> e : byChart.entrySet()) {
            LiveLineChart chart = chartFor(e.getKey());
            chart.addMetrics(e.getValue());
            markCurrent(chart);
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
                    handleMetrics(metrics);
                    metrics = new ArrayList<>();
                }
                handle(e);
            }
        }
        if (!metrics.isEmpty()) handleMetrics(metrics);
        RepaintAnchor.touch(root);
    }

    private LiveLineChart chartFor(String id) {
        LiveLineChart c = charts.get(id);
        if (c == null) {
            String[] labels = chartLabels.getOrDefault(id, new String[] {humanise(id), "", ""});
            c = new LiveLineChart(id, labels[0], labels[1], labels[2]);
            if (currentPhase != null) c.startPhase(currentPhase);
            charts.put(id, c);
            addView(id, c, false);
        }
        return c;
    }

    /** Figures and tables take a whole row: a 640-px figure squeezed into half a row has unreadable text. */
    private void addView(String id, Node view, boolean wide) {
        viewIds.put(view, id);
        grid.addItem(view, wide);
        emptyHint.setVisible(false);
    }

    private void resetViews() {
        for (Node n : grid.items()) {
            if (permanentViews.contains(n)) continue;
            staleViews.add(n);
            setStale(n, true);
        }
        charts.values().forEach(LiveLineChart::clear);
        currentPhase = null;
        if (!log.getText().isEmpty()) log.clear();
        unshownLog.setLength(0);
        logLines = 0;
        logPane.setText("Log");
        emptyHint.setVisible(grid.items().isEmpty());
    }

    private void markCurrent(Node view) {
        if (staleViews.remove(view)) setStale(view, false);
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
        for (Node n : grid.items()) setStale(n, running);
        root.applyCss();
    }

    /** True while the view shows the previous run's content (its title is faded). */
    static boolean isStale(Node view) {
        Node title = view.lookup(".card-title");
        return title != null && title.getPseudoClassStates().contains(STALE);
    }

    private static void setStale(Node view, boolean stale) {
        Node title = view.lookup(".card-title");
        if (title != null) title.pseudoClassStateChanged(STALE, stale);
    }

    private void removeStaleViews() {
        for (Node n : staleViews) {
            setStale(n, false);
            grid.removeItem(n);
            String id = viewIds.remove(n);
            charts.remove(id, n);
            tables.remove(id, n);
            figures.remove(id, n);
        }
        staleViews.clear();
        emptyHint.setVisible(grid.items().isEmpty());
    }

    private void appendLog(String line) {
        if (logLines >= LOG_LINE_LIMIT) {
            // TextArea re-lays out its whole text on every append; drop the oldest half rather than slow down.
            String text = logText();
            int cut = text.indexOf('\n', text.length() / 2);
            String kept = "…\n" + text.substring(cut + 1);
            unshownLog.setLength(0);
            if (logPane.isExpanded()) {
                log.setText(kept);
            } else {
                if (!log.getText().isEmpty()) log.clear();
                unshownLog.append(kept);
            }
            logLines = LOG_LINE_LIMIT / 2;
        }
        if (logPane.isExpanded()) log.appendText(line + "\n");
        else unshownLog.append(line).append('\n');
        logLines++;
        logPane.setText("Log (" + logLines + (logLines == 1 ? " line)" : " lines)"));
    }

    private void showUnshownLog() {
        if (unshownLog.isEmpty()) return;
        log.appendText(unshownLog.toString());
        unshownLog.setLength(0);
    }

    private int rank(Node view) {
        int i = viewOrder.indexOf(viewIds.get(view));
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    static String humanise(String id) {
        String s = id.replaceAll("[-_.]+", " ").trim();
        return s.isEmpty() ? id : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
