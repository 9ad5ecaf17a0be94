package nnlab.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nnlab.app.AppContext;
import nnlab.app.Fx;
import nnlab.app.GenericExperimentPanel;
import nnlab.app.LiveLineChart;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The gnn study in the app's generic panel: a tiny karate run fills the live curves of the current seed and the results table. */
@ExtendWith(ApplicationExtension.class)
class GnnPanelTest {
    @TempDir
    static Path runs;
    private RunEngine engine;
    private GenericExperimentPanel panel;

    @Start
    void start(Stage stage) {
        engine = new RunEngine(1, new RunStore(runs));
        panel = new GenericExperimentPanel(new AppContext(engine, stage), new GnnExperiment());
        Scene scene = new Scene((javafx.scene.Parent) panel.view(), 1200, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aKarateRunShowsTheCurrentSeedsCurvesAndTheResults(FxRobot robot) throws Exception {
        Fx.run(() -> {
            panel.settingsForm().setText("graph", "karate");
            panel.settingsForm().setText("seeds", "2");
            panel.settingsForm().setText("gcn-epochs", "6");
            panel.settingsForm().setText("gat-epochs", "5");
        });
        robot.clickOn("#start-button");
        Run run = Fx.get(panel::currentRun);
        assertNotNull(run);
        assertTrue(run.await(60, TimeUnit.SECONDS));
        assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
        Fx.waitUntil("the final status on screen", 5000, () -> panel.runControls().runStatus() == RunStatus.FINISHED);
        LiveLineChart gcn = Fx.get(() -> panel.chart("gcn-loss"));
        assertEquals(7, Fx.get(() -> gcn.pointCount("train · GCN seed 1")), "epochs 0..6 of the current seed");
        assertEquals(0, Fx.get(() -> gcn.pointCount("train · GCN seed 0")), "the finished seed's curve is retired");
        assertEquals(2, Fx.get(() -> panel.table("results").tableView().getItems().size()));
    }
}
