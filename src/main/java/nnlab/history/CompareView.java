package nnlab.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nnlab.app.LiveLineChart;
import nnlab.app.ResponsiveGrid;
import nnlab.app.ResultsTableView;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.MetricCurves;

/**
 * Two or more runs of one experiment side by side: the settings that differ, each results table
 * per run with the cells that differ highlighted, the metric curves overlaid (one series per run
 * and curve) and the saved figures next to each other (for two runs, with their difference |A − B|). Every chart and table exports like the
 * live ones.
 */
public class CompareView {
    private final BorderPane root = new BorderPane();
    private final List<RunDetails> runs;
    private final List<String> labels = new ArrayList<>();
    private final ResultsTableView settingsTable = new ResultsTableView("differing-settings", "Settings that differ");
    private final Label sameSettings = new Label();
    private final Map<String, List<ResultsTableView>> tables = new LinkedHashMap<>();
    private final Map<String, LiveLineChart> charts = new LinkedHashMap<>();
    private final Map<String, List<SavedFigureView>> figures = new LinkedHashMap<>();
    private final Map<String, FigureDifferenceView> differences = new LinkedHashMap<>();

    CompareView(Runnable back, List<RunDetails> runs, Experiment experiment) {
        this.runs = List.copyOf(runs);
        root.getStyleClass().add("compare-view");
        for (RunDetails d : runs) labels.add(uniqueLabel(RunLabels.shortName(d.run())));

        String what = experiment != null ? experiment.title() : runs.get(0).run().experimentId();
        Label title = new Label("Comparing " + runs.size() + " runs");
        title.getStyleClass().add("experiment-title");
        title.setId("compare-title");
        Label subtitle = new Label(what + ". Differences are highlighted; curves of every run share one chart.");
        subtitle.getStyleClass().add("experiment-description");
        FlowPane chips = new FlowPane(8, 6);
        for (int i = 0; i < runs.size(); i++) {
            Label name = new Label(labels.get(i));
            name.getStyleClass().add("run-chip-name");
            HBox chip = new HBox(6, name, RunLabels.badge(runs.get(i).run()));
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("run-chip");
            chips.getChildren().add(chip);
        }
        VBox heading = new VBox(3, title, subtitle, chips);
        HBox.setHgrow(heading, Priority.ALWAYS);
        root.setTop(HistoryControls.pageHeader(back, heading, Pos.CENTER_LEFT));

        VBox content = new VBox(12);
        content.getStyleClass().add("view-area");
        content.getChildren().addAll(settingsSection(experiment == null ? null : experiment.schema()));
        content.getChildren().addAll(tableSections());
        content.getChildren().addAll(curveSection());
        content.getChildren().addAll(figureSections());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("content-scroll");
        root.setCenter(scroll);
    }

    private List<Node> settingsSection(ConfigSchema schema) {
        List<Map<String, Object>> settings = new ArrayList<>();
        for (RunDetails d : runs) settings.add(d.settings());
        List<RunComparison.SettingDiff> diffs = RunComparison.differingSettings(settings);
        List<String> columns = new ArrayList<>();
        columns.add("setting");
        columns.addAll(labels);
        List<List<String>> rows = new ArrayList<>();
        for (RunComparison.SettingDiff d : diffs) {
            List<String> row = new ArrayList<>();
            // The label alone: "Rounds (rounds)" said the same word twice; the key is the command-line name, in the settings form.
            String label = schema != null && schema.has(d.key()) ? schema.setting(d.key()).label() : d.key();
            row.add(label);
            row.addAll(d.values());
            rows.add(row);
        }
        settingsTable.setId("compare-settings");
        sameSettings.getStyleClass().add("run-message");
        sameSettings.setId("compare-same-settings");
        boolean unreadable = settings.contains(null);
        if (diffs.isEmpty()) {
            sameSettings.setText(unreadable ? "The settings of some runs could not be read." : "All settings are the same in these runs.");
            return List.of(section("Settings"), sameSettings);
        }
        settingsTable.show(new RunEvent.Table("differing-settings", "Settings that differ", columns, rows, Map.of()));
        return List.of(settingsTable);
    }

    private List<Node> tableSections() {
        Set<String> ids = new LinkedHashSet<>();
        for (RunDetails d : runs) ids.addAll(d.tables().keySet());
        List<Node> out = new ArrayList<>();
        for (String id : ids) {
            List<CsvTable> perRun = new ArrayList<>();
            for (RunDetails d : runs) perRun.add(d.tables().get(id));
            List<Map<String, String>> marks = RunComparison.differingCells(perRun, labels);
            // Side by side when the tables fit; a wide table gets a row of its own per run.
            int columns = 0;
            for (CsvTable t : perRun) if (t != null) columns = Math.max(columns, t.columns().size());
            ResponsiveGrid grid = new ResponsiveGrid(Math.max(460, 40 + 110 * columns));
            List<ResultsTableView> views = new ArrayList<>();
            int marked = 0;
            int having = 0;
            for (int i = 0; i < runs.size(); i++) {
                CsvTable t = perRun.get(i);
                if (t == null) {
                    grid.addItem(missing(labels.get(i), "saved no " + MetricCurves.humanise(id).toLowerCase(java.util.Locale.ROOT)
                            + " table (" + RunLabels.status(runs.get(i).run()) + ")."), false);
                    continue;
                }
                ResultsTableView v = new ResultsTableView(id, labels.get(i));
                v.show(new RunEvent.Table(id, labels.get(i), t.columns(), t.rows(), Map.of()));
                v.setHighlights(marks.get(i));
                marked += marks.get(i).size();
                having++;
                views.add(v);
                grid.addItem(v, false);
            }
            tables.put(id, views);
            String hint = having < 2 ? "only one run has this table"
                    : marked == 0 ? "identical in every run" : "highlighted cells differ between the runs; hover one for every run's value";
            out.add(section(MetricCurves.humanise(id), hint));
            out.add(grid);
        }
        return out;
    }

    private List<Node> curveSection() {
        Map<String, List<RunEvent.Metric>> points = new LinkedHashMap<>();
        Map<String, String[]> chartLabels = new LinkedHashMap<>();
        List<List<MetricCurves.Chart>> perRun = new ArrayList<>();
        // When every run has one curve per metric, the run's name alone labels it.
        boolean oneCurveEach = true;
        for (RunDetails d : runs) {
            List<MetricCurves.Chart> charts = MetricCurves.charts(d.metrics());
            perRun.add(charts);
            for (MetricCurves.Chart c : charts) oneCurveEach &= c.curves().size() == 1;
        }
        for (int i = 0; i < runs.size(); i++) {
            for (MetricCurves.Chart c : perRun.get(i)) {
                chartLabels.putIfAbsent(c.metric(), new String[] {c.title(), c.xColumn()});
                List<RunEvent.Metric> list = points.computeIfAbsent(c.metric(), k -> new ArrayList<>());
                for (MetricCurves.Curve curve : c.curves()) {
                    String series = curve.name().isEmpty() || oneCurveEach ? labels.get(i) : labels.get(i) + " · " + curve.name();
                    for (int p = 0; p < curve.x().length; p++) {
                        list.add(new RunEvent.Metric("metric-" + c.metric(), series, curve.x()[p], curve.y()[p]));
                    }
                }
            }
        }
        if (points.isEmpty()) return List.of();
        ResponsiveGrid grid = new ResponsiveGrid(340);
        for (Map.Entry<String, List<RunEvent.Metric>> e : points.entrySet()) {
            String[] l = chartLabels.get(e.getKey());
            LiveLineChart chart = new LiveLineChart("metric-" + e.getKey(), l[0], l[1], l[0]);
            chart.addMetrics(e.getValue());
            charts.put(e.getKey(), chart);
            grid.addItem(chart, false);
        }
        return List.of(section("Curves", "one series per run (from each run's metrics.csv)"), grid);
    }

    private List<Node> figureSections() {
        Set<String> ids = new LinkedHashSet<>();
        for (RunDetails d : runs) ids.addAll(d.figures().keySet());
        List<Node> out = new ArrayList<>();
        for (String id : ids) {
            ResponsiveGrid grid = new ResponsiveGrid(400);
            List<SavedFigureView> views = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Path png = runs.get(i).figures().get(id);
                if (png == null) continue;
                SavedFigureView v = new SavedFigureView(id, png, labels.get(i) + ": " + MetricCurves.humanise(id));
                views.add(v);
                grid.addItem(v, false);
            }
            figures.put(id, views);
            // Two runs: the third card shows where their images differ.
            Path a = runs.size() == 2 ? runs.get(0).figures().get(id) : null;
            Path b = runs.size() == 2 ? runs.get(1).figures().get(id) : null;
            if (a != null && b != null) {
                FigureDifferenceView difference = new FigureDifferenceView(id, a, b, labels.get(0), labels.get(1));
                differences.put(id, difference);
                grid.addItem(difference.view(), false);
            }
            out.add(section(MetricCurves.humanise(id), "saved figure, one per run: " + String.join(", ", labelsHaving(id))
                    + (a != null && b != null ? "; then |A − B|" : "")));
            out.add(grid);
        }
        return out;
    }

    private List<String> labelsHaving(String figureId) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) if (runs.get(i).figures().containsKey(figureId)) out.add(labels.get(i));
        return out;
    }

    /** A card in place of a table or figure a run does not have. */
    private static Node missing(String runLabel, String what) {
        Label title = new Label(runLabel);
        title.getStyleClass().add("card-title");
        Label text = new Label(runLabel + " " + what);
        text.getStyleClass().add("placeholder");
        text.setWrapText(true);
        VBox card = new VBox(6, title, text);
        card.getStyleClass().addAll("card", "missing-card");
        return card;
    }

    private static Node section(String title) {
        return section(title, null);
    }

    private static Node section(String title, String hint) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        HBox box = new HBox(10, t);
        box.setAlignment(Pos.BASELINE_LEFT);
        if (hint != null) {
            Label h = new Label(hint);
            h.getStyleClass().add("section-hint");
            box.getChildren().add(h);
        }
        box.getStyleClass().add("section-heading");
        return box;
    }

    private String uniqueLabel(String base) {
        String label = base;
        for (int n = 2; labels.contains(label); n++) label = base + " (" + n + ")";
        return label;
    }

    public Node view() { return root; }

    public List<RunDetails> runs() { return runs; }

    /** The runs' names as the legends and columns show them. */
    public List<String> labels() { return List.copyOf(labels); }

    /** The table of differing settings (empty when all are the same). */
    public ResultsTableView settingsTable() { return settingsTable; }

    public String sameSettingsText() { return sameSettings.getText(); }

    public List<ResultsTableView> tables(String id) { return tables.getOrDefault(id, List.of()); }

    public LiveLineChart chart(String metric) { return charts.get(metric); }

    public Map<String, LiveLineChart> charts() { return Map.copyOf(charts); }

    public List<SavedFigureView> figures(String id) { return figures.getOrDefault(id, List.of()); }

    /** For two runs, the difference of their figure with this id; null otherwise. */
    public FigureDifferenceView difference(String id) { return differences.get(id); }
}
