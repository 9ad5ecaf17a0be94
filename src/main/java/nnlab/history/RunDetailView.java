package nnlab.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.app.LiveLineChart;
import nnlab.app.ResponsiveGrid;
import nnlab.app.ResultsTableView;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.MetricCurves;
import nnlab.kernel.store.SavedRun;

/**
 * One saved run as it was: its settings on the left (where the experiment's form is), and on the
 * right its status message, results tables, metric curves (from metrics.csv) and saved figures.
 * Actions: re-run, use the settings, write its report, rename, show the folder, delete.
 */
public class RunDetailView {
    private final RunDetails details;
    private final Experiment experiment;
    private final BorderPane root = new BorderPane();
    private final Label name = new Label();
    private final Label badge = new Label();
    private final Map<String, ResultsTableView> tables = new LinkedHashMap<>();
    private final Map<String, LiveLineChart> charts = new LinkedHashMap<>();
    private final Map<String, SavedFigureView> figures = new LinkedHashMap<>();
    private final SettingsList settingsList;
    private final Label message = new Label();
    private SavedRun run;

    RunDetailView(RunActions actions, Runnable back, RunDetails details, Experiment experiment) {
        this.details = details;
        this.experiment = experiment;
        this.run = details.run();
        root.getStyleClass().add("run-detail-view");

        // Header: back, the run's name and status, what and when, then the actions.
        name.getStyleClass().add("experiment-title");
        name.setId("run-detail-name");
        name.setMinWidth(0);
        HBox titleRow = new HBox(10, name, badge);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        Label meta = new Label(metaLine());
        meta.getStyleClass().add("experiment-description");
        meta.setTooltip(new Tooltip(run.folder().toString()));
        boolean canRerun = experiment != null && details.settings() != null;
        Button rerun = HistoryControls.actionButton("Re-run", "detail-rerun",
                "Open " + experimentTitle() + " with these settings and start a run", canRerun);
        rerun.getStyleClass().add("start-button");
        rerun.setOnAction(e -> actions.useSettings(run, details.settings(), true));
        Button use = HistoryControls.actionButton("Use settings", "detail-use-settings",
                "Put these settings into the " + experimentTitle() + " form without starting", canRerun);
        use.setOnAction(e -> actions.useSettings(run, details.settings(), false));
        Button rename = HistoryControls.actionButton("Rename…", "detail-rename", "Give this run a name (F2); the folder keeps its name", true);
        rename.setOnAction(e -> actions.rename(run));
        Button reveal = HistoryControls.actionButton("Show folder", "detail-reveal", "Open the run's folder in the file manager", true);
        reveal.setOnAction(e -> actions.reveal(run));
        Button report = HistoryControls.actionButton("Report", "detail-report",
                "Write this run's report (one HTML file: figures, tables, settings, the command that repeats it) and open it", true);
        report.setOnAction(e -> actions.exports().report(run));
        Button delete = HistoryControls.actionButton("Delete…", "detail-delete", "Delete this run's folder (asks first)", true);
        delete.getStyleClass().add("danger-link");
        delete.setOnAction(e -> actions.delete(List.of(run)));
        HBox actionRow = new HBox(8, rerun, use, report, rename, reveal, delete);
        actionRow.setAlignment(Pos.CENTER_RIGHT);
        actionRow.setMinWidth(Region.USE_PREF_SIZE);
        // The name and the actions share the first line; what, when and where get the full width below.
        HBox top = new HBox(14, titleRow, actionRow);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(titleRow, Priority.ALWAYS);
        titleRow.setMinWidth(120);
        VBox heading = new VBox(3, top, meta);
        HBox.setHgrow(heading, Priority.ALWAYS);
        root.setTop(HistoryControls.pageHeader(back, heading, Pos.TOP_LEFT));

        // Left: the settings, where the experiment's panel has its form.
        settingsList = new SettingsList(details.settings(), experiment == null ? null : experiment.schema());
        ScrollPane settingsScroll = new ScrollPane(settingsList);
        settingsScroll.setFitToWidth(true);
        settingsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settingsScroll.getStyleClass().add("settings-scroll");
        Label settingsTitle = new Label("Settings of this run");
        settingsTitle.getStyleClass().add("pane-title");
        VBox left = new VBox(settingsTitle, settingsScroll);
        VBox.setVgrow(settingsScroll, Priority.ALWAYS);
        left.getStyleClass().add("settings-pane");
        left.setMinWidth(240);

        // Right: what the run produced.
        VBox content = new VBox(14);
        content.getStyleClass().add("view-area");
        content.getChildren().addAll(notices());
        ResponsiveGrid grid = new ResponsiveGrid(340);
        DeclaredTitles titles = DeclaredTitles.of(experiment, details.settings());
        for (Map.Entry<String, CsvTable> t : details.tables().entrySet()) {
            ResultsTableView v = new ResultsTableView(t.getKey(), titles.of(t.getKey()));
            v.show(toEvent(t.getKey(), t.getValue()));
            tables.put(t.getKey(), v);
            grid.addItem(v, true);
        }
        for (MetricCurves.Chart c : MetricCurves.charts(details.metrics())) {
            LiveLineChart chart = chart(c);
            charts.put(c.metric(), chart);
            grid.addItem(chart, false);
        }
        for (Map.Entry<String, Path> f : details.figures().entrySet()) {
            SavedFigureView v = new SavedFigureView(f.getKey(), f.getValue(), titles.of(f.getKey()));
            figures.put(f.getKey(), v);
            grid.addItem(v, true);
        }
        if (grid.items().isEmpty()) {
            Label empty = new Label("This run saved no results tables, metrics or figures"
                    + (run.isDamaged() || !details.problems().isEmpty() ? " that could be read." : " (it ended before its first epoch)."));
            empty.getStyleClass().add("empty-hint");
            empty.setWrapText(true);
            content.getChildren().add(empty);
        }
        content.getChildren().add(grid);
        ScrollPane contentScroll = new ScrollPane(content);
        contentScroll.setFitToWidth(true);
        contentScroll.getStyleClass().add("content-scroll");

        SplitPane split = new SplitPane(left, contentScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(left, false);
        split.getStyleClass().add("experiment-panel");
        root.setCenter(split);
        showRun(run);
    }

    /** The status message, the damage and anything that could not be read, above the views. */
    private List<Node> notices() {
        List<Node> out = new ArrayList<>();
        message.getStyleClass().add("run-message");
        message.setWrapText(true);
        message.setId("run-detail-message");
        out.add(message);
        if (run.isDamaged()) {
            out.add(notice("This run's folder is damaged: " + run.damage(), "notice-danger", "run-detail-damage"));
        }
        if (!details.problems().isEmpty()) {
            out.add(notice("Could not read: " + String.join("; ", details.problems()), "notice-warning", "run-detail-problems"));
        }
        return out;
    }

    private static Label notice(String text, String style, String id) {
        Label l = new Label(text);
        l.getStyleClass().addAll("notice", style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setId(id);
        return l;
    }

    /** Updates the header after a rename. */
    void showRun(SavedRun r) {
        run = r;
        name.setText(r.name());
        name.setTooltip(new Tooltip(r.name()));
        RunLabels.styleBadge(badge, r);
        String m = r.message() == null || r.message().isBlank() ? RunLabels.meaning(r) : RunLabels.capitalise(r.message());
        // A damaged folder's message is its damage, which the red notice already says.
        boolean repeatsDamage = r.isDamaged() && r.message() != null && r.damage().contains(r.message());
        message.setText(repeatsDamage ? "" : m);
        message.setManaged(!repeatsDamage);
        message.setVisible(!repeatsDamage);
    }

    private String metaLine() {
        List<String> parts = new ArrayList<>();
        parts.add(experimentTitle());
        if (run.started() != null) parts.add("started " + RunLabels.started(run.started()));
        // A finished run's message already says how long it took (measured by the engine).
        boolean messageHasTime = run.message() != null && run.message().startsWith("finished in");
        if (run.duration() != null && !messageHasTime) parts.add("took " + RunLabels.duration(run));
        parts.add(run.folder().getFileName().toString());
        return String.join("  ·  ", parts);
    }

    private String experimentTitle() {
        if (experiment != null) return experiment.title();
        return run.experimentId() == null ? "unknown experiment" : run.experimentId();
    }

    private static LiveLineChart chart(MetricCurves.Chart c) {
        LiveLineChart chart = new LiveLineChart("metric-" + c.metric(), c.title(), c.xColumn(), c.title());
        List<RunEvent.Metric> points = new ArrayList<>();
        for (MetricCurves.Curve curve : c.curves()) {
            String series = curve.name().isEmpty() ? c.title() : curve.name();
            for (int i = 0; i < curve.x().length; i++) {
                points.add(new RunEvent.Metric(chart.chartId(), series, curve.x()[i], curve.y()[i]));
            }
        }
        chart.addMetrics(points);
        return chart;
    }

    static RunEvent.Table toEvent(String id, CsvTable t) {
        return new RunEvent.Table(id, MetricCurves.humanise(id), t.columns(), t.rows(), Map.of());
    }

    public Node view() { return root; }

    public SavedRun run() { return run; }

    public RunDetails details() { return details; }

    public ResultsTableView table(String id) { return tables.get(id); }

    public LiveLineChart chart(String metric) { return charts.get(metric); }

    public SavedFigureView figure(String id) { return figures.get(id); }

    public Map<String, LiveLineChart> charts() { return Map.copyOf(charts); }

    public SettingsList settingsList() { return settingsList; }

    public String messageText() { return message.getText(); }
}
