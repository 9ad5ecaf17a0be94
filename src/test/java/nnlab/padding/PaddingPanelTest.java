package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nnlab.app.AppContext;
import nnlab.app.FigureView;
import nnlab.app.Fx;
import nnlab.app.ResultsTableView;
import nnlab.kernel.NativeSetup;
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

@ExtendWith(ApplicationExtension.class)
class PaddingPanelTest {
    @TempDir
    static Path tmp;
    private RunEngine engine;
    private PaddingPanel panel;

    @Start
    void start(Stage stage) {
        NativeSetup.initNow();
        engine = new RunEngine(1, new RunStore(tmp.resolve("runs")));
        panel = new PaddingPanel(new AppContext(engine, stage));
        Fx.showInStage(stage, panel.view());
        panel.onBackendReady();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aTinyRunFillsTheResultsTableAndTheBarsExportAsPng(FxRobot robot) throws Exception {
        FigureView preview = Fx.get(() -> panel.figureView(PaddingExperiment.PREVIEW_FIGURE));
        Fx.waitUntil("the dataset preview before any run", 10_000, () -> preview.figure() != null);

        Fx.run(() -> {
            var form = panel.settingsForm();
            form.setText("net", "Net1");
            form.setText("padding", "valid,replicate");
            form.setText("rounds", "1");
            form.setText("epochs", "2");
            form.setText("train-size", "60");
            form.setText("val-size", "30");
            form.setText("test-size", "30");
            form.setText("batch-size", "30");
        });
        // Before any run the results table lists what the settings will train, results open.
        ResultsTableView planned = Fx.get(() -> panel.table(PaddingExperiment.RESULTS_TABLE));
        assertNotNull(planned, "the planned results table is there before any run");
        assertEquals(List.of(List.of("Net1", "valid", "…"), List.of("Net1", "replicate", "…")),
                Fx.get(() -> planned.tableView().getItems().stream().map(r -> r.cells().subList(0, 3)).toList()),
                "the plan follows the settings");
        FigureView plannedBars = Fx.get(() -> panel.figureView(PaddingExperiment.BARS_FIGURE));
        assertNotNull(plannedBars, "the bars' card is there before any run");
        assertEquals(List.of("valid", "replicate"), Fx.get(() -> ((nnlab.kernel.figure.BarFigure) plannedBars.figure()).categories()));

        robot.clickOn("#start-button");
        Run run = Fx.get(panel::currentRun);
        assertNotNull(run);
        assertTrue(run.await(3, TimeUnit.MINUTES));
        assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
        Fx.waitUntil("the final status on screen", 5000, () -> panel.runControls().runStatus() == RunStatus.FINISHED);

        ResultsTableView table = Fx.get(() -> panel.table(PaddingExperiment.RESULTS_TABLE));
        assertTrue(table == planned, "the run fills the planned table");
        assertEquals(2, Fx.get(() -> table.tableView().getItems().size()));
        assertTrue(Fx.get(() -> table.detail(1, 3)).contains("round 1"));
        // Every variant trained so far stays on its net's charts: one curve per padding, each with every epoch.
        for (String chart : List.of("loss-Net1", "accuracy-Net1")) {
            // Both variants' rounds run at once, so which curve arrives first is up to the scheduler.
            assertEquals(java.util.Set.of("valid", "replicate"), java.util.Set.copyOf(Fx.get(() -> panel.chart(chart).seriesNames())), chart);
            assertEquals(2, Fx.get(() -> panel.chart(chart).seriesNames()).size(), chart + ": one curve per padding");
            for (String padding : List.of("valid", "replicate")) assertEquals(2, Fx.get(() -> panel.chart(chart).pointCount(padding)));
        }
        assertEquals(List.of(new nnlab.kernel.figure.ReferenceLine(50, "chance 50 %")),
                Fx.get(() -> panel.chart("accuracy-Net1").references()), "chance on the live accuracy chart");
        assertEquals(100, Fx.get(() -> panel.chart("accuracy-Net1").toFigure().yMax()), "accuracy on 0–100 %");
        assertNull(Fx.get(() -> panel.figureView(PaddingExperiment.LOSS_FIGURE)), "the live chart stands for the loss figure");

        FigureView bars = Fx.get(() -> panel.figureView(PaddingExperiment.BARS_FIGURE));
        assertTrue(bars == plannedBars, "the run fills the planned bars");
        assertTrue(Double.isFinite(((nnlab.kernel.figure.BarFigure) bars.figure()).values()[0][0]), "with the run's accuracies");
        Path png = tmp.resolve("bars.png");
        bars.exportPng(png, 2).get(30, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "the exported PNG decodes");
        assertTrue(image.getWidth() >= 1000, "2× export, got width " + image.getWidth());
    }

    @Test
    void theHeadingTeachesAndTheModelViewShowsTheNets(FxRobot robot) {
        var guide = Fx.get(panel::readingGuide);
        assertNotNull(guide, "a How to read this toggle in the heading");
        assertTrue(!Fx.get(guide::isOpen) && !Fx.get(() -> guide.text().isVisible()), "closed by default");
        robot.clickOn("#how-to-read");
        assertTrue(Fx.get(guide::isOpen) && Fx.get(() -> guide.text().isVisible()), "one click opens it");
        assertTrue(Fx.get(() -> guide.text().getText()).contains("50 %"));

        Fx.run(() -> panel.settingsForm().setText("net", "Net1,Net2"));
        Fx.waitUntil("the model view lists both nets", 20_000, () -> Fx.get(() -> panel.modelView().models().size()) == 2);
        var models = Fx.get(() -> panel.modelView().models());
        for (var m : models) {
            long built = PaddingNets.build(PaddingExperiment.architecture(Fx.get(() -> panel.settingsForm().currentConfig()), m.name(),
                    PaddingMode.VALID), 1, org.nd4j.linalg.api.buffer.DataType.FLOAT).numParams();
            assertEquals(built, m.totalParameters(), m.name());
        }
        assertTrue(Fx.get(() -> panel.modelView().getText()).startsWith("Model: Net1: "), Fx.get(() -> panel.modelView().getText()));
    }

    @Test
    void theResultsTableLinksToTheBarsBelowIt(FxRobot robot) {
        Fx.waitUntil("the planned results table", 10_000, () -> Fx.get(() -> panel.table(PaddingExperiment.RESULTS_TABLE)) != null);
        javafx.scene.control.Hyperlink link = Fx.get(() -> (javafx.scene.control.Hyperlink) panel.view().lookup("#results-next-view"));
        assertNotNull(link, "a link in the results table's header");
        assertEquals("Test accuracy ↓", Fx.get(link::getText));
        FigureView bars = Fx.get(() -> panel.figureView(PaddingExperiment.BARS_FIGURE));
        var scroll = Fx.get(panel::contentScroll);
        Fx.run(() -> scroll.setVvalue(scroll.getVmin()));
        robot.clickOn(link);
        Fx.waitUntil("the bars' card at the top of the view", 5000, () -> Fx.get(() -> {
            double barsTop = bars.localToScene(bars.getLayoutBounds()).getMinY();
            double viewportTop = scroll.localToScene(scroll.getLayoutBounds()).getMinY();
            return scroll.getVvalue() > scroll.getVmin() && Math.abs(barsTop - viewportTop) < 40;
        }));
    }

    @Test
    void startLooksPrimaryOnlyWhenItCanStart() {
        assertTrue(Fx.get(() -> panel.runControls().startLooksPrimary()));
        Fx.run(() -> panel.settingsForm().setText("rounds", "0"));
        assertTrue(!Fx.get(() -> panel.runControls().startLooksPrimary()), "invalid settings: Start is plain");
        Fx.run(() -> panel.settingsForm().setText("rounds", "1"));
        assertTrue(Fx.get(() -> panel.runControls().startLooksPrimary()));
    }

    @Test
    void anInvalidSettingIsRefusedBeforeAnyRunStarts(FxRobot robot) {
        Fx.run(() -> panel.settingsForm().setText("rounds", "0"));
        robot.clickOn("#start-button");
        assertNull(Fx.get(panel::currentRun));
        assertTrue(Fx.get(() -> panel.settingsForm().errorMessage("rounds")).orElse("").contains("from 1 to 100"));
    }
}
