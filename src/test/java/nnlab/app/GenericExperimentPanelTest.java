package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class GenericExperimentPanelTest {
    @TempDir
    static Path runs;
    private RunEngine engine;
    private GenericExperimentPanel panel;

    @Start
    void start(Stage stage) {
        engine = new RunEngine(1, new RunStore(runs));
        panel = new GenericExperimentPanel(new AppContext(engine, stage), new FakeExperiment());
        Scene scene = new Scene((javafx.scene.Parent) panel.view(), 1200, 800);
        scene.getStylesheets().add(getClass().getResource("/nnlab/nnlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void startButtonRunsTheExperimentAndFillsChartsTablesAndFigures(FxRobot robot) throws Exception {
        Fx.run(() -> {
            panel.settingsForm().setText("epochs", "4");
            panel.settingsForm().setText("step-ms", "5");
            panel.settingsForm().setText("paddings", "zero,reflect,circular");
        });
        robot.clickOn("#start-button");
        Run run = Fx.get(panel::currentRun);
        assertNotNull(run, "Start submitted a run");
        assertTrue(run.await(20, TimeUnit.SECONDS));
        assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());

        Fx.waitUntil("the final status on screen", 3000, () -> panel.runControls().runStatus() == RunStatus.FINISHED);
        assertTrue(Fx.get(() -> panel.runControls().statusText()).startsWith("Finished in"));
        assertEquals(1.0, Fx.get(() -> panel.runControls().progressBar().getProgress()));

        ResultsTableView table = Fx.get(() -> panel.table("results"));
        assertNotNull(table);
        assertEquals(3, Fx.get(() -> table.tableView().getItems().size()));
        assertEquals(List.of("padding", "accuracy", "loss"), Fx.get(() -> table.tableView().getColumns().stream().map(c -> c.getText()).toList()));
        assertTrue(Fx.get(() -> table.detail(1, 1)).startsWith("per seed:"));

        LiveLineChart loss = Fx.get(() -> panel.chart("loss"));
        assertNotNull(loss);
        // Each padding is a new phase, so the chart shows the last phase's 4 epochs per series.
        assertEquals(4, Fx.get(() -> loss.pointCount("train")));
        assertEquals(4, Fx.get(() -> loss.pointCount("validation")));
        assertEquals("Net1 · circular · round 1/1", Fx.get(loss::subtitle));
        assertNotNull(Fx.get(() -> panel.chart("accuracy")));

        FigureView figure = Fx.get(() -> panel.figureView("accuracy-bars"));
        assertNotNull(figure);
        Fx.waitUntil("the figure to be drawn", 5000, () -> figure.image() != null);
        assertTrue(Fx.get(panel::logText).contains("circular: accuracy"));
        // Closed, the log's text area is left alone during a run (an append re-lays out all its
        // text); opened, it shows every line.
        javafx.scene.control.TextArea area = (javafx.scene.control.TextArea) Fx.get(() -> panel.view().lookup(".run-log"));
        assertEquals("", Fx.get(area::getText));
        Fx.run(() -> ((javafx.scene.control.TitledPane) panel.view().lookup(".log-pane")).setExpanded(true));
        assertEquals(Fx.get(panel::logText), Fx.get(area::getText));
        assertTrue(Fx.get(area::getText).contains("circular: accuracy"));
        assertFalse(Fx.get(() -> panel.settingsForm().control("epochs").isDisabled()), "the form unlocks after the run");
    }

    @Test
    void cancelStopsARunningRunWithinTheEpochInProgress(FxRobot robot) throws Exception {
        Fx.run(() -> {
            panel.settingsForm().setText("epochs", "1000");
            panel.settingsForm().setText("step-ms", "30");
        });
        robot.clickOn("#start-button");
        Run run = Fx.get(panel::currentRun);
        AtomicInteger epochsAfterCancel = new AtomicInteger();
        run.subscribe(e -> {
            if (e instanceof RunEvent.Metric m && m.series().equals("train") && run.isCancelRequested()) epochsAfterCancel.incrementAndGet();
        });
        Fx.waitUntil("points on the live chart", 10_000, () -> panel.chart("loss") != null && panel.chart("loss").totalPoints() > 0);
        assertEquals(RunStatus.RUNNING, run.status());
        assertTrue(Fx.get(() -> panel.settingsForm().control("epochs").isDisabled()), "the form is locked while running");

        robot.clickOn("#cancel-button");
        assertTrue(run.isCancelRequested(), "the button asked the run to stop");
        assertTrue(run.await(30, TimeUnit.SECONDS), "still " + run.status() + " after Cancel"); // a hang guard, not a speed bound
        assertEquals(RunStatus.CANCELLED, run.status());
        // 1000 epochs were asked for: the epoch under way may finish, no later one starts.
        assertTrue(epochsAfterCancel.get() <= 1, epochsAfterCancel + " epochs after Cancel");
        Fx.waitUntil("Cancelled on screen", 3000, () -> panel.runControls().runStatus() == RunStatus.CANCELLED);
        assertEquals("Cancelled", Fx.get(() -> panel.runControls().statusText()));
        assertFalse(Fx.get(() -> panel.runControls().startButton().isDisabled()));
        assertTrue(Fx.get(() -> panel.runControls().cancelButton().isDisabled()));
    }

    @Test
    void anInvalidFormDoesNotStartARun(FxRobot robot) {
        Fx.run(() -> panel.settingsForm().setText("epochs", "-3"));
        robot.clickOn("#start-button");
        assertEquals(null, Fx.get(panel::currentRun));
        assertTrue(engine.runs().isEmpty());
        assertTrue(Fx.get(() -> panel.settingsForm().errorMessage("epochs")).isPresent());
    }

    @Test
    void aDivergedRunSaysWhere(FxRobot robot) throws Exception {
        Fx.run(() -> {
            panel.settingsForm().setText("epochs", "5");
            panel.settingsForm().setText("step-ms", "0");
            panel.settingsForm().setText("diverge-at", "3");
        });
        robot.clickOn("#start-button");
        Run run = Fx.get(panel::currentRun);
        assertTrue(run.await(10, TimeUnit.SECONDS));
        Fx.waitUntil("Diverged on screen", 3000, () -> panel.runControls().runStatus() == RunStatus.DIVERGED);
        assertTrue(Fx.get(() -> panel.runControls().statusText()).startsWith("Diverged at zero, epoch 3"));
    }

    @Test
    void preCreatedFigureViewsStayAcrossRuns(FxRobot robot) throws Exception {
        FigureView preview = Fx.get(() -> panel.addFigureView(nnlab.kernel.run.ViewSpec.figure("preview", "Dataset preview")));
        Fx.run(() -> preview.setFigure(new DemoFigure("Dataset preview", List.of("a", "b"), new double[] {0.3, 0.6})));
        Fx.run(() -> panel.settingsForm().setText("step-ms", "0"));
        robot.clickOn("#start-button");
        Run run = Fx.get(panel::currentRun);
        assertTrue(run.await(10, TimeUnit.SECONDS));
        Fx.waitUntil("the run's views", 3000, () -> panel.table("results") != null);
        assertTrue(Fx.get(() -> panel.figureView("preview")) == preview);
        assertEquals("Dataset preview", Fx.get(() -> preview.figure().title()));
    }

    @Test
    void aNewRunReusesTheViewsItUpdatesAndDropsTheOthers(FxRobot robot) throws Exception {
        Fx.run(() -> {
            panel.settingsForm().setText("epochs", "2");
            panel.settingsForm().setText("step-ms", "0");
        });
        runToTheEnd(robot);
        ResultsTableView table = Fx.get(() -> panel.table("results"));
        LiveLineChart loss = Fx.get(() -> panel.chart("loss"));
        FigureView bars = Fx.get(() -> panel.figureView("accuracy-bars"));
        assertNotNull(table);
        assertNotNull(loss);
        assertNotNull(bars);

        // While the next run has not updated them, the old views stay, marked as from the previous run.
        Fx.run(() -> {
            panel.settingsForm().setText("epochs", "3");
            panel.settingsForm().setText("step-ms", "400");
        });
        // Start and look in one go on the JavaFX thread: on a loaded machine the first epoch could land in between.
        List<Object> atStart = Fx.get(() -> {
            panel.start();
            return List.of(loss.totalPoints(), GenericExperimentPanel.isStale(table));
        });
        Run second = Fx.get(panel::currentRun);
        assertEquals(0, atStart.get(0), "the old curves are cleared at the start");
        assertEquals(true, atStart.get(1), "the old table is marked as the previous run's");
        Fx.waitUntil("the first points of the second run", 10_000, () -> loss.totalPoints() > 0);
        assertTrue(Fx.get(() -> panel.chart("loss")) == loss, "the chart is reused, not rebuilt");
        assertFalse(Fx.get(() -> GenericExperimentPanel.isStale(loss)));
        assertTrue(second.await(20, TimeUnit.SECONDS));
        Fx.waitUntil("the second run's end on screen", 3000, () -> panel.runControls().runStatus() == RunStatus.FINISHED);
        assertTrue(Fx.get(() -> panel.table("results")) == table);
        assertFalse(Fx.get(() -> GenericExperimentPanel.isStale(table)));
        assertEquals(3, Fx.get(() -> loss.pointCount("train")));

        // A run that diverges before any result leaves none of the old views behind.
        Fx.run(() -> {
            panel.settingsForm().setText("step-ms", "0");
            panel.settingsForm().setText("diverge-at", "1");
        });
        runToTheEnd(robot);
        Fx.waitUntil("Diverged on screen", 3000, () -> panel.runControls().runStatus() == RunStatus.DIVERGED);
        assertEquals(null, Fx.get(() -> panel.table("results")));
        assertEquals(null, Fx.get(() -> panel.figureView("accuracy-bars")));
        assertFalse(Fx.get(() -> table.getParent() != null || bars.getParent() != null), "the dropped views left the window");
        // A declared live chart belongs to every run: it stays, empty, ready for the next one.
        assertTrue(Fx.get(() -> panel.chart("loss")) == loss);
        assertEquals(0, Fx.get(loss::totalPoints));
    }

    private void runToTheEnd(FxRobot robot) throws Exception {
        robot.clickOn("#start-button");
        Run run = Fx.get(panel::currentRun);
        assertTrue(run.await(20, TimeUnit.SECONDS));
        Fx.waitUntil("the run's end on screen", 3000, () -> panel.runControls().runStatus() == run.status());
    }
}
