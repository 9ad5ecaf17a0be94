package nnlab.plugintest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import nnlab.app.Fx;
import nnlab.app.GenericExperimentPanel;
import nnlab.app.LiveLineChart;
import nnlab.app.NnLabApp;
import nnlab.history.HistoryPage;
import nnlab.history.HistoryPanel;
import nnlab.history.RunDetailView;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunStore;
import nnlab.kernel.store.SavedRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The test-only plug-in in the real main window: listed in the navigation, its declared chart
 * filling in while it runs, its run opening in History. No main source file names it.
 */
@ExtendWith(ApplicationExtension.class)
class PluginInAppTest {
    @TempDir
    static Path runs;
    private static String runsBefore;
    private NnLabApp app;

    @Start
    void start(Stage stage) {
        runsBefore = System.getProperty(RunStore.DIR_PROPERTY);
        System.setProperty(RunStore.DIR_PROPERTY, runs.toString());
        app = new NnLabApp();
        app.start(stage);
    }

    @AfterAll
    static void restore() {
        if (runsBefore == null) System.clearProperty(RunStore.DIR_PROPERTY);
        else System.setProperty(RunStore.DIR_PROPERTY, runsBefore);
    }

    @Test
    void thePlugInIsListedRunsLiveAndOpensInHistory() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<Experiment> navigation = (ListView<Experiment>) Fx.get(() -> app.owner().getScene().lookup(".navigation"));
        assertTrue(Fx.get(() -> navigation.getItems().stream().anyMatch(e -> e.id().equals(EchoExperiment.ID))),
                "the navigation lists the plug-in");

        GenericExperimentPanel panel = (GenericExperimentPanel) Fx.get(() -> app.showExperiment(EchoExperiment.ID));
        assertEquals(EchoExperiment.ID, Fx.get(() -> navigation.getSelectionModel().getSelectedItem().id()));
        LiveLineChart chart = Fx.get(() -> panel.chart(EchoExperiment.SQUARES));
        assertNotNull(chart, "the declared live chart is there before any run");
        assertEquals("Squares", Fx.get(chart::title));

        // Watched on every frame: the chart must show some but not yet all points while the run goes.
        AtomicBoolean sawPartial = new AtomicBoolean();
        AnimationTimer watch = new AnimationTimer() {
            @Override public void handle(long now) {
                int n = chart.totalPoints();
                if (n > 0 && n < 20) sawPartial.set(true);
            }
        };
        Fx.run(() -> {
            panel.settingsForm().setText("points", "20");
            panel.settingsForm().setText("pause-ms", "40");
            watch.start();
            panel.start();
        });
        Run run = Fx.get(panel::currentRun);
        assertTrue(run.await(60, TimeUnit.SECONDS));
        assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
        Fx.waitUntil("all 20 points on the chart", 10_000, () -> chart.totalPoints() == 20);
        Fx.run(watch::stop);
        assertTrue(sawPartial.get(), "the chart filled in while the run was going");
        assertNull(Fx.get(() -> panel.figureView(EchoExperiment.SQUARES_FIGURE)), "a saved-only figure is not shown live");

        HistoryPage page = (HistoryPage) Fx.get(() -> app.pages().stream().filter(p -> p instanceof HistoryPage).findFirst().orElseThrow());
        Fx.run(() -> app.showPage(page));
        HistoryPanel history = Fx.get(page::panel);
        Fx.waitUntil("the run in History", 10_000,
                () -> history.shownRuns().stream().anyMatch(r -> r.experimentId().equals(EchoExperiment.ID)));
        SavedRun saved = Fx.get(() -> history.shownRuns().stream().filter(r -> r.experimentId().equals(EchoExperiment.ID))
                .findFirst().orElseThrow());
        assertEquals("20 squares", saved.headline());
        RunDetailView detail = Fx.get(() -> history.open(saved)).get(10, TimeUnit.SECONDS);
        assertNotNull(Fx.get(() -> detail.figure(EchoExperiment.SQUARES_FIGURE.id())), "the saved figure");
        assertNotNull(Fx.get(() -> detail.chart("y")), "the metrics curve");
        assertEquals(20, Fx.get(() -> detail.chart("y").totalPoints()));
        assertNotNull(Fx.get(() -> app.owner().getScene().lookup("#nav-history")), "History's navigation entry");
    }
}
