package nnlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.RunEvent;

/**
 * The live curves of one chart id (e.g. "loss"): one series per series name, restarted when a
 * new phase of the run begins. Exports through the same Java2D renderer as the saved figures.
 */
public class LiveLineChart extends VBox {
    /** Beyond this many points per series the dots hide the line and slow layout down. */
    static final int SYMBOL_LIMIT = 40;

    private final String chartId;
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
    private final Label title = new Label();
    private final Label subtitle = new Label();

    public LiveLineChart(String chartId, String title, String xLabel, String yLabel) {
        this.chartId = chartId;
        getStyleClass().addAll("card", "live-chart");
        this.title.getStyleClass().add("card-title");
        this.title.setText(title);
        subtitle.getStyleClass().add("card-subtitle");
        subtitle.managedProperty().bind(subtitle.textProperty().isNotEmpty());
        subtitle.visibleProperty().bind(subtitle.managedProperty());
        xAxis.setLabel(xLabel);
        yAxis.setLabel(yLabel);
        xAxis.setForceZeroInRange(false);
        yAxis.setForceZeroInRange(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(true);
        chart.setMinHeight(220);
        chart.setPrefHeight(300);
        VBox.setVgrow(chart, Priority.ALWAYS);

        MenuButton export = Exports.menuButton(this::toFigure);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, new VBox(2, this.title, subtitle), spacer, export);
        header.setAlignment(Pos.TOP_LEFT);
        header.getStyleClass().add("card-header");
        getChildren().addAll(header, chart);
    }

    public String chartId() { return chartId; }

    public String title() { return title.getText(); }

    public void setTitle(String text) { title.setText(text); }

    public void setAxisLabels(String xLabel, String yLabel) {
        xAxis.setLabel(xLabel);
        yAxis.setLabel(yLabel);
    }

    /** The current phase's title, shown under the chart title ("" before any phase). */
    public String subtitle() { return subtitle.getText(); }

    /** Adds the points of this chart id from a batch, one list append per series. */
    public void addMetrics(List<RunEvent.Metric> metrics) {
        Map<String, List<XYChart.Data<Number, Number>>> added = new LinkedHashMap<>();
        for (RunEvent.Metric m : metrics) {
            if (!m.chart().equals(chartId) || !Double.isFinite(m.y())) continue;
            added.computeIfAbsent(m.series(), k -> new ArrayList<>()).add(new XYChart.Data<>(m.x(), m.y()));
        }
        for (Map.Entry<String, List<XYChart.Data<Number, Number>>> e : added.entrySet()) {
            XYChart.Series<Number, Number> s = series.computeIfAbsent(e.getKey(), name -> {
                XYChart.Series<Number, Number> created = new XYChart.Series<>();
                created.setName(name);
                chart.getData().add(created);
                return created;
            });
            s.getData().addAll(e.getValue());
            if (s.getData().size() > SYMBOL_LIMIT && chart.getCreateSymbols()) chart.setCreateSymbols(false);
        }
    }

    public void addMetric(RunEvent.Metric metric) {
        addMetrics(List.of(metric));
    }

    /** A new phase starts: its curves start from scratch, titled by the phase. */
    public void startPhase(String phaseTitle) {
        clear();
        subtitle.setText(phaseTitle == null ? "" : phaseTitle);
    }

    public void clear() {
        series.clear();
        chart.getData().clear();
        chart.setCreateSymbols(true);
        subtitle.setText("");
    }

    public List<String> seriesNames() {
        return List.copyOf(series.keySet());
    }

    public int pointCount(String seriesName) {
        XYChart.Series<Number, Number> s = series.get(seriesName);
        return s == null ? 0 : s.getData().size();
    }

    public int totalPoints() {
        return series.values().stream().mapToInt(s -> s.getData().size()).sum();
    }

    public LineChart<Number, Number> lineChart() { return chart; }

    /** The curves as shown, as an exportable figure (title includes the phase). */
    public LineFigure toFigure() {
        LineFigure.Builder b = new LineFigure.Builder();
        for (XYChart.Series<Number, Number> s : series.values()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                b.add(s.getName(), d.getXValue().doubleValue(), d.getYValue().doubleValue());
            }
        }
        String t = subtitle.getText().isEmpty() ? title.getText() : title.getText() + " — " + subtitle.getText();
        return b.build(t, nullToEmpty(xAxis.getLabel()), nullToEmpty(yAxis.getLabel()), false);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
