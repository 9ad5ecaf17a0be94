package nnlab.rotation;

import nnlab.datasets.SyntheticShapes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import nnlab.app.AppContext;
import nnlab.app.FigureView;
import nnlab.app.Fx;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.figure.ImageGridFigure;
import nnlab.kernel.figure.TableFigure;
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
class RotationPanelTest {
    @TempDir
    static Path tmp;
    private RunEngine engine;
    private RotationPanel panel;

    @Start
    void start(Stage stage) {
        NativeSetup.initNow();
        engine = new RunEngine(1, new RunStore(tmp.resolve("runs")));
        panel = new RotationPanel(new AppContext(engine, stage));
        Fx.showInStage(stage, panel.view());
        panel.onBackendReady();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void thePreviewFollowsTheDataSourceAndATinyRunFillsTheViews(FxRobot robot) throws Exception {
        FigureView samples = Fx.get(() -> panel.figureView(RotationExperiment.SAMPLES_FIGURE));
        Fx.run(() -> panel.settingsForm().setText("data", "synthetic"));
        Fx.waitUntil("generated samples in the preview", 20_000,
                () -> samples.figure() instanceof ImageGridFigure g && g.title().contains("synthetic"));
        assertEquals(2 * SyntheticShapes.CLASSES.size(), ((ImageGridFigure) samples.figure()).tiles().size());

        // A folder without data is reported in the preview, naming the folder, before any run.
        Fx.run(() -> {
            panel.settingsForm().setText("data", "mnist");
            panel.settingsForm().setText("data-dir", tmp.toString());
        });
        Fx.waitUntil("the problem in the preview", 20_000,
                () -> samples.figure() instanceof TableFigure t && t.rows().get(0).get(0).contains(tmp.toString()));

        Fx.run(() -> {
            var form = panel.settingsForm();
            form.setText("data", "synthetic");
            form.setText("train-size", "64");
            form.setText("test-size", "32");
            form.setText("epochs", "1");
            form.setText("batch-size", "32");
            form.setText("angle-step", "90");
        });
        robot.clickOn("#start-button");
        Run run = Fx.get(panel::currentRun);
        assertNotNull(run);
        assertTrue(run.await(3, TimeUnit.MINUTES));
        assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
        Fx.waitUntil("the final status on screen", 5000, () -> panel.runControls().runStatus() == RunStatus.FINISHED);

        assertEquals(5, Fx.get(() -> panel.chart("accuracy").pointCount(RotationExperiment.SERIES_A)));
        assertEquals(5, Fx.get(() -> panel.chart("accuracy").pointCount(RotationExperiment.SERIES_B)));
        assertNotNull(Fx.get(() -> panel.table(RotationExperiment.CLASS_TABLE)));
        assertNotNull(Fx.get(() -> panel.figureView(RotationExperiment.STRIP_FIGURE)));
        assertNull(Fx.get(() -> panel.figureView(RotationExperiment.ACCURACY_FIGURE)), "the live chart stands for this figure");
    }
}
