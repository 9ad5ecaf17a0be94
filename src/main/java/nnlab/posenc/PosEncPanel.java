package nnlab.posenc;

import nnlab.app.widgets.NewestOnlyWorker;
import nnlab.app.widgets.SliderField;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.RepaintAnchor;
import nnlab.app.SettingsFileActions;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.FigureExporter;

/**
 * The interactive positional-encoding panel (spec §3). Every control change recomputes the visible
 * tab's matrices with ND4J on one background thread that only ever computes the newest setting;
 * the result is drawn into WritableImages on the JavaFX thread. The controls come from the
 * experiment's schema ({@link PosEncControls}); each tab knows its own views ({@link PosEncTab}).
 */
public final class PosEncPanel implements ExperimentPanel {
    static final int TAB_GRAM = 0, TAB_CONTENT = 1, TAB_ATTENTION = 2, TAB_CONV = 3;

    private final ConfigSchema schema = new PosEncExperiment().schema();
    private final PosEncControls controls = new PosEncControls(schema);
    private final SettingsFileActions settingsFiles = new SettingsFileActions(
            PosEncExperiment.ID, schema, this::currentConfig, this::loadSettings);
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    private final Label facts = new Label();
    private final EncodingTab encodingTab = new EncodingTab(controls);
    private final ContentTab contentTab = new ContentTab(controls);
    /** In TAB_GRAM … TAB_CONV order. */
    private final List<PosEncTab> tabViews = List.of(encodingTab, contentTab, new AttentionTab(controls),
            new ConvolutionTab(controls, this::newRandomSignal));
    private final NewestOnlyWorker<PosEncRequest, Computed> worker =
            new NewestOnlyWorker<>("posenc-compute", this::compute, this::show, m -> refuse("could not compute: " + m));
    private ScrollPane leftScroll;

    private int shownP;
    private int shownN;
    private final ReadOnlyLongWrapper redraws = new ReadOnlyLongWrapper();
    private volatile double lastRedrawMillis = Double.NaN;
    private volatile double lastComputeMillis = Double.NaN;
    private boolean backendReady;

    /** A tab's figures for one request, ready to show, and how long computing them took. */
    private record Computed(PosEncRequest request, PosEncTab.Shown shown, double computeMillis) { }

    public PosEncPanel() {
        this(true);
    }

    /** @param initBackend false when the caller has initialised ND4J already (or will call onBackendReady) */
    PosEncPanel(boolean initBackend) {
        build();
        if (initBackend) NativeSetup.initAsync().thenRun(() -> Platform.runLater(this::onBackendReady));
    }

    /** The app's constructor: the app calls {@link #onBackendReady()} once ND4J has loaded. */
    public PosEncPanel(AppContext context) {
        this(false);
    }

    @Override public String title() { return "Positional encodings"; }

    @Override public Node view() { return root; }

    /** Shows the views for a config (the app's autostart and the command line's settings use the same keys). */
    @Override
    public boolean startRun(Config config) {
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

    /** The same as {@link #startRun}: this panel computes as soon as its settings change. */
    @Override
    public boolean loadSettings(Config config) {
        return startRun(config);
    }

    /**
     * The panel's settings as a config with the command line's keys (what "Save settings…"
     * writes); throws ConfigException naming every field that holds an invalid value.
     */
    public Config currentConfig() {
        return schema.fromValues(controls.values());
    }

    SettingsFileActions settingsFiles() { return settingsFiles; }

    @Override
    public void onBackendReady() {
        if (backendReady) return;
        backendReady = true;
        request();
    }

    /** Redraws completed so far; tests and the benchmark's UI probe wait on it. */
    public ReadOnlyLongProperty redrawsProperty() { return redraws.getReadOnlyProperty(); }

    /** Time from the last control change to its pixels being written, in ms. */
    public double lastRedrawMillis() { return lastRedrawMillis; }

    /** Of that, the time spent computing (ND4J and figure data) off the JavaFX thread, in ms. */
    public double lastComputeMillis() { return lastComputeMillis; }

    /** p and N of the views on screen now. */
    public int shownP() { return shownP; }
    public int shownN() { return shownN; }

    /** Moves the positions slider, as a user would. */
    public void setPositions(int positions) { controls.n.setValue(positions); }

    HeatmapView gramView() { return encodingTab.gramView(); }
    HeatmapView concatView() { return contentTab.concatView(); }
    SliderField pField() { return controls.p; }
    SliderField nField() { return controls.n; }
    SliderField sliderField(String key) { return controls.sliders().get(key); }
    TabPane tabs() { return tabs; }
    String statusText() { return status.getText(); }

    /** Writes a figure as PNG at the given scale (1–3), or as CSV when scale is 0. */
    static void export(Figure figure, Path file, int scale) throws IOException {
        if (scale == 0) FigureExporter.writeCsv(figure, file);
        else FigureExporter.writePng(figure, file, scale);
    }

    // ---------------------------------------------------------------- layout and wiring

    private void build() {
        root.getStyleClass().add("posenc-panel");
        VBox encoding = PosEncLayout.group("Encoding E (p × N)", controls.p, controls.n,
                PosEncLayout.labelled(controls.label("base"), controls.base),
                PosEncLayout.labelled(controls.label("colormap"), controls.colorMap));
        encoding.setPrefWidth(220);
        facts.setWrapText(true);
        facts.getStyleClass().add("posenc-facts");
        VBox left = new VBox(12, encoding, new Separator(), facts);
        left.setPadding(new Insets(10));
        leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefWidth(245);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(leftScroll);

        for (PosEncTab t : tabViews) tabs.getTabs().add(t.tab());
        tabs.getTabs().forEach(t -> t.setClosable(false));
        root.setCenter(tabs);
        status.setPadding(new Insets(4, 10, 4, 10));
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label settingsLabel = new Label("Settings:");
        settingsLabel.getStyleClass().add("status-muted");
        HBox bottom = new HBox(4, status, settingsLabel, settingsFiles.loadButton(), settingsFiles.saveButton());
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(0, 8, 0, 0));
        settingsFiles.setOnMessage(m -> setStatus(m, false));
        root.setBottom(bottom);
        wire();
    }

    private void wire() {
        // Before the redraw below, so the plotted row is inside the new N when it is computed.
        controls.n.valueProperty().addListener(o -> controls.row.setMax(controls.n.intValue() - 1));
        // Every change recomputes; the worker keeps a drag from queueing work. The signal length
        // only matters when "Random signal" is pressed.
        for (SliderField f : controls.sliders().values()) {
            f.setOnRefused(this::refuse);
            if (f != controls.length) f.valueProperty().addListener(o -> request());
        }
        controls.colorMap.valueProperty().addListener(o -> request());
        controls.query.valueProperty().addListener(o -> request());
        controls.decomposition.selectedProperty().addListener(o -> request());
        tabs.getSelectionModel().selectedIndexProperty().addListener(o -> {
            // The encoding settings do not apply to the convolution tab; give its five views the room.
            root.setLeft(tabs.getSelectionModel().getSelectedIndex() == TAB_CONV ? null : leftScroll);
            request();
        });
        controls.base.setOnAction(e -> request());
        controls.base.focusedProperty().addListener((o, was, is) -> { if (!is) request(); });
        controls.seed.setOnAction(e -> request());
        controls.seed.focusedProperty().addListener((o, was, is) -> { if (!is) request(); });
        controls.signal.setOnAction(e -> commitSignal());
    }

    // ---------------------------------------------------------------- signal

    private void newRandomSignal() {
        Long s = controls.seed(this::refuse);
        if (s == null || !backendReady) return;
        int len = controls.length.intValue();
        worker.execute(() -> {
            double[] x = Signals.random(len, s);
            Platform.runLater(() -> {
                controls.showSignal(x);
                request();
            });
        });
    }

    private void commitSignal() {
        if (controls.commitSignal(this::refuse)) request();
    }

    // ---------------------------------------------------------------- computation

    private void request() {
        if (!backendReady) {
            setStatus("loading the ND4J backend…", false);
            return;
        }
        PosEncRequest r = controls.snapshot(tabs.getSelectionModel().getSelectedIndex(), this::refuse);
        if (r != null) worker.submit(r);
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
        setStatus(String.format(Locale.ROOT, "p = %d, N = %d: redrawn in %.0f ms (ND4J and figure data %.0f ms)", r.p(), r.n(),
                lastRedrawMillis, computed.computeMillis()), false);
        redraws.set(redraws.get() + 1);
    }

    private void refuse(String message) {
        setStatus("Refused: " + message, true);
    }

    private void setStatus(String text, boolean error) {
        status.setText(text);
        status.getStyleClass().remove("posenc-status-error");
        if (error) status.getStyleClass().add("posenc-status-error");
    }
}
