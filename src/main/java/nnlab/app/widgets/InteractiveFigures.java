package nnlab.app.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import nnlab.app.FigureView;
import nnlab.app.LiveScrollPane;
import nnlab.app.ResponsiveGrid;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.run.ViewSpec;

/**
 * An interactive lab: controls made from some settings of a schema on the left, the lab's
 * figures (the app's {@link FigureView}, with its export menu) on the right. Every change is
 * validated by the schema (a refused value is reported with its field, the figures keep the last
 * valid setting), then computed on one background thread that only computes the newest request,
 * and the figures are replaced on the JavaFX thread. The computation is the experiment's own, so
 * the panel draws what {@code nnlab run} writes.
 */
public final class InteractiveFigures {
    /** The narrowest cell of the figures' grid: a 640-pt figure and its card's padding. */
    public static final double CELL_WIDTH = 670;
    /** Figures alone in a wide row grow at most this much beyond their natural size. */
    public static final double MAX_ZOOM = 1.1;
    private final ConfigSchema schema;
    private final SchemaControls controls;
    private final Supplier<Map<String, Object>> otherValues;
    private final Map<String, FigureView> views = new LinkedHashMap<>();
    private final NewestOnlyWorker<Request, Computed> worker;
    /** The figures last computed, by view id; read and written only on the worker's thread. */
    private final Map<String, Figure> lastComputed = new java.util.HashMap<>();
    private final Function<Config, Map<String, Figure>> compute;
    /** The figures with the status line below them. */
    private final BorderPane content = new BorderPane();
    private final VBox left;
    private BorderPane bare;
    private final Label status = new Label();
    private final ReadOnlyLongWrapper redraws = new ReadOnlyLongWrapper();
    private volatile double lastRedrawMillis = Double.NaN;
    private volatile double lastComputeMillis = Double.NaN;
    private boolean backendReady;
    private Config shown;

    /** A change to compute, with the size each figure is shown at (read on the JavaFX thread when it was asked for). */
    private record Request(long startNanos, Config config, Map<String, FigureView.ShownSize> sizes) { }

    /** The figures that changed, and those of them already rendered for their view's size. */
    private record Computed(Request request, Map<String, Figure> figures, Map<String, Image> images, double computeMillis) { }

    /**
     * @param keys        the settings with a control here
     * @param otherValues values of the schema's other settings (e.g. another tab's controls); absent keys take their defaults
     * @param views       the figures shown, in order; compute returns them by view id
     */
    public InteractiveFigures(String threadName, ConfigSchema schema, List<String> keys, Supplier<Map<String, Object>> otherValues,
                              List<ViewSpec> views, Function<Config, Map<String, Figure>> compute) {
        this.schema = schema;
        this.controls = new SchemaControls(schema, keys);
        this.otherValues = otherValues;
        this.compute = compute;
        this.worker = new NewestOnlyWorker<>(threadName, this::computeNow, this::show, m -> setStatus("Could not compute: " + m, true));
        // A lab's matrices are small: OpenMP's second thread only adds waiting (measured on the
        // gradients chain: 102 ms per change with ND4J's default threads, 49 ms on one).
        worker.execute(() -> nnlab.kernel.NativeSetup.limitComputeThreadsOfThisThread(1));
        // A figure's text is drawn at its natural size (ticks 11 px) only in a cell as wide as the
        // figure: two 340-px columns at 1280–1400 px shrank the axis text to 7 px. So a second
        // column comes only when both get the natural width, and one figure per row stops at a
        // modest zoom instead of filling a wide column a screen tall.
        ResponsiveGrid grid = new ResponsiveGrid(CELL_WIDTH);
        for (ViewSpec v : views) {
            FigureView fv = new FigureView(v.id(), v.title(), "The figure appears here once ND4J has loaded.");
            fv.setMaxZoom(MAX_ZOOM);
            this.views.put(v.id(), fv);
            grid.addItem(fv, false);
        }
        ScrollPane scroll = new LiveScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("content-scroll");
        grid.setPadding(new Insets(14, 16, 16, 16));
        content.setCenter(scroll);
        left = controls.layout();
        left.setPadding(new Insets(4, 14, 16, 14));
        status.setPadding(new Insets(4, 10, 4, 10));
        status.setWrapText(true);
        content.setBottom(status);
        controls.setOnRefused(m -> setStatus("Refused: " + m, true));
        controls.addChangeListener(this::request);
    }

    /** The controls beside the figures, without the panel shell (the benchmark's window). */
    public Node view() {
        if (bare == null) {
            ScrollPane leftScroll = new ScrollPane(left);
            leftScroll.setFitToWidth(true);
            leftScroll.setPrefWidth(260);
            leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            bare = new BorderPane(content, null, null, null, leftScroll);
        }
        return bare;
    }

    /** The figures and the status line, for a shell that places {@link #controlsBox()} itself. */
    public Node content() { return content; }

    /** The controls' column, to add notes or buttons below them. */
    public VBox controlsBox() { return left; }

    public SchemaControls controls() { return controls; }

    public FigureView figureView(String id) { return views.get(id); }

    /** Redraws completed so far; tests and the benchmark wait on it. */
    public ReadOnlyLongProperty redrawsProperty() { return redraws.getReadOnlyProperty(); }

    /** Time from the last accepted change to its figures being handed to the views, in ms. */
    public double lastRedrawMillis() { return lastRedrawMillis; }

    /** Of that, the time spent computing the figures off the JavaFX thread, in ms. */
    public double lastComputeMillis() { return lastComputeMillis; }

    /** The config of the figures on screen (null before the first). */
    public Config shownConfig() { return shown; }

    public String statusText() { return status.getText(); }

    /** The settings shown as a config; throws ConfigException naming every refused field. */
    public Config currentConfig() {
        Map<String, Object> values = new LinkedHashMap<>(otherValues.get());
        values.putAll(controls.values());
        return schema.fromValues(values);
    }

    public void backendReady() {
        if (backendReady) return;
        backendReady = true;
        request();
    }

    /** Shows a config's values and computes its figures. */
    public void load(Config config) {
        controls.load(config);
        request();
    }

    /** Validates the controls' values and asks for their figures (only the newest request is computed). */
    public void request() {
        if (!backendReady) {
            setStatus("loading the ND4J backend…", false);
            return;
        }
        Config config;
        try {
            config = currentConfig();
        } catch (ConfigException e) {
            controls.markInvalid(e.problems().isEmpty() ? null : e.problems().get(0).key());
            setStatus("Refused: " + e.getMessage().replace('\n', ' '), true);
            return;
        }
        controls.markInvalid(null);
        Map<String, FigureView.ShownSize> sizes = new java.util.HashMap<>();
        views.forEach((id, v) -> {
            FigureView.ShownSize size = v.shownSize();
            if (size != null) sizes.put(id, size);
        });
        worker.submit(new Request(System.nanoTime(), config, sizes));
    }

    private Computed computeNow(Request r) {
        long t0 = System.nanoTime();
        Map<String, Figure> figures = compute.apply(r.config());
        // A slider moves only some of a lab's figures (k leaves the JL corollary's three alone): the
        // same title and data need no second render and image copy. Compared here, on the worker,
        // against the last figures computed (every result is shown, in order, so those are on screen).
        Map<String, Figure> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            if (!sameContent(lastComputed.get(e.getKey()), e.getValue())) changed.put(e.getKey(), e.getValue());
        }
        lastComputed.putAll(figures);
        double computeMillis = (System.nanoTime() - t0) / 1e6;
        // Rendered here, on the lab's own thread, for the size each view shows: the JavaFX thread then
        // only swaps images, all in one go, instead of a hop to the render thread and back per figure,
        // each of which waited behind the frame the previous figure caused (jl: 40–130 ms each under load).
        Map<String, Image> images = new java.util.HashMap<>();
        for (Map.Entry<String, Figure> e : changed.entrySet()) {
            FigureView.ShownSize size = r.sizes().get(e.getKey());
            if (size == null) continue;
            Image img = size.render(e.getValue());
            if (img != null) images.put(e.getKey(), img);
        }
        return new Computed(r, changed, images, computeMillis);
    }

    private void show(Computed c) {
        for (Map.Entry<String, Figure> e : c.figures().entrySet()) {
            FigureView v = views.get(e.getKey());
            if (v != null) v.setRendered(e.getValue(), c.images().get(e.getKey()), c.request().sizes().get(e.getKey()));
        }
        shown = c.request().config();
        lastComputeMillis = c.computeMillis();
        lastRedrawMillis = (System.nanoTime() - c.request().startNanos()) / 1e6;
        // The timing is for whoever tunes the lab, not for the student: it goes in the tooltip.
        setStatus("The figures show the settings on the left.", false);
        status.setTooltip(new javafx.scene.control.Tooltip(String.format(Locale.ROOT,
                "Redrawn %.0f ms after the change (computing the figures: %.0f ms)", lastRedrawMillis, lastComputeMillis)));
        redraws.set(redraws.get() + 1);
    }

    private static boolean sameContent(Figure shown, Figure next) {
        if (shown == null || next == null || shown.getClass() != next.getClass()) return false;
        try {
            return shown.title().equals(next.title()) && shown.toCsv().equals(next.toCsv());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Shows a message (e.g. "Settings saved to …") on the status line. */
    public void showMessage(String text) {
        setStatus(text, false);
    }

    private void setStatus(String text, boolean error) {
        status.setText(text);
        status.getStyleClass().remove("posenc-status-error");
        if (error) status.getStyleClass().add("posenc-status-error");
    }
}
