package nnlab.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import java.nio.file.Files;
import nnlab.app.AppContext;
import nnlab.app.FigureView;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.store.RunStore;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.figure.LineFigure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class GradientsPanelTest {
    private GradientsPanel panel;

    @BeforeAll
    static void initBackend() {
        NativeSetup.initNow();
    }

    private RunEngine engine;

    @org.junit.jupiter.api.AfterEach
    void closeEngine() {
        if (engine != null) engine.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        engine = new RunEngine(1, new RunStore(Files.createTempDirectory("nnlab-gradients-panel")));
        panel = new GradientsPanel(new AppContext(engine, null), new GradientsExperiment(), false);
        stage.setScene(new Scene((Parent) panel.view(), 1200, 760));
        stage.show();
        panel.onBackendReady();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LineFigure chainFigure() {
        FigureView v = panel.chain().figureView(GradientsExperiment.CHAIN.id());
        return (LineFigure) v.figure();
    }

    @Test
    void movingTheDepthSliderRedrawsTheChainWithNewData(FxRobot robot) throws Exception {
        waitUntil(() -> chainFigure() != null && panel.chain().figureView(GradientsExperiment.CHAIN.id()).image() != null);
        assertEquals(30, chainFigure().series().get(0).x().length, "the default depth");
        long before = panel.chain().redrawsProperty().get();
        LineFigure old = chainFigure();
        robot.clickOn(panel.chain().controls().slider("depth").field()).eraseText(4).write("12").type(KeyCode.ENTER);
        waitUntil(() -> panel.chain().redrawsProperty().get() > before && chainFigure().series().get(0).x().length == 12);
        assertNotSame(old, chainFigure());
        assertTrue(panel.chain().lastComputeMillis() > 0);

        // A slider step: the weight's σ_max moves, and the bound's slope follows (log10 of ¼·σ_max(W) per layer).
        long mid = panel.chain().redrawsProperty().get();
        robot.clickOn(panel.chain().controls().slider("weight").slider());
        double w = panel.chain().controls().slider("weight").value();
        waitUntil(() -> panel.chain().redrawsProperty().get() > mid && panel.chain().shownConfig().getDouble("weight") == w);
        LineFigure.Series bound = chainFigure().series().stream().filter(s -> s.name().startsWith("bound")).findFirst().orElseThrow();
        assertEquals(11 * Math.log10(w / 4), bound.y()[11], 1e-9);
    }

    @Test
    void aRefusedValueIsNamedAndKeepsTheFigure(FxRobot robot) throws Exception {
        waitUntil(() -> chainFigure() != null);
        LineFigure shown = chainFigure();
        robot.clickOn(panel.chain().controls().slider("width").field()).eraseText(4).write("0").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.chain().statusText().contains("Width (width) must be a whole number from 1 to 128"), panel.chain().statusText());
        assertEquals(shown, chainFigure());
    }

    @Test
    void trainingFillsTheHeatmapLiveThroughTheEngine(FxRobot robot) throws Exception {
        waitUntil(() -> chainFigure() != null);
        robot.interact(() -> panel.loadSettings(new GradientsExperiment().schema().fromText(java.util.Map.of("variants", "sigmoid",
                "train-depth", "3", "train-width", "8", "epochs", "2", "train-size", "100", "test-size", "100", "batch", "50",
                "data", "synthetic", "depth", "5"))));
        robot.interact(panel::startTraining);
        String id = GradientsExperiment.heatmapView("sigmoid").id();
        waitUntil(() -> panel.trainView(id) != null && panel.trainView(id).figure() instanceof HeatmapFigure h && h.values()[0].length == 3);
        HeatmapFigure h = (HeatmapFigure) panel.trainView(id).figure();
        assertEquals(4, h.values().length, "3 hidden layers and the output layer");
        waitUntil(() -> panel.trainStatus().startsWith("["));
        assertTrue(panel.trainStatus().startsWith("[Finished]"), panel.trainStatus());
    }

    @Test
    void theLabHasThePanelShellAndItsSettingsColumnFollowsTheTab(FxRobot robot) {
        // Title, description and the reading guide (closed, one click opens it), as every panel has.
        assertTrue(robot.lookup(".experiment-title").queryAs(javafx.scene.control.Label.class).getText().equals("Gradient flow"));
        assertTrue(robot.lookup(".experiment-description").queryAs(javafx.scene.control.Label.class).getText().contains("Vanishing"));
        javafx.scene.control.Label guide = robot.lookup("#how-to-read-text").queryAs(javafx.scene.control.Label.class);
        assertTrue(!guide.isVisible());
        robot.clickOn("#how-to-read");
        assertTrue(guide.isVisible() && guide.getText().contains("Dark bottom rows"), guide.getText());
        // The settings column shows the chain's settings on the chain tab and the training's (with Train) on the other.
        assertTrue(panel.chain().controlsBox().isVisible());
        assertTrue(!panel.trainControlsVisible());
        robot.clickOn("Training: gradient norm per layer");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.trainControlsVisible());
        assertTrue(!panel.chain().controlsBox().isVisible());
    }
}
