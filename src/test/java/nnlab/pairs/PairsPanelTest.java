package nnlab.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javafx.stage.Stage;
import nnlab.app.AppContext;
import nnlab.app.FigureView;
import nnlab.app.Fx;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.store.RunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PairsPanelTest {
    @TempDir
    static Path tmp;
    private RunEngine engine;
    private PairsPanel panel;

    @Start
    void start(Stage stage) {
        NativeSetup.initNow();
        engine = new RunEngine(1, new RunStore(tmp.resolve("runs")));
        panel = new PairsPanel(new AppContext(engine, stage));
        Fx.showInStage(stage, panel.view());
        panel.onBackendReady();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theReceptiveFieldAndTheCalculatorFollowTheSettingsBeforeAnyRun() {
        FigureView region = Fx.get(() -> panel.figureView(PairsExperiment.FIELD_REGION_FIGURE));
        FigureView calculator = Fx.get(() -> panel.figureView(PairsExperiment.CALCULATOR_FIGURE));
        Fx.waitUntil("the default field", 20_000, () -> region.figure() instanceof HeatmapFigure h && h.title().startsWith("CNNChannel pool1"));
        assertEquals(28, ((HeatmapFigure) region.figure()).values().length);

        Fx.run(() -> {
            panel.settingsForm().setText("rf-model", "CNN");
            panel.settingsForm().setText("rf-layer", "conv2");
        });
        Fx.waitUntil("CNN's conv2 field over the stacked pair", 20_000, () -> region.figure() instanceof HeatmapFigure h
                && h.title().startsWith("CNN conv2") && h.title().contains("8×8 px in full") && h.values().length == 56);

        Fx.run(() -> panel.settingsForm().setText("calc-kernel", "5"));
        Fx.waitUntil("the calculator for k = 5", 20_000,
                () -> calculator.figure() instanceof LineFigure f && f.title().contains("1 + 6(5 − 1) = 25"));
    }
}
