package nnlab.app;

import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import nnlab.kernel.run.RunEvent;

/**
 * Builds a throw-away live chart and results table off screen, once, right after the first panel
 * (while ND4J still loads). The first chart of a run otherwise pays for class loading, skins and
 * CSS on the JavaFX thread just as training takes both cores, and the window froze for half a
 * second. Repeating this to let the JIT compile the drawing code was measured and made runs worse.
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
        VBox root = new VBox(chart, table);
        Scene scene = new Scene(root, 800, 600);
        scene.getStylesheets().add(stylesheet);
        chart.addMetrics(List.of(new RunEvent.Metric("warm-up", "train", 1, 0.7), new RunEvent.Metric("warm-up", "train", 2, 0.5),
                new RunEvent.Metric("warm-up", "val", 1, 0.8)));
        table.show(new RunEvent.Table("warm-up", "Results", List.of("a", "b"), List.of(List.of("1", "2")), Map.of("0:1", "detail")));
        root.applyCss();
        root.layout();
    }
}
