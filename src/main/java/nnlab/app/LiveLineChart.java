package nnlab.app;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.RunEvent;

/**
 * The live curves of one chart id (e.g. "loss"): one series per series name, restarted when a
 * new phase of the run begins. The curves are drawn by the same Java2D renderer as the saved
 * figures, on a background thread, and shown as an image: a JavaFX LineChart builds nodes for
 * every series, legend entry, point and tick label, and styling and laying those out while
 * training held both cores froze the window for 100–250 ms whenever series appeared.
 */
public class LiveLineChart extends VBox {
    /** Height of the drawing without its legend, in points. */
    static final double PLOT_HEIGHT = 270;
    /** One thread draws every live chart; drawings are small and the newest request wins. */
    private static final Executor RENDERER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-chart-render");
        t.setDaemon(true);
        return t;
    });

    private final String chartId;
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final ImageView plot = new ImageView();
    /** Takes the card's width; the image inside is unmanaged, so it never widens the card. */
    private final Pane plotBox = new Pane();
    private String xLabel;
    private String yLabel;
    private List<nnlab.kernel.figure.ReferenceLine> references = List.of();
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    /** A drawing is under way; changes meanwhile are drawn once it is done. */
    private boolean rendering;
    private boolean dirty;
    private int renders;
    private double shownWidth;
    /** The run's current phase; shown under the title once this chart draws a point of it. */
    private String phase = "";

    public LiveLineChart(String chartId, String title, String xLabel, String yLabel) {
        this.chartId = chartId;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        getStyleClass().addAll("card", "live-chart");
        this.title.getStyleClass().add("card-title");
        this.title.setText(title);
        subtitle.getStyleClass().add("card-subtitle");

        plotBox.getChildren().add(plot);
        plotBox.getStyleClass().add("live-chart-plot");
        plotBox.setMinWidth(0);
        plotBox.setPrefWidth(320);
        plotBox.setMinHeight(PLOT_HEIGHT);
        plotBox.setPrefHeight(PLOT_HEIGHT);
        plot.setManaged(false);
        plotBox.widthProperty().addListener((o, a, b) -> requestRender());
        sceneProperty().addListener((o, a, b) -> requestRender());

        MenuButton export = Exports.menuButton(this::toFigure);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, new VBox(2, this.title, subtitle), spacer, export);
        header.setAlignment(Pos.TOP_LEFT);
        header.getStyleClass().add("card-header");
        getChildren().addAll(header, plotBox);
    }

    public String chartId() { return chartId; }

    public String title() { return title.getText(); }

    public void setTitle(String text) { title.setText(text); }

    public void setAxisLabels(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        requestRender();
    }

    /** Labelled horizontal lines (chance level, ln C) and a fixed y range (NaN: from the data), as the view declares them. */
    public void setReadingAids(List<nnlab.kernel.figure.ReferenceLine> lines, double yMin, double yMax) {
        List<nnlab.kernel.figure.ReferenceLine> l = lines == null ? List.of() : List.copyOf(lines);
        if (l.equals(references) && Double.compare(yMin, this.yMin) == 0 && Double.compare(yMax, this.yMax) == 0) return;
        references = l;
        this.yMin = yMin;
        this.yMax = yMax;
        requestRender();
    }

    public List<nnlab.kernel.figure.ReferenceLine> references() { return references; }

    /** The current phase's title, shown under the chart title ("" before any phase). */
    public String subtitle() { return subtitle.getText(); }

    /** Adds the points of this chart id from a batch; one drawing follows, however many points. */
    public void addMetrics(List<RunEvent.Metric> metrics) {
        boolean changed = false;
        for (RunEvent.Metric m : metrics) {
            if (!m.chart().equals(chartId) || !Double.isFinite(m.y())) continue;
            series.computeIfAbsent(m.series(), k -> new ArrayList<>()).add(new double[] {m.x(), m.y()});
            changed = true;
        }
        if (changed) {
            subtitle.setText(phase);
            requestRender();
        }
    }

    public void addMetric(RunEvent.Metric metric) {
        addMetrics(List.of(metric));
    }

    /** A new phase starts: its curves start from scratch, titled by the phase. */
    public void startPhase(String phaseTitle) {
        clear();
        setPhaseTitle(phaseTitle);
    }

    /**
     * A new phase begins; the curves stay (rounds on a queue overlap; each retires its own). Its
     * title shows once this chart gets a point of it: every chart hears every phase, and Net2's
     * empty charts were subtitled "Net1 · replicate · …" while Net1 trained.
     */
    public void setPhaseTitle(String phaseTitle) {
        phase = phaseTitle == null ? "" : phaseTitle;
    }

    /** Drops the curves of finished work: every series whose name ends with the suffix. */
    public void retire(String seriesSuffix) {
        if (series.keySet().removeIf(name -> name.endsWith(seriesSuffix))) requestRender();
    }

    public void clear() {
        series.clear();
        phase = "";
        subtitle.setText("");
        requestRender();
    }

    public List<String> seriesNames() {
        return List.copyOf(series.keySet());
    }

    public int pointCount(String seriesName) {
        List<double[]> s = series.get(seriesName);
        return s == null ? 0 : s.size();
    }

    public int totalPoints() {
        return series.values().stream().mapToInt(List::size).sum();
    }

    /** The drawing on screen (null before the first one is done). */
    public Image image() { return plot.getImage(); }

    /** True when the image on screen shows every point added so far. */
    public boolean upToDate() { return !rendering && !dirty && plot.getImage() != null; }

    /** Drawings shown so far (each coalesces every change made while the previous one was drawn). */
    public int renderCount() { return renders; }

    /** The curves as shown, as an exportable figure (title includes the phase). */
    public LineFigure toFigure() {
        String t = subtitle.getText().isEmpty() ? title.getText() : title.getText() + " — " + subtitle.getText();
        return curves(t);
    }

    private LineFigure curves(String figureTitle) {
        LineFigure.Builder b = new LineFigure.Builder();
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            for (double[] p : e.getValue()) b.add(e.getKey(), p[0], p[1]);
        }
        return b.build(figureTitle, nullToEmpty(xLabel), nullToEmpty(yLabel), false).withReferences(references).withYRange(yMin, yMax);
    }

    private void requestRender() {
        if (rendering) {
            dirty = true;
            return;
        }
        double width = Math.floor(plotBox.getWidth());
        if (getScene() == null || width < 80) {
            // Drawn once the card is laid out (the width listener asks again).
            dirty = true;
            return;
        }
        rendering = true;
        dirty = false;
        // The header above already shows the title and phase.
        LineFigure figure = curves("");
        double scale = FigureView.outputScale(this);
        CompletableFuture.supplyAsync(() -> {
            BufferedImage drawn = figure.render(scale, width, PLOT_HEIGHT);
            return SwingFXUtils.toFXImage(drawn, null);
        }, RENDERER).whenComplete((image, error) -> Platform.runLater(() -> {
            rendering = false;
            if (image != null) show(image, width);
            // The previous drawing stays; the points are still kept and exportable.
            else System.err.println("nnlab: could not draw the live chart '" + chartId + "': " + Exports.describe(error));
            if (dirty || Math.abs(Math.floor(plotBox.getWidth()) - width) >= 1) requestRender();
        }));
    }

    private void show(Image image, double width) {
        plot.setImage(image);
        RepaintAnchor.touch(this);
        plot.setFitWidth(width);
        plot.setPreserveRatio(true);
        double height = image.getHeight() * width / image.getWidth();
        // The card keeps the tallest legend it has had at this width: a card that shrinks when a
        // new run clears the curves and grows again at its first points moves every view below
        // it, twice per run, and the whole result area is laid out and repainted each time.
        boolean resized = Math.abs(width - shownWidth) >= 1;
        shownWidth = width;
        double target = resized ? height : Math.max(height, plotBox.getPrefHeight());
        if (Math.abs(plotBox.getPrefHeight() - target) >= 1) {
            plotBox.setMinHeight(target);
            plotBox.setPrefHeight(target);
        }
        renders++;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
