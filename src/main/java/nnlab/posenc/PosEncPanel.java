package nnlab.posenc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nnlab.app.AppContext;
import nnlab.app.EventPump;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelHeading;
import nnlab.app.RepaintAnchor;
import nnlab.app.RunControls;
import nnlab.app.SettingsFileActions;
import nnlab.app.widgets.NewestOnlyWorker;
import nnlab.app.widgets.SliderField;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEvent;

/**
 * The interactive positional-encoding panel (spec §3), in the shell every panel has: title and
 * description with Start/Cancel above, the settings column on the left (on every tab), the views
 * in tabs. Every control change recomputes the visible tab's matrices with ND4J on one background
 * thread that only ever computes the newest setting; Start saves a run (every figure, the summary)
 * to History. The controls come from the experiment's schema ({@link PosEncControls}); each tab
 * knows its own views ({@link PosEncTab}); a refused value is explained under its field.
 */
public final class PosEncPanel implements ExperimentPanel {
    static final int TAB_GRAM = 0, TAB_CONTENT = 1, TAB_ATTENTION = 2, TAB_CONV = 3;

    private final PosEncExperiment experiment = new PosEncExperiment();
    private final ConfigSchema schema = experiment.schema();
    private final AppContext context;
    private final PosEncControls controls = new PosEncControls(schema);
    private final Refusals refusals = new Refusals();
    private final SettingsFileActions settingsFiles = new SettingsFileActions(
            PosEncExperiment.ID, schema, this::currentConfig, this::loadSettings);
    private final RunControls runControls = new RunControls();
    private final SplitPane root = new SplitPane();
    private final TabPane tabs = new TabPane();
    private final Label facts = new Label();
    private final EncodingTab encodingTab = new EncodingTab();
    private final ContentTab contentTab = new ContentTab(controls);
    /** In TAB_GRAM … TAB_CONV order. */
    private final List<PosEncTab> tabViews = List.of(encodingTab, contentTab, new AttentionTab(), new ConvolutionTab());
    private final NewestOnlyWorker<PosEncRequest, Computed> worker =
            new NewestOnlyWorker<>("posenc-compute", this::compute, this::show, m -> runControls.showNote("Could not compute: " + m));
    private final List<Consumer<Config>> settingsListeners = new ArrayList<>();

    private int shownP;
    private int shownN;
    private final ReadOnlyLongWrapper redraws = new ReadOnlyLongWrapper();
    private volatile double lastRedrawMillis = Double.NaN;
    private volatile double lastComputeMillis = Double.NaN;
    private boolean backendReady;
    private EventPump pump;
    private Run currentRun;

    /** A tab's figures for one request, ready to show, and how long computing them took. */
    private record Computed(PosEncRequest request, PosEncTab.Shown shown, double computeMillis) { }

    public PosEncPanel() {
        this(true);
    }

    /** @param initBackend false when the caller has initialised ND4J already (or will call onBackendReady) */
    PosEncPanel(boolean initBackend) {
        this(null, initBackend);
    }

    /** The app's constructor: the app calls {@link #onBackendReady()} once ND4J has loaded. */
    public PosEncPanel(AppContext context) {
        this(context, false);
    }

    private PosEncPanel(AppContext context, boolean initBackend) {
        this.context = context;
        build();
        if (initBackend) NativeSetup.initAsync().thenRun(() -> Platform.runLater(this::onBackendReady));
    }

    @Override public String title() { return experiment.title(); }

    @Override public Node view() { return root; }

    /** Shows the views for the config and saves a run with it (as Start does), when the panel has a run engine. */
    @Override
    public boolean startRun(Config config) {
        loadSettings(config);
        if (context != null) start();
        return true;
    }

    /** Puts the config into the controls; the views follow at once. */
    @Override
    public boolean loadSettings(Config config) {
        controls.load(config);
        String text = config.getString("signal");
        if (text != null && !text.isBlank()) {
            controls.signal.setText(text);
            commitSignal();
        } else if (backendReady) {
            newRandomSignal();
        }
        request();
        return true;
    }

    /**
     * The panel's settings as a config with the command line's keys (what "Save settings…"
     * writes); throws ConfigException naming every field that holds an invalid value.
     */
    public Config currentConfig() {
        return schema.fromValues(controls.values());
    }

    @Override
    public Config currentSettings() {
        try {
            return currentConfig();
        } catch (ConfigException e) {
            return null;
        }
    }

    @Override
    public void addSettingsListener(Consumer<Config> listener) {
        settingsListeners.add(listener);
    }

    @Override
    public boolean resetSettings() {
        return loadSettings(schema.defaults());
    }

    SettingsFileActions settingsFiles() { return settingsFiles; }

    RunControls runControls() { return runControls; }

    /** The run Start saved last, or null. */
    Run currentRun() { return currentRun; }

    @Override
    public void onBackendReady() {
        if (backendReady) return;
        backendReady = true;
        runControls.showNote("");
        request();
    }

    /** Redraws completed so far; tests and the benchmark's UI probe wait on it. */
    public ReadOnlyLongProperty redrawsProperty() { return redraws.getReadOnlyProperty(); }

    /** Time from the last control change to its pixels being written, in ms (for the benchmark's probe; not shown). */
    public double lastRedrawMillis() { return lastRedrawMillis; }

    /** Of that, the time spent computing (ND4J and figure data) off the JavaFX thread, in ms. */
    public double lastComputeMillis() { return lastComputeMillis; }

    /** p and N of the views on screen now. */
    public int shownP() { return shownP; }
    public int shownN() { return shownN; }

    /** Moves the positions slider, as a user would. */
    public void setPositions(int positions) { controls.n.setValue(positions); }

    HeatmapView gramView() { return encodingTab.gramView(); }

    nnlab.app.widgets.LinePlotView rowView() { return encodingTab.rowView(); }
    HeatmapView concatView() { return contentTab.concatView(); }
    SliderField pField() { return controls.p; }
    SliderField nField() { return controls.n; }
    SliderField sliderField(String key) { return controls.sliders().get(key); }
    TabPane tabs() { return tabs; }
    /** The refusal shown under a setting's field, "" when none. */
    String refusal(String key) { return refusals.text(key); }
    String factsText() { return facts.getText(); }

    /** Writes a figure as PNG at the given scale (1–3), or as CSV when scale is 0. */
    static void export(Figure figure, Path file, int scale) throws IOException {
        if (scale == 0) FigureExporter.writeCsv(figure, file);
        else FigureExporter.writePng(figure, file, scale);
    }

    // ---------------------------------------------------------------- layout and wiring

    private void build() {
        PosEncSettingsColumn column = new PosEncSettingsColumn(controls, refusals, settingsFiles, this::newRandomSignal,
                this::resetSettings);
        for (PosEncTab t : tabViews) tabs.getTabs().add(t.tab());
        tabs.getTabs().forEach(t -> t.setClosable(false));
        facts.setWrapText(true);
        facts.getStyleClass().add("posenc-facts");
        facts.setId("posenc-facts");
        facts.setPadding(new Insets(6, 14, 8, 14));

        VBox heading = PanelHeading.of(experiment.title(), experiment.description());
        // The same "How to read this" as every other panel: the toggle under the description, its text full width below.
        PanelHeading.ReadingGuide guide = PanelHeading.readingGuide(experiment.howToRead());
        if (guide != null) heading.getChildren().add(guide.toggle());
        HBox headerRow = new HBox(16, heading, runControls);
        headerRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(headerRow);
        if (guide != null) header.getChildren().add(guide.text());
        header.getStyleClass().add("experiment-header");
        runControls.startButton().setTooltip(new javafx.scene.control.Tooltip(
                "Save a run with these settings: every figure (PNG + CSV) and the summary, listed in History"));
        runControls.setOnStart(this::start);
        runControls.setOnCancel(() -> {
            if (currentRun != null && runControls.isRunActive()) {
                currentRun.cancel();
                runControls.showCancelling();
            }
        });
        if (context == null) {
            runControls.startButton().setDisable(true);
            runControls.showNote("Views only: this window has no run engine to save runs");
        } else {
            runControls.showNote("The views follow every change; Start saves them as a run");
        }
        settingsFiles.setOnMessage(runControls::showNote);

        BorderPane centre = new BorderPane(tabs);
        centre.setTop(header);
        centre.setBottom(facts);
        centre.getStyleClass().addAll("experiment-centre", "posenc-panel");
        root.getItems().setAll(column.view(), centre);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, tab) -> column.showSectionsOf(tab.intValue()));
        column.showSectionsOf(TAB_GRAM);
        root.setOrientation(Orientation.HORIZONTAL);
        root.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(column.view(), false);
        root.getStyleClass().add("experiment-panel");
        wire();
    }

    private void wire() {
        // Before the redraw below, so the plotted row is inside the new N when it is computed.
        controls.n.valueProperty().addListener(o -> controls.row.setMax(controls.n.intValue() - 1));
        // Every change recomputes; the worker keeps a drag from queueing work. The signal length
        // only matters when "Random signal" is pressed.
        for (SliderField f : controls.sliders().values()) {
            String key = f.setting().key();
            f.setOnRefused(m -> refusals.show(key, m));
            if (f != controls.length) f.valueProperty().addListener(o -> request());
        }
        controls.colorMap.valueProperty().addListener(o -> request());
        controls.query.valueProperty().addListener(o -> request());
        controls.decomposition.selectedProperty().addListener(o -> request());
        tabs.getSelectionModel().selectedIndexProperty().addListener(o -> request());
        controls.base.setOnAction(e -> request());
        controls.base.focusedProperty().addListener((o, was, is) -> { if (!is) request(); });
        controls.seed.setOnAction(e -> request());
        controls.seed.focusedProperty().addListener((o, was, is) -> { if (!is) request(); });
        controls.signal.setOnAction(e -> commitSignal());
    }

    /** Saves a run with the settings shown: the engine computes every figure and writes them with the summary. */
    private void start() {
        if (context == null || runControls.isRunActive()) return;
        Config config;
        try {
            config = currentConfig();
        } catch (ConfigException e) {
            e.problems().forEach(p -> refusals.show(p.key(), p.getMessage()));
            runControls.showNote("Fix the highlighted settings first");
            return;
        }
        if (pump != null) pump.stop();
        runControls.showQueued();
        currentRun = context.engine().submit(experiment, config);
        Run run = currentRun;
        pump = new EventPump(run, batch -> batch.forEach(event -> {
            if (event instanceof RunEvent.Progress || event instanceof RunEvent.Status) runControls.onEvent(event);
            if (event instanceof RunEvent.Status s && s.status().isFinal() && run.folder() != null) {
                runControls.showNote("Saved in " + run.folder() + " (History lists it)");
            }
        })).start();
    }

    // ---------------------------------------------------------------- signal

    private void newRandomSignal() {
        Long s = controls.seed(refusals::show);
        if (s == null || !backendReady) return;
        int len = controls.length.intValue();
        worker.execute(() -> {
            double[] x = Signals.random(len, s);
            Platform.runLater(() -> {
                controls.showSignal(x);
                refusals.clear("signal");
                request();
            });
        });
    }

    private void commitSignal() {
        if (controls.commitSignal(refusals::show)) {
            refusals.clear("signal");
            request();
        }
    }

    // ---------------------------------------------------------------- computation

    private void request() {
        if (!backendReady) {
            runControls.showNote("Loading the ND4J backend…");
            return;
        }
        PosEncRequest r = controls.snapshot(tabs.getSelectionModel().getSelectedIndex(), refusals::show);
        if (r == null) return;
        // The text fields hold what the views will show: their refusals are over.
        for (String key : List.of("base", "seed")) refusals.clear(key);
        worker.submit(r);
    }

    private Computed compute(PosEncRequest r) {
        long t0 = System.nanoTime();
        PosEncTab.Shown shown = tabViews.get(r.tab()).compute(r);
        return new Computed(r, shown, (System.nanoTime() - t0) / 1e6);
    }

    private void show(Computed computed) {
        PosEncRequest r = computed.request();
        shownP = r.p();
        shownN = r.n();
        RepaintAnchor.touch(facts);
        facts.setText(computed.shown().show());
        lastRedrawMillis = (System.nanoTime() - r.startNanos()) / 1e6;
        lastComputeMillis = computed.computeMillis();
        redraws.set(redraws.get() + 1);
        Config config = currentSettings();
        if (config != null) settingsListeners.forEach(l -> l.accept(config));
    }
}
