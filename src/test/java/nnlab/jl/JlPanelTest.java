package nnlab.jl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.figure.LineFigure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class JlPanelTest {
    private JlPanel panel;

    @BeforeAll
    static void initBackend() {
        NativeSetup.initNow();
    }

    @Start
    void start(Stage stage) {
        panel = new JlPanel(new JlExperiment());
        stage.setScene(new Scene((Parent) panel.view(), 1200, 760));
        stage.show();
        // Small sizes keep the test quick; the defaults are measured in docs/LABS.md.
        panel.loadSettings(new JlExperiment().schema().fromText(java.util.Map.of("points", "40", "dim", "300", "corollary-dim", "64",
                "set-cap", "64", "set-size", "32", "corollary-points", "3")));
        panel.onBackendReady();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private LineFigure histogram() {
        return (LineFigure) panel.lab().figureView(JlExperiment.HISTOGRAM.id()).figure();
    }

    @Test
    void changingKRedrawsTheHistogramWithNewRatios(FxRobot robot, @TempDir Path dir) throws Exception {
        waitUntil(() -> panel.lab().shownConfig() != null && panel.lab().shownConfig().getInt("points") == 40);
        String before = histogram().title();
        assertTrue(before.contains("k = 100"), before);
        long redraws = panel.lab().redrawsProperty().get();
        waitUntil(() -> panel.lab().figureView(JlExperiment.HISTOGRAM.id()).shownSize() != null
                && panel.lab().figureView(JlExperiment.SIZE_VS_DELTA.id()).shownSize() != null);
        javafx.scene.image.Image histogramBefore = panel.lab().figureView(JlExperiment.HISTOGRAM.id()).image();
        javafx.scene.image.Image corollaryBefore = panel.lab().figureView(JlExperiment.SIZE_VS_DELTA.id()).image();
        robot.clickOn(panel.lab().controls().slider("k").field()).eraseText(5).write("20").type(KeyCode.ENTER);
        waitUntil(() -> panel.lab().redrawsProperty().get() > redraws && panel.lab().shownConfig().getInt("k") == 20);
        // The changed figure arrives rendered for the size it is shown at; k leaves the corollary's figure (and its image) alone.
        javafx.scene.image.Image histogramAfter = panel.lab().figureView(JlExperiment.HISTOGRAM.id()).image();
        assertTrue(histogramAfter != histogramBefore);
        assertEquals(histogramBefore.getWidth(), histogramAfter.getWidth(), 1);
        assertTrue(corollaryBefore == panel.lab().figureView(JlExperiment.SIZE_VS_DELTA.id()).image());
        assertTrue(histogram().title().contains("k = 20"), histogram().title());
        assertNotEquals(before, histogram().title());
        // Fewer rows spread the ratios: the histogram's range widens.
        double[] x = histogram().series().get(0).x();
        assertTrue(x[x.length - 1] - x[0] > 1.0, "ratios from " + x[0] + " to " + x[x.length - 1]);

        // k above d is refused with the field named, and the figures stay.
        robot.clickOn(panel.lab().controls().slider("k").field()).eraseText(5).write("400").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.lab().statusText().contains("(k) must be at most d = 300"), panel.lab().statusText());
        assertEquals(20, panel.lab().shownConfig().getInt("k"));

        // Every view exports.
        Path csv = dir.resolve("fraction.csv");
        panel.lab().figureView(JlExperiment.FRACTION.id()).exportCsv(csv).get(20, TimeUnit.SECONDS);
        assertTrue(Files.readString(csv).startsWith("series,"));
        Path png = dir.resolve("inner.png");
        panel.lab().figureView(JlExperiment.INNER_VS_DIM.id()).exportPng(png, 1).get(20, TimeUnit.SECONDS);
        assertTrue(Files.size(png) > 1000);
    }

    /**
     * At the windows a laptop gives (1280 and 1400 px wide, the panel gets what the 235-px
     * navigation leaves) every figure is drawn at least at its natural size, so its tick labels
     * keep their 11 px; two 340-px columns drew them at 7 px.
     */
    @Test
    void figuresKeepTheirNaturalTextSizeAtLaptopWidths(FxRobot robot) throws Exception {
        java.util.List<nnlab.app.FigureView> views = JlExperiment.VIEWS.stream().map(v -> panel.lab().figureView(v.id())).toList();
        waitUntil(() -> views.stream().allMatch(v -> v.shownZoom() != null));
        for (double panelWidth : new double[] {1280 - 235, 1400 - 235}) {
            robot.interact(() -> robot.window(0).setWidth(panelWidth));
            try {
                waitUntil(() -> views.stream().allMatch(v -> v.shownZoom() != null && v.shownZoom() >= 1 - 1e-9));
            } catch (java.util.concurrent.TimeoutException e) {
                // Reported below with the zooms.
            }
            for (nnlab.app.FigureView v : views) {
                assertTrue(v.shownZoom() >= 1 - 1e-9 && v.shownZoom() <= nnlab.app.widgets.InteractiveFigures.MAX_ZOOM + 1e-9,
                        v.figureId() + " drawn at " + v.shownZoom() + " × its natural size in a " + panelWidth + "-px panel");
            }
        }
    }

    @Test
    void theLabHasThePanelShell(FxRobot robot) {
        assertEquals("Johnson–Lindenstrauss", robot.lookup(".experiment-title").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup(".pane-title").queryAs(javafx.scene.control.Label.class).getText().equals("Settings"));
        javafx.scene.control.Label guide = robot.lookup("#how-to-read-text").queryAs(javafx.scene.control.Label.class);
        assertTrue(!guide.isVisible());
        robot.clickOn("#how-to-read");
        assertTrue(guide.isVisible());
        assertTrue(guide.getText().contains("8 ln n"), guide.getText());
        // The controls sit in the settings column, left of the figures.
        javafx.geometry.Bounds k = panel.lab().controls().slider("k").localToScene(panel.lab().controls().slider("k").getBoundsInLocal());
        javafx.geometry.Bounds fig = panel.lab().figureView(JlExperiment.HISTOGRAM.id())
                .localToScene(panel.lab().figureView(JlExperiment.HISTOGRAM.id()).getBoundsInLocal());
        assertTrue(k.getMaxX() <= fig.getMinX(), k + " vs " + fig);
    }
}
