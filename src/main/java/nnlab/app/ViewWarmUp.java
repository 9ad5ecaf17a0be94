package nnlab.app;

import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;

/**
 * Builds throw-away copies of the views a run updates off screen, once, right after the first
 * panel (while ND4J still loads), and takes them through what a run does to them: a live chart
 * with a phase and retired curves, a results table, a bar figure, the run controls from Queued to
 * Finished, a log in a collapsed pane. A fresh window's first run otherwise pays for class
 * loading, skins and CSS on the JavaFX thread just as training takes both cores (a first progress
 * update took 17 ms, a first phase 13 ms). Repeating this to let the JIT compile the drawing code
 * was measured and made runs worse.
 */
final class ViewWarmUp {
    private static boolean done;

    private ViewWarmUp() { }

    /** Call on the JavaFX thread. */
    static void run(String stylesheet) {
        if (done) return;
        done = true;
        LiveLineChart chart = new LiveLineChart("warm-up", "Loss", "epoch", "loss");
        ResultsTableView table = new ResultsTableView("warm-up", "Results");
        FigureView figure = new FigureView("warm-up", "Bars");
        RunControls controls = new RunControls();
        TextArea log = new TextArea();
        TitledPane logPane = new TitledPane("Log", log);
        logPane.setExpanded(false);
        logPane.setAnimated(false);
        VBox root = new VBox(controls, chart, table, figure, logPane);
        Scene scene = new Scene(root, 800, 600);
        scene.getStylesheets().add(stylesheet);
        layOut(root);

        controls.showQueued();
        controls.onEvent(new RunEvent.Status(RunStatus.RUNNING, ""));
        chart.setPhaseTitle("warm-up · round 1");
        chart.addMetrics(List.of(new RunEvent.Metric("warm-up", "train · round 1", 1, 0.7), new RunEvent.Metric("warm-up", "train · round 1", 2, 0.5),
                new RunEvent.Metric("warm-up", "val · round 1", 1, 0.8)));
        logPane.setText("Log (1 line)");
        table.show(new RunEvent.Table("warm-up", "Results", List.of("a", "b"), List.of(List.of("1", "…")), Map.of()));
        layOut(root);

        controls.onEvent(new RunEvent.Progress(0.5, 10, "warm-up · epoch 1: val acc 50.0 %"));
        chart.retire(" · round 1");
        table.show(new RunEvent.Table("warm-up", "Results", List.of("a", "b"), List.of(List.of("1", "2")), Map.of("0:1", "detail")));
        figure.setFigure(new BarFigure("Bars", "acc", List.of("a"), List.of("g"), new double[][] {{1}}, new double[][] {{0}}, 0, 1));
        layOut(root);

        controls.onEvent(new RunEvent.Status(RunStatus.FINISHED, "finished"));
        layOut(root);
    }

    private static void layOut(VBox root) {
        root.applyCss();
        root.layout();
    }
}
