package nnlab.attncost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.GenericExperimentPanel;
import nnlab.app.PanelHeading;
import nnlab.app.widgets.NewestOnlyWorker;
import nnlab.app.widgets.SliderField;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.ViewSpec;

/**
 * The attention-cost lab: an Explore tab whose sliders recompute the counted costs, the exact
 * comparisons at small n and the weight heatmaps on one background thread that only computes the
 * newest setting (figures are rendered there too, so the redraw time shown ends with the pixels),
 * and a Measure tab, the generic run panel, for the timing sweep. "Measure with these settings"
 * hands the sliders' values to it.
 */
public final class AttentionCostPanel implements ExperimentPanel {
    /** The settings the sliders explore; the others (lengths, repeats, seed, …) come from the Measure tab's form. */
    static final List<String> EXPLORED = List.of("d", "k", "block", "small-n", "input-scale");

    private final Experiment experiment;
    private final GenericExperimentPanel measure;
    private final Map<String, SliderField> sliders = new LinkedHashMap<>();
    private final ComboBox<String> projection = new ComboBox<>();
    private final Button measureButton = new Button("Measure with these settings");
    private final Label status = new Label();
    private final Label facts = new Label();
    private final List<FigureCard> cards = new ArrayList<>();
    private final TabPane tabs = new TabPane();
    private final BorderPane explore = new BorderPane();
    private final NewestOnlyWorker<Request, Result> worker =
            new NewestOnlyWorker<>("attention-cost-explore", this::compute, this::show, m -> refuse("could not compute: " + m));
    private final ReadOnlyLongWrapper redraws = new ReadOnlyLongWrapper();
    private volatile double lastRedrawMillis = Double.NaN;
    private volatile double lastComputeMillis = Double.NaN;
    private boolean backendReady;

    private record Request(long startNanos, CostSettings settings, double pixelScale) { }

    private record Result(Request request, List<Figure> figures, List<Image> images, SmallStudy small, double computeMillis) { }

    public AttentionCostPanel(AppContext context, Experiment experiment) {
        this.experiment = experiment;
        this.measure = new GenericExperimentPanel(context, experiment);
        // Small matrices gain nothing from threads, and on a busy machine every OpenMP region of two
        // threads waited for a descheduled one: 64×64 softmax weights took 30–60 ms, 1.3 ms on one thread.
        worker.execute(() -> NativeSetup.limitComputeThreadsOfThisThread(1));
        build();
    }

    @Override public String title() { return experiment.title(); }

    @Override public Node view() { return tabs; }

    @Override
    public void onBackendReady() {
        measure.onBackendReady();
        if (backendReady) return;
        backendReady = true;
        request();
    }

    /** Puts the config into the sliders and the Measure form, then starts the measuring run. */
    @Override
    public boolean startRun(Config config) {
        loadSettings(config);
        tabs.getSelectionModel().select(1);
        return measure.startRun(config);
    }

    @Override
    public boolean loadSettings(Config config) {
        if (!measure.loadSettings(config)) return false;
        syncSliders(config);
        request();
        return true;
    }

    /**
     * The Measure tab's form is the one place the settings live: the sliders write into it, and a
     * config loaded into it moves the sliders. Throws ConfigException naming each refused field.
     */
    public Config currentConfig() {
        return measure.settingsForm().currentConfig();
    }

    /** Redraws completed so far; tests wait on it. */
    public ReadOnlyLongProperty redrawsProperty() { return redraws.getReadOnlyProperty(); }

    /** Time from the last slider change to its images being on screen, in ms. */
    public double lastRedrawMillis() { return lastRedrawMillis; }

    /** Of that, the time spent computing and rendering off the JavaFX thread, in ms. */
    public double lastComputeMillis() { return lastComputeMillis; }

    SliderField slider(String key) { return sliders.get(key); }

    List<FigureCard> cards() { return cards; }

    GenericExperimentPanel measurePanel() { return measure; }

    Button measureButton() { return measureButton; }

    String statusText() { return status.getText(); }

    String factsText() { return facts.getText(); }

    // ---------------------------------------------------------------- layout and wiring

    private void build() {
        VBox controls = new VBox(10);
        Label settingsTitle = new Label("Settings");
        settingsTitle.getStyleClass().add("pane-title");
        controls.getChildren().add(settingsTitle);
        for (String key : EXPLORED) {
            SliderField f = new SliderField(experiment.schema().setting(key), rule(key));
            f.setOnRefused(this::refuse);
            sliders.put(key, f);
            controls.getChildren().add(f);
        }
        var projectionSetting = experiment.schema().setting("projection");
        projection.getItems().addAll(projectionSetting.choices());
        projection.setValue(String.valueOf(projectionSetting.defaultValue()));
        projection.setId("projection-field");
        controls.getChildren().addAll(new Label(projectionSetting.label()), projection, measureButton, new Separator(), facts);
        facts.setWrapText(true);
        controls.setPadding(new Insets(10));
        controls.setPrefWidth(250);
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        explore.setLeft(left);

        // Cards of a fixed size in a flow: a grid whose columns follow the width can keep re-laying itself out
        // as images of a new size arrive.
        FlowPane grid = new FlowPane(12, 12);
        grid.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        grid.setPadding(new Insets(10));
        for (ViewSpec v : ExploreViews.VIEWS) {
            FigureCard card = new FigureCard(v.id(), v.title());
            cards.add(card);
            grid.getChildren().add(card);
        }
        ScrollPane centre = new ScrollPane(grid);
        centre.setFitToWidth(true);
        centre.viewportBoundsProperty().addListener((o, a, b) -> grid.setPrefWrapLength(Math.max(300, b.getWidth() - 20)));
        status.setPadding(new Insets(4, 10, 4, 10));
        status.setWrapText(true);
        // The same header as the Measure tab's (and every panel's): title, description, reading guide.
        BorderPane right = new BorderPane(centre);
        right.setTop(PanelHeading.header(experiment.title(), experiment.description(), experiment.howToRead()));
        right.setBottom(status);
        right.getStyleClass().add("experiment-centre");
        explore.setCenter(right);

        Tab exploreTab = new Tab("Explore", explore);
        Tab measureTab = new Tab("Measure", measure.view());
        exploreTab.setClosable(false);
        measureTab.setClosable(false);
        tabs.getTabs().addAll(exploreTab, measureTab);

        sliders.get("small-n").valueProperty().addListener(o -> sliders.get("k").setMax(sliders.get("small-n").intValue()));
        sliders.get("k").setMax(sliders.get("small-n").intValue());
        for (SliderField f : sliders.values()) f.valueProperty().addListener(o -> toForm(f.setting().key(), f.setting().format(f.typedValue())));
        projection.valueProperty().addListener(o -> toForm("projection", projection.getValue()));
        measure.settingsForm().addConfigListener(c -> {
            if (syncing) return;
            syncSliders(c);
            request();
        });
        measureButton.setOnAction(e -> measureWithSliders());
    }

    /** What a slider's own range cannot say: k is bounded by small n (the rank of an n×n matrix). */
    private java.util.function.DoubleFunction<String> rule(String key) {
        if (!key.equals("k")) return null;
        return v -> v > sliders.get("small-n").intValue()
                ? "k must be at most small n = " + sliders.get("small-n").intValue() + ", got " + (int) v : null;
    }

    private boolean syncing;

    private void toForm(String key, String text) {
        if (syncing) return;
        // The form's listener must not move the sliders back to its other, not yet updated values.
        syncing = true;
        try {
            measure.settingsForm().setText(key, text);
        } finally {
            syncing = false;
        }
        // The form calls back (and redraws) only for a valid config; this reports an invalid one.
        request();
    }

    private void syncSliders(Config c) {
        if (syncing) return;
        syncing = true;
        try {
            // small n first: it bounds k.
            sliders.get("small-n").setValue(c.getInt("small-n"));
            for (SliderField f : sliders.values()) {
                double v = c.getDouble(f.setting().key());
                if (v != f.value()) f.setValue(v);
            }
            if (!c.getString("projection").equals(projection.getValue())) projection.setValue(c.getString("projection"));
        } finally {
            syncing = false;
        }
    }

    private void measureWithSliders() {
        try {
            Config c = currentConfig();
            tabs.getSelectionModel().select(1);
            measure.startRun(c);
        } catch (ConfigException e) {
            refuse(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- computation

    private void request() {
        if (!backendReady) {
            setStatus("loading the ND4J backend…", false);
            return;
        }
        CostSettings s;
        try {
            s = CostSettings.of(currentConfig());
        } catch (ConfigException e) {
            refuse(e.getMessage());
            return;
        }
        double scale = explore.getScene() == null || explore.getScene().getWindow() == null ? 1
                : Math.max(1, explore.getScene().getWindow().getOutputScaleX());
        worker.submit(new Request(System.nanoTime(), s, scale));
    }

    /** The last request's parts, reused when a slider leaves their inputs unchanged; worker thread only. */
    private List<Object> lastCostKey, lastComparisonKey;
    private double lastScale;
    private List<Figure> lastCostFigures, lastComparisonFigures;
    private List<Image> lastCostImages, lastComparisonImages;
    private SmallStudy lastSmall;

    private Result compute(Request r) {
        long t0 = System.nanoTime();
        CostSettings s = r.settings();
        boolean sameScale = r.pixelScale() == lastScale;
        lastScale = r.pixelScale();
        if (!sameScale || !ExploreViews.costKey(s).equals(lastCostKey)) {
            lastCostFigures = ExploreViews.costCurves(s);
            lastCostImages = render(lastCostFigures, r.pixelScale());
            lastCostKey = ExploreViews.costKey(s);
        }
        if (!sameScale || !ExploreViews.comparisonKey(s).equals(lastComparisonKey)) {
            lastSmall = SmallStudy.compute(s);
            lastComparisonFigures = ExploreViews.comparisons(lastSmall);
            lastComparisonImages = render(lastComparisonFigures, r.pixelScale());
            lastComparisonKey = ExploreViews.comparisonKey(s);
        }
        List<Figure> figures = new ArrayList<>(lastCostFigures);
        figures.addAll(lastComparisonFigures);
        List<Image> images = new ArrayList<>(lastCostImages);
        images.addAll(lastComparisonImages);
        return new Result(r, figures, images, lastSmall, (System.nanoTime() - t0) / 1e6);
    }

    private static List<Image> render(List<Figure> figures, double scale) {
        List<Image> images = new ArrayList<>();
        for (Figure f : figures) images.add(FigureCard.render(f, scale));
        return images;
    }

    private void show(Result result) {
        for (int i = 0; i < cards.size(); i++) cards.get(i).show(result.figures().get(i), result.images().get(i), result.request().pixelScale());
        CostSettings s = result.request().settings();
        facts.setText(facts(s, result.small()));
        lastRedrawMillis = (System.nanoTime() - result.request().startNanos()) / 1e6;
        lastComputeMillis = result.computeMillis();
        setStatus(String.format(Locale.ROOT, "The figures show d = %d, k = %d, block = %d, small n = %d.",
                s.d(), s.k(), s.block(), s.smallN()), false);
        // The timing is for whoever tunes the lab, not for the student: it goes in the tooltip.
        status.setTooltip(new javafx.scene.control.Tooltip(String.format(Locale.ROOT,
                "Redrawn %.0f ms after the change (ND4J, figures and rendering: %.0f ms)", lastRedrawMillis, lastComputeMillis)));
        redraws.set(redraws.get() + 1);
    }

    static String facts(CostSettings s, SmallStudy small) {
        StringBuilder sb = new StringBuilder("Largest n in 1 GiB (float32, memory model, inputs included):\n");
        for (CostModel.Method m : CostModel.Method.values()) {
            sb.append(String.format(Locale.ROOT, "  %s: %,d%n", m.label(), CostModel.largestN(m, s.shape(s.nMax()), CostSweep.BYTES, CostModel.GIB)));
        }
        CostModel.Shape top = s.shape(s.nMax());
        sb.append(String.format(Locale.ROOT, "At n = %d: softmax %.3g multiply-adds, linear %.3g, low-rank %.3g.%n", s.nMax(),
                CostModel.multiplyAdds(CostModel.Method.SOFTMAX, top), CostModel.multiplyAdds(CostModel.Method.LINEAR, top),
                CostModel.multiplyAdds(CostModel.Method.PROJECTED, top)));
        sb.append(String.format(Locale.ROOT, "Tiled moves %.3g× fewer bytes than standard.%n",
                CostModel.elementsMoved(false, top) / CostModel.elementsMoved(true, top)));
        sb.append(String.format(Locale.ROOT, "At n = %d, k = %d: error of the rank-k SVD %.3g, of the projected form %.3g, of linear attention %.3g.",
                small.n(), small.k(), small.svdErrorAtK(), small.projectedErrorAtK(), small.linearError()));
        return sb.toString();
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
