package nnlab.posenc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nnlab.app.ExperimentPanel;
import nnlab.app.LiveScrollPane;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.figure.LineFigure;

/**
 * The interactive positional-encoding panel (spec §3). Every control change recomputes the visible
 * tab's matrices with ND4J on one background thread; requests are coalesced so a fast drag only
 * computes the newest setting, and the result is drawn into WritableImages on the JavaFX thread.
 */
public final class PosEncPanel implements ExperimentPanel {
    static final int TAB_GRAM = 0, TAB_CONTENT = 1, TAB_ATTENTION = 2, TAB_CONV = 3;

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    private final Label facts = new Label();

    // Encoding (shared by every tab).
    private final SliderField p = new SliderField("p", "Dimension p", "Rows of E; even (a sin and a cos row per frequency), 2 … "
            + SinusoidalEncoding.MAX_P + ".", 2, SinusoidalEncoding.MAX_P, 256, 2, true,
            v -> ((int) v) % 2 != 0 ? "p must be even (sin and cos come in pairs), got " + (int) v : null);
    private final SliderField n = new SliderField("n", "Positions N", "Columns of E; EᵀE is N×N. 1 … " + SinusoidalEncoding.MAX_N + ".",
            1, SinusoidalEncoding.MAX_N, 64, 1, true, v -> v < 1 ? "N must be at least 1, got " + (int) v : null);
    private final TextField base = new TextField("10000");
    private final ComboBox<String> colorMap = new ComboBox<>();
    // EᵀE tab.
    private final SliderField row = new SliderField("row", "Plotted row i", "The row of EᵀE drawn as a line on the right.",
            0, 63, 0, 1, true, v -> null);
    // Content tab.
    private final SliderField sigma = new SliderField("sigma-scale", "σ scale of X",
            "X ~ Normal(μ_E, (scale·σ_E)²): μ_E and σ_E are the mean and std of E's entries.", 0, 5, 1, 0.05, false,
            v -> v < 0 ? "σ scale must be ≥ 0" : null);
    private final SliderField draw = new SliderField("draw", "Draw of X", "Which seeded draw of X is shown.", 0, 99, 0, 1, true, v -> null);
    private final TextField seed = new TextField("1");
    private final CheckBox decomposition = new CheckBox("Show (X+E)ᵀ(X+E) = XᵀX + XᵀE + EᵀX + EᵀE");
    // Attention tab.
    private final ComboBox<String> query = new ComboBox<>();
    // Convolution tab.
    private final TextField signal = new TextField();
    private final SliderField length = new SliderField("length", "Signal length", "Length of a new random signal.", 2, Signals.MAX_LENGTH,
            32, 1, true, v -> null);
    private final SliderField k = new SliderField("k", "Half-width k", "Max pooling over i−k … i+k.", 0, 16, 2, 1, true, v -> null);
    private final SliderField c = new SliderField("c", "c = w_Q = w_K", "Scores c²·x_i·x_j: larger c, sharper softmax, closer to the max.",
            0, 20, 4, 0.1, false, v -> v < 0 ? "c must be ≥ 0" : null);
    private final Label convFacts = new Label();
    private ScrollPane leftScroll;
    /** Not a control here (the panel draws one X at a time); kept from loaded settings so saving keeps it. */
    private int draws = 5;
    private final ConfigSchema schema = new PosEncExperiment().schema();
    private final nnlab.app.SettingsFileActions settingsFiles = new nnlab.app.SettingsFileActions(
            PosEncExperiment.ID, schema, this::currentConfig, this::loadSettings);

    private final HeatmapView gramView = new HeatmapView();
    private final LinePlotView rowView = new LinePlotView();
    private final HeatmapView addedView = new HeatmapView();
    private final HeatmapView concatView = new HeatmapView();
    private final HeatmapView[] termViews = {new HeatmapView(), new HeatmapView(), new HeatmapView(), new HeatmapView()};
    private final HBox termsRow = new HBox(4);
    private final HeatmapView attentionView = new HeatmapView();
    private final HeatmapView convAttentionView = new HeatmapView();
    private final LinePlotView convOutputView = new LinePlotView();
    private final HeatmapView poolAttentionView = new HeatmapView();
    private final LinePlotView poolOutputView = new LinePlotView();
    private final LinePlotView errorView = new LinePlotView();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "posenc-compute");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();
    private long shownGeneration;
    private int shownP;
    private int shownN;
    private final ReadOnlyLongWrapper redraws = new ReadOnlyLongWrapper();
    private volatile double lastRedrawMillis = Double.NaN;
    private volatile double lastComputeMillis = Double.NaN;
    private double[] signalValues;
    private boolean backendReady;

    public PosEncPanel() {
        this(true);
    }

    /** @param initBackend false when the caller has initialised ND4J already (or will call onBackendReady) */
    PosEncPanel(boolean initBackend) {
        build();
        if (initBackend) NativeSetup.initAsync().thenRun(() -> Platform.runLater(this::onBackendReady));
    }

    /** The app's constructor: the app calls {@link #onBackendReady()} once ND4J has loaded. */
    public PosEncPanel(nnlab.app.AppContext context) {
        this(false);
    }

    @Override public String title() { return "Positional encodings"; }

    @Override public Node view() { return root; }

    /** Shows the views for a config (the app's autostart and the command line's settings use the same keys). */
    @Override
    public boolean startRun(nnlab.kernel.config.Config config) {
        draws = config.getInt("draws");
        p.setValue(config.getInt("p"));
        n.setValue(config.getInt("n"));
        base.setText(HeatmapColors.format(config.getDouble("base")));
        row.setValue(config.getInt("row"));
        colorMap.setValue(config.getString("colormap"));
        sigma.setValue(config.getDouble("sigma-scale"));
        draw.setValue(config.getInt("draw"));
        seed.setText(String.valueOf(config.getInt("seed")));
        k.setValue(config.getInt("k"));
        c.setValue(config.getDouble("c"));
        length.setValue(config.getInt("length"));
        String text = config.getString("signal");
        if (text != null && !text.isBlank()) {
            signal.setText(text);
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
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("p", p.intValue());
        values.put("n", n.intValue());
        values.put("base", base.getText().trim());
        values.put("row", row.intValue());
        values.put("colormap", colorMap.getValue());
        values.put("sigma-scale", sigma.value());
        values.put("draws", Math.max(draws, draw.intValue() + 1));
        values.put("draw", draw.intValue());
        values.put("seed", seed.getText().trim());
        values.put("signal", signal.getText().trim());
        values.put("length", length.intValue());
        values.put("k", k.intValue());
        values.put("c", c.value());
        return schema.fromValues(values);
    }

    nnlab.app.SettingsFileActions settingsFiles() { return settingsFiles; }

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
    public void setPositions(int positions) { n.setValue(positions); }

    HeatmapView gramView() { return gramView; }
    HeatmapView concatView() { return concatView; }
    SliderField pField() { return p; }
    SliderField nField() { return n; }
    TabPane tabs() { return tabs; }
    String statusText() { return status.getText(); }

    // ---------------------------------------------------------------- layout

    private void build() {
        root.getStyleClass().add("posenc-panel");
        colorMap.getItems().addAll(PosEncExperiment.COLOR_MAPS);
        colorMap.setValue("viridis");
        colorMap.setTooltip(new Tooltip("viridis, magma, gray: sequential. diverging: blue < 0 < red, centred on 0 (for signed data)."));
        base.setId("base-field");
        base.setTooltip(new Tooltip("ω_k = base^(−2k/p); any positive number (the usual value is 10000)."));
        query.getItems().addAll("E", "X+E", "[X|E]");
        query.setValue("E");
        query.setTooltip(new Tooltip("Q = K = E: position only; X + E: content added; [X | E]: content and position side by side."));
        seed.setPrefColumnCount(6);
        seed.setTooltip(new Tooltip("Seeds the draws of X (whole number ≥ 0)."));
        signal.setPromptText("comma-separated values");
        signal.setTooltip(new Tooltip("The input signal x; edit and press Enter. At least 2 values."));
        signalValues = Signals.random(32, 1);
        signal.setText(Signals.format(signalValues));

        VBox encoding = group("Encoding E (p × N)", p, n, labelled("Base", base), labelled("Colour map", colorMap));
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

        // EᵀE
        VBox gramControls = controlsRow(row);
        HBox gramPane = new HBox(8, withExport(gramView, gramView::figure), withExport(rowView, rowView::figure));
        // The square heatmap takes what the row plot leaves; the plot reads fine narrow.
        HBox.setHgrow(gramPane.getChildren().get(0), Priority.ALWAYS);
        rowView.setPrefWidth(300);
        gramView.setPrefWidth(600);
        VBox.setVgrow(gramPane, Priority.ALWAYS);
        Tab gramTab = new Tab("EᵀE", scroll(new VBox(8, gramControls, gramPane)));

        // Added vs concatenated
        Button next = new Button("Next draw");
        next.setTooltip(new Tooltip("Show the next seeded draw of X."));
        next.setOnAction(e -> draw.setValue(Math.min(draw.slider().getMax(), draw.value() + 1)));
        HBox seedBox = new HBox(6, new Label("Seed"), seed, next);
        seedBox.setAlignment(Pos.CENTER_LEFT);
        VBox contentControls = controlsRow(sigma, draw, seedBox, decomposition);
        HBox pair = new HBox(8, withExport(addedView, addedView::figure), withExport(concatView, concatView::figure));
        pair.getChildren().forEach(nd -> HBox.setHgrow(nd, Priority.ALWAYS));
        VBox.setVgrow(pair, Priority.ALWAYS);
        for (int t = 0; t < 4; t++) {
            HeatmapView v = termViews[t];
            v.setPrefSize(300, 280);
            if (t > 0) termsRow.getChildren().add(bigSymbol("+"));
            termsRow.getChildren().add(withExport(v, v::figure));
            HBox.setHgrow(termsRow.getChildren().get(termsRow.getChildren().size() - 1), Priority.ALWAYS);
        }
        termsRow.setAlignment(Pos.CENTER);
        termsRow.visibleProperty().bind(decomposition.selectedProperty());
        termsRow.managedProperty().bind(decomposition.selectedProperty());
        Label contentNote = note("Adding puts content and position in the same coordinates: (X+E)ᵀ(X+E) mixes in the cross terms XᵀE + EᵀX and loses "
                + "the Toeplitz structure. Concatenating keeps them apart: EᵀE survives untouched as the bottom-right block.");
        Tab contentTab = new Tab("Added vs concatenated", scroll(new VBox(8, contentControls, contentNote, pair, termsRow)));

        // Attention
        HBox queryBox = new HBox(6, new Label("Q = K ="), query);
        queryBox.setAlignment(Pos.CENTER_LEFT);
        Label attNote = note("softmax(QᵀK/√p), row by row: row i is how strongly query i attends to each key. X uses the σ scale, seed and draw "
                + "of the previous tab.");
        Node attentionBox = withExport(attentionView, attentionView::figure);
        VBox.setVgrow(attentionBox, Priority.ALWAYS);
        Tab attentionTab = new Tab("Attention", scroll(new VBox(8, controlsRow(queryBox), attNote, attentionBox)));

        // Attention as convolution / max pooling
        Button random = new Button("Random signal");
        random.setTooltip(new Tooltip("A new random positive signal of the chosen length (seeded by the seed field)."));
        random.setOnAction(e -> newRandomSignal());
        signal.setOnAction(e -> commitSignal());
        signal.setPrefColumnCount(34);
        HBox signalBox = new HBox(6, new Label("Signal x"), signal, random);
        signalBox.setAlignment(Pos.CENTER_LEFT);
        Label convNote = note("Conv1D y(i) = 2·x(i−1) + x(i+1) is attention with w_Q = w_K = 0, w_V = 3 and relative-position bias b(+1) = ln 2, "
                + "b(−1) = 0, b = −∞ elsewhere (weights 2/3, 1/3). Borders: at i = 0 and i = n−1 one neighbour does not exist. Conv1D pads "
                + "it with 0; softmax instead renormalises over the one neighbour left, so attention gives 3·x(1) instead of x(1) and "
                + "3·x(n−2) instead of 2·x(n−2) — the only two places they differ. Max pooling: b = 0 inside |i−j| ≤ k, −∞ outside, "
                + "w_V = 1, w_Q = w_K = c; the window is cut at the ends for both, so borders agree. For positive x the error shrinks as c grows.");
        convFacts.getStyleClass().add("posenc-emphasis");
        convFacts.setWrapText(true);
        convFacts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(withExport(convAttentionView, convAttentionView::figure), 0, 0);
        grid.add(withExport(convOutputView, convOutputView::figure), 1, 0, 2, 1);
        grid.add(withExport(poolAttentionView, poolAttentionView::figure), 0, 1);
        grid.add(withExport(poolOutputView, poolOutputView::figure), 1, 1);
        grid.add(withExport(errorView, errorView::figure), 2, 1);
        for (double pct : new double[] {32, 34, 34}) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(pct);
            grid.getColumnConstraints().add(cc);
        }
        for (HeatmapView v : List.of(convAttentionView, poolAttentionView)) v.setPrefSize(340, 330);
        for (LinePlotView v : List.of(convOutputView, poolOutputView, errorView)) v.setPrefSize(360, 330);
        Tab convTab = new Tab("Attention as conv / max pool",
                scroll(new VBox(8, controlsRow(signalBox, length, k, c), convNote, convFacts, grid)));

        tabs.getTabs().addAll(gramTab, contentTab, attentionTab, convTab);
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

        // Every change recomputes; the coalescing in request() keeps a drag from queueing work.
        p.valueProperty().addListener(o -> request());
        n.valueProperty().addListener(o -> {
            row.setMax(n.intValue() - 1);
            request();
        });
        row.valueProperty().addListener(o -> request());
        sigma.valueProperty().addListener(o -> request());
        draw.valueProperty().addListener(o -> request());
        k.valueProperty().addListener(o -> request());
        c.valueProperty().addListener(o -> request());
        colorMap.valueProperty().addListener(o -> request());
        query.valueProperty().addListener(o -> request());
        decomposition.selectedProperty().addListener(o -> request());
        tabs.getSelectionModel().selectedIndexProperty().addListener(o -> {
            // The encoding settings do not apply to the convolution tab; give its five views the room.
            root.setLeft(tabs.getSelectionModel().getSelectedIndex() == TAB_CONV ? null : leftScroll);
            request();
        });
        base.setOnAction(e -> request());
        base.focusedProperty().addListener((o, was, is) -> { if (!is) request(); });
        seed.setOnAction(e -> request());
        seed.focusedProperty().addListener((o, was, is) -> { if (!is) request(); });
        for (SliderField f : List.of(p, n, row, sigma, draw, length, k, c)) f.setOnRefused(this::refuse);
    }

    private static VBox group(String title, Node... nodes) {
        Label t = new Label(title);
        t.getStyleClass().add("posenc-view-title");
        VBox box = new VBox(10, t);
        box.getChildren().addAll(nodes);
        return box;
    }

    private static Node labelled(String label, Node control) {
        HBox box = new HBox(6, new Label(label), new javafx.scene.layout.Region(), control);
        HBox.setHgrow(box.getChildren().get(1), Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static VBox controlsRow(Node... nodes) {
        // A FlowPane wraps onto a second line instead of squeezing labels into "…".
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(18, 8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node nd : nodes) {
            if (nd instanceof SliderField s) {
                s.setPrefWidth(210);
                s.setMinWidth(210);
            }
        }
        VBox box = new VBox(row);
        box.setPadding(new Insets(6, 4, 2, 4));
        return box;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("posenc-note");
        l.setPadding(new Insets(0, 4, 0, 4));
        // Without this the tab's fit-to-height layout squeezes the note to one truncated line.
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label bigSymbol(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("posenc-big-number");
        return l;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane sp = new LiveScrollPane(content);
        sp.setFitToWidth(true);
        // Fill the tab's height when there is room; scroll only when the views' minimum sizes do not fit.
        sp.setFitToHeight(true);
        sp.setPadding(new Insets(6));
        return sp;
    }

    /** The view under a thin strip holding its Export menu (PNG 1×/2×/3×, CSV), so the menu never covers the title. */
    private Node withExport(javafx.scene.layout.Region view, Supplier<Figure> figure) {
        MenuButton export = exportMenu(figure);
        HBox strip = new HBox(export);
        strip.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(0, strip, view);
        VBox.setVgrow(view, Priority.ALWAYS);
        box.getStyleClass().add("posenc-box");
        return box;
    }

    private MenuButton exportMenu(Supplier<Figure> figure) {
        MenuButton b = nnlab.app.Exports.menuButton(figure);
        b.getStyleClass().add("posenc-small-button");
        return b;
    }

    /** Writes a figure as PNG at the given scale (1–3), or as CSV when scale is 0. */
    static void export(Figure figure, Path file, int scale) throws IOException {
        if (scale == 0) FigureExporter.writeCsv(figure, file);
        else FigureExporter.writePng(figure, file, scale);
    }

    // ---------------------------------------------------------------- signal

    private void newRandomSignal() {
        Long s = parseSeed();
        if (s == null) return;
        if (!backendReady) return;
        int len = length.intValue();
        worker.execute(() -> {
            double[] x = Signals.random(len, s);
            Platform.runLater(() -> {
                signalValues = x;
                signal.setText(Signals.format(x));
                markInvalid(signal, false);
                request();
            });
        });
    }

    private void commitSignal() {
        try {
            signalValues = Signals.parse(signal.getText());
            markInvalid(signal, false);
            request();
        } catch (IllegalArgumentException e) {
            markInvalid(signal, true);
            refuse("signal: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- computation

    /** One snapshot of the settings, taken on the JavaFX thread. */
    private record Request(long generation, long startNanos, int tab, int p, int n, double base, int row, ColorMap map,
                           double sigma, long seed, int draw, boolean terms, PosEncStudy.Query query, double[] signal,
                           int k, double c) { }

    private record Result(Request request, PosEncHeatmap[] heatmaps, LineFigure[] lines, String facts, double computeMillis) { }

    private Long parseSeed() {
        try {
            long s = Long.parseLong(seed.getText().trim());
            if (s < 0) throw new NumberFormatException();
            markInvalid(seed, false);
            return s;
        } catch (NumberFormatException e) {
            markInvalid(seed, true);
            refuse("seed must be a whole number ≥ 0, got '" + seed.getText() + "'");
            return null;
        }
    }

    private void request() {
        if (!backendReady) {
            setStatus("loading the ND4J backend…", false);
            return;
        }
        double b;
        try {
            b = Double.parseDouble(base.getText().trim());
        } catch (NumberFormatException e) {
            markInvalid(base, true);
            refuse("base must be a positive number, got '" + base.getText() + "'");
            return;
        }
        String problem = SinusoidalEncoding.problem(p.intValue(), n.intValue(), b);
        if (problem != null) {
            if (problem.startsWith("base")) markInvalid(base, true);
            refuse(problem);
            return;
        }
        markInvalid(base, false);
        Long s = parseSeed();
        if (s == null) return;
        Request r = new Request(generation.incrementAndGet(), System.nanoTime(), tabs.getSelectionModel().getSelectedIndex(),
                p.intValue(), n.intValue(), b, Math.min(row.intValue(), n.intValue() - 1),
                PosEncExperiment.colorMap(colorMap.getValue()), sigma.value(), s, draw.intValue(), decomposition.isSelected(),
                PosEncStudy.Query.of(query.getValue()), signalValues, k.intValue(), c.value());
        // Coalescing: only one task is ever queued; it takes whatever request is newest when it starts.
        if (pending.getAndSet(r) == null) worker.execute(this::drain);
    }

    private void drain() {
        Request r = pending.getAndSet(null);
        if (r == null) return;
        Result result;
        try {
            long t0 = System.nanoTime();
            Result raw = compute(r);
            result = new Result(r, raw.heatmaps(), raw.lines(), raw.facts(), (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException | OutOfMemoryError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Platform.runLater(() -> refuse("could not compute: " + msg));
            return;
        }
        Platform.runLater(() -> apply(result));
    }

    private Result compute(Request r) {
        switch (r.tab()) {
            case TAB_GRAM: {
                PosEncStudy.EncodingView v = PosEncStudy.encoding(r.p(), r.n(), r.base(), r.row());
                String f = String.format(Locale.ROOT, "EᵀE: every diagonal entry is %s (p/2 = %s).%nLargest deviation from Toeplitz "
                        + "(entry vs its diagonal's first entry): %.2e.", HeatmapView.fullFormat(v.diagonalMax()),
                        HeatmapColors.format(r.p() / 2.0), v.toeplitzDeviation());
                return new Result(r, new PosEncHeatmap[] {PosEncFigures.gram(v, r.p(), r.base(), r.map())},
                        new LineFigure[] {PosEncFigures.gramRow(v)}, f, 0);
            }
            case TAB_CONTENT: {
                PosEncStudy.ContentView v = PosEncStudy.content(r.p(), r.n(), r.base(), r.sigma(), r.seed(), r.draw(), r.terms());
                PosEncHeatmap[] maps = new PosEncHeatmap[r.terms() ? 6 : 2];
                maps[0] = PosEncFigures.added(v, r.draw(), r.map());
                maps[1] = PosEncFigures.concatenated(v, r.n(), r.draw(), r.map());
                if (r.terms()) for (int t = 0; t < 4; t++) maps[2 + t] = PosEncFigures.term(v, t, r.map());
                String f = String.format(Locale.ROOT, "Draw %d: ‖XᵀE + EᵀX‖ / ‖EᵀE‖ = %.3f; correlation of (X+E)ᵀ(X+E) with EᵀE = %.3f; "
                        + "its largest deviation from Toeplitz = %.3g (EᵀE's is ~0).", r.draw(), v.crossRatio(), v.correlationWithEtE(),
                        v.addedToeplitzDeviation());
                return new Result(r, maps, new LineFigure[0], f, 0);
            }
            case TAB_ATTENTION: {
                Matrix a = PosEncStudy.attention(r.p(), r.n(), r.base(), r.sigma(), r.seed(), r.draw(), r.query());
                String f = String.format(Locale.ROOT, "%s: mean weight a position gives itself = %.3f (uniform would be %.3g).",
                        r.query().caption, PosEncStudy.meanDiagonal(a), 1.0 / a.cols());
                return new Result(r, new PosEncHeatmap[] {PosEncFigures.attention(a, r.query(), r.p(), r.n(), r.map())}, new LineFigure[0], f, 0);
            }
            default: {
                double[] x = r.signal();
                AttentionAsConvolution.Result conv = AttentionAsConvolution.convolution(x);
                AttentionAsConvolution.Result pool = AttentionAsConvolution.maxPool(x, r.k(), r.c());
                double[] sweep = PosEncExperiment.sweepWith(r.c());
                double[] errors = new double[sweep.length];
                for (int i = 0; i < sweep.length; i++) errors[i] = AttentionAsConvolution.maxPool(x, r.k(), sweep[i]).maxAbsError();
                boolean positive = true;
                for (double v : x) positive &= v > 0;
                String f = String.format(Locale.ROOT, "Conv1D: max |error| %.2e away from the borders, %.3g at the borders.   "
                        + "Max pool (k = %d, c = %s): max |error| %.3g%s", conv.maxAbs(1, x.length - 1), conv.maxAbsError(), r.k(),
                        HeatmapColors.format(r.c()), pool.maxAbsError(), positive ? "" : "   (the signal has values ≤ 0: the approximation needs positive inputs)");
                return new Result(r, new PosEncHeatmap[] {PosEncFigures.convAttention(conv, r.map()), PosEncFigures.poolAttention(pool, r.k(), r.c(), r.map())},
                        new LineFigure[] {PosEncFigures.convOutput(x, conv), PosEncFigures.poolOutput(x, pool, r.k(), r.c()),
                                PosEncFigures.errorVsC(sweep, errors, r.k(), r.c())}, f, 0);
            }
        }
    }

    private void apply(Result result) {
        Request r = result.request();
        // Results arrive in order from one thread; never let an older one overwrite a newer one.
        if (r.generation() < shownGeneration) return;
        shownGeneration = r.generation();
        shownP = r.p();
        shownN = r.n();
        nnlab.app.RepaintAnchor.touch(facts);
        switch (r.tab()) {
            case TAB_GRAM -> {
                gramView.show(result.heatmaps()[0]);
                rowView.show(result.lines()[0]);
                facts.setText(result.facts());
            }
            case TAB_CONTENT -> {
                addedView.show(result.heatmaps()[0]);
                concatView.show(result.heatmaps()[1]);
                for (int t = 0; t < 4 && result.heatmaps().length > 2; t++) termViews[t].show(result.heatmaps()[2 + t]);
                facts.setText(result.facts());
            }
            case TAB_ATTENTION -> {
                attentionView.show(result.heatmaps()[0]);
                facts.setText(result.facts());
            }
            default -> {
                convAttentionView.show(result.heatmaps()[0]);
                poolAttentionView.show(result.heatmaps()[1]);
                convOutputView.show(result.lines()[0]);
                poolOutputView.show(result.lines()[1]);
                errorView.show(result.lines()[2]);
                convFacts.setText(result.facts());
                facts.setText("");
            }
        }
        lastRedrawMillis = (System.nanoTime() - r.startNanos()) / 1e6;
        lastComputeMillis = result.computeMillis();
        setStatus(String.format(Locale.ROOT, "p = %d, N = %d: redrawn in %.0f ms (ND4J and figure data %.0f ms)", r.p(), r.n(),
                lastRedrawMillis, result.computeMillis()), false);
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

    /** Toggles the shared "invalid" look from nnlab.css. */
    private static void markInvalid(javafx.scene.Node node, boolean invalid) {
        node.getStyleClass().remove("invalid");
        if (invalid) node.getStyleClass().add("invalid");
    }
}
