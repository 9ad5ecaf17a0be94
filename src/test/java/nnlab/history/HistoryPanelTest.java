package nnlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import nnlab.app.FakeExperiment;
import nnlab.app.Fx;
import nnlab.app.LiveLineChart;
import nnlab.app.ResultsTableView;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.RunStore;
import nnlab.kernel.store.SavedRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The History page over a runs folder holding two real runs of the synthetic study (made by a
 * RunEngine and RunStore, as the app makes them), a damaged folder, an interrupted run and a
 * run of another experiment.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryPanelTest {
    @TempDir
    static Path tmp;
    static RunStore store;
    /** Run A: 3 epochs, lr 0.3; run B: 4 epochs, lr 0.6; both padding zero only. */
    static Path runA;
    static Path runB;
    static Path damaged;
    static Path interrupted;
    static Path other;

    private final FakeExperiment fake = new FakeExperiment();
    private final List<String> applied = new ArrayList<>();
    private HistoryPanel panel;

    @BeforeAll
    static void makeRuns() throws Exception {
        store = new RunStore(tmp.resolve("runs"));
        FakeExperiment fake = new FakeExperiment();
        try (RunEngine engine = new RunEngine(1, store)) {
            runA = run(engine, fake, Map.of("epochs", "3", "lr", "0.3", "paddings", "zero", "step-ms", "0"));
            runB = run(engine, fake, Map.of("epochs", "4", "lr", "0.6", "paddings", "zero", "step-ms", "0"));
        }
        damaged = Files.createDirectory(store.root().resolve("fake-20200101-000000"));
        Files.writeString(damaged.resolve("config.json"), "{\"experiment\": \"fake\", \"epochs\": 2}");
        interrupted = Files.createDirectory(store.root().resolve("fake-20200102-000000"));
        Files.writeString(interrupted.resolve("config.json"), "{\"experiment\": \"fake\", \"epochs\": 9}");
        Files.writeString(interrupted.resolve("run.json"),
                "{\"experiment\": \"fake\", \"status\": \"running\", \"message\": \"running\", \"started\": \"2020-01-02T00:00:00Z\"}");
        Files.writeString(interrupted.resolve("metrics.csv"), "padding,epoch,train_loss,val_loss,val_acc\nzero,1,0.9,1.0,0.6\nzero,2,0.7,0.8,0.7\n");
        other = Files.createDirectory(store.root().resolve("other-20200103-000000"));
        Files.writeString(other.resolve("config.json"), "{\"experiment\": \"other\"}");
        Files.writeString(other.resolve("run.json"), "{\"experiment\": \"other\", \"status\": \"finished\", \"message\": \"ok\", "
                + "\"started\": \"2020-01-03T00:00:00Z\", \"ended\": \"2020-01-03T00:01:00Z\"}");
    }

    private static Path run(RunEngine engine, FakeExperiment fake, Map<String, String> settings) throws Exception {
        Run run = engine.submit(fake, fake.schema().fromText(settings));
        assertTrue(run.await(20, TimeUnit.SECONDS));
        assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
        Thread.sleep(20); // distinct start times
        return run.folder();
    }

    @Start
    void start(Stage stage) {
        panel = new HistoryPanel(new RunHistory(store), null, List.<Experiment>of(fake), this::apply);
        Scene scene = new Scene((javafx.scene.Parent) panel.view(), 1200, 800);
        scene.getStylesheets().add(getClass().getResource("/nnlab/nnlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private String apply(Experiment experiment, Config config, boolean start) {
        applied.add(experiment.id() + " epochs=" + config.getInt("epochs") + " lr=" + config.getDouble("lr") + " start=" + start);
        return null;
    }

    @AfterEach
    void closeDialogs() {
        Fx.closeDialogs();
    }

    private List<SavedRun> refresh() throws Exception {
        return Fx.get(panel::refresh).get(10, TimeUnit.SECONDS);
    }

    private SavedRun saved(List<SavedRun> runs, Path folder) {
        return runs.stream().filter(r -> r.folder().equals(folder)).findFirst().orElseThrow();
    }

    private static DialogPane dialog() {
        Fx.waitUntil("a dialog", 5000, () -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane));
        return Fx.get(() -> (DialogPane) Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .findFirst().orElseThrow().getScene().getRoot());
    }

    @Test
    void everyColumnHeaderShowsItsTitleAndTheToolbarFitsANarrowWindow() throws Exception {
        refresh();
        List<String> shown = Fx.get(() -> panel.table().lookupAll(".column-header > .label").stream()
                .map(n -> (Label) n)
                // A header label set to show only its graphic shows nothing when it has none.
                .filter(l -> l.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY || l.getGraphic() != null)
                .map(Label::getText).toList());
        assertEquals(List.of("Run", "Experiment", "Started", "Status", "Duration", "Result"), shown);
        Fx.run(() -> {
            panel.view().getScene().getWindow().setWidth(1000);
            panel.view().applyCss();
            ((javafx.scene.Parent) panel.view()).layout();
        });
        Fx.waitUntil("the window is narrow", 5000, () -> Fx.get(() -> panel.view().getScene().getWidth()) <= 1000);
        Node delete = Fx.get(() -> panel.view().lookup("#history-delete"));
        assertNotNull(delete, "the Delete action");
        double right = Fx.get(() -> delete.localToScene(delete.getLayoutBounds()).getMaxX());
        double width = Fx.get(() -> panel.view().getScene().getWidth());
        assertTrue(right <= width, "the last action ends at " + right + " px, inside the " + width + " px window");
    }

    @Test
    void theListShowsEveryRunWithItsStatusAndFilters() throws Exception {
        List<SavedRun> runs = refresh();
        assertEquals(5, runs.size());
        List<Path> order = runs.stream().map(SavedRun::folder).toList();
        assertTrue(order.indexOf(runB) < order.indexOf(runA), "newest first: " + order);
        Map<Path, String> status = runs.stream().collect(Collectors.toMap(SavedRun::folder, RunLabels::status));
        assertEquals("finished", status.get(runA));
        assertEquals("damaged", status.get(damaged));
        assertEquals("interrupted", status.get(interrupted));
        assertEquals(5, Fx.get(() -> panel.shownRuns().size()));
        assertEquals("5 runs", Fx.get(() -> robotText("#history-count")));

        Fx.run(() -> panel.setFilters(null, "damaged"));
        assertEquals(List.of(damaged), Fx.get(() -> panel.shownRuns().stream().map(SavedRun::folder).toList()));
        assertEquals("1 of 5 runs", Fx.get(() -> robotText("#history-count")));
        Fx.run(() -> panel.setFilters("fake", null));
        assertEquals(4, Fx.get(() -> panel.shownRuns().size()));
        Fx.run(() -> panel.setFilters("other", "finished"));
        assertEquals(List.of(other), Fx.get(() -> panel.shownRuns().stream().map(SavedRun::folder).toList()));
        Fx.run(() -> panel.setFilters(null, null));

        // The damaged run's reason is in the list, in its Result column.
        Fx.waitUntil("the damage reason on screen", 3000, () -> panel.view().lookupAll(".damage-cell").stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> c && c.getText() != null && c.getText().contains("run.json is missing")));
    }

    private String robotText(String selector) {
        return ((Label) panel.view().lookup(selector)).getText();
    }

    @Test
    void openingARunShowsItsTableFigureCurvesSettingsAndMessage(FxRobot robot) throws Exception {
        refresh();
        Fx.run(() -> {
            panel.table().getSelectionModel().clearSelection();
            for (int i = 0; i < panel.table().getItems().size(); i++) {
                if (panel.table().getItems().get(i).folder().equals(runA)) panel.table().getSelectionModel().select(i);
            }
        });
        robot.clickOn("#history-open");
        Fx.waitUntil("the run's page", 10_000, () -> panel.detailView() != null);
        RunDetailView detail = Fx.get(panel::detailView);
        assertEquals(runA, detail.run().folder());

        ResultsTableView results = Fx.get(() -> detail.table("results"));
        assertNotNull(results, "the saved results table");
        assertEquals(List.of("padding", "accuracy", "loss"), Fx.get(() -> results.tableView().getColumns().stream().map(c -> c.getText()).toList()));
        assertEquals(1, Fx.get(() -> results.tableView().getItems().size()));

        SavedFigureView figure = Fx.get(() -> detail.figure("accuracy-bars"));
        assertNotNull(figure, "the saved figure");
        Fx.waitUntil("the saved PNG on screen", 10_000, () -> figure.image() != null);

        LiveLineChart loss = Fx.get(() -> detail.chart("train_loss"));
        assertNotNull(loss, "a curve per metrics.csv column");
        assertEquals(List.of("zero"), Fx.get(loss::seriesNames));
        assertEquals(3, Fx.get(() -> loss.pointCount("zero")));
        assertEquals(Set.of("train_loss", "val_loss", "val_acc"), Fx.get(() -> detail.charts().keySet()));

        assertEquals("3", Fx.get(() -> detail.settingsList().value("epochs")));
        assertEquals("0.3", Fx.get(() -> detail.settingsList().value("lr")));
        assertTrue(Fx.get(detail::messageText).startsWith("Finished in"), Fx.get(detail::messageText));

        // Re-run sends the run's settings to the experiment's panel and starts it.
        robot.clickOn("#detail-rerun");
        assertEquals(List.of("fake epochs=3 lr=0.3 start=true"), applied);
        robot.clickOn("#detail-use-settings");
        assertEquals("fake epochs=3 lr=0.3 start=false", applied.get(1));

        // Esc goes back to the list; Enter on a selected row opens it.
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertTrue(Fx.get(panel::isListShown));
        Fx.run(() -> panel.table().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        Fx.waitUntil("the run's page again", 10_000, () -> panel.detailView() != null);
        robot.clickOn("#history-back");
        assertTrue(Fx.get(panel::isListShown));
    }

    @Test
    void theListRefreshesItselfWhenARunOfTheAppEnds() throws Exception {
        RunStore own = new RunStore(tmp.resolve("live-runs"));
        try (RunEngine engine = new RunEngine(1, own)) {
            HistoryPanel live = Fx.get(() -> new HistoryPanel(new RunHistory(own), engine, List.<Experiment>of(fake), this::apply));
            assertEquals(List.of(), Fx.get(live::refresh).get(10, TimeUnit.SECONDS));
            Run run = engine.submit(fake, fake.schema().fromText(Map.of("epochs", "2", "step-ms", "0", "paddings", "zero")));
            assertTrue(run.await(20, TimeUnit.SECONDS));
            Fx.waitUntil("the finished run listed without a refresh", 10_000, () -> live.shownRuns().size() == 1
                    && live.shownRuns().get(0).status() == RunStatus.FINISHED);
            assertEquals(run.folder(), Fx.get(() -> live.shownRuns().get(0).folder()));
        }
    }

    @Test
    void damagedAndInterruptedRunsOpenWithTheirReason() throws Exception {
        List<SavedRun> runs = refresh();
        RunDetailView d = Fx.get(() -> panel.open(saved(runs, damaged))).get(10, TimeUnit.SECONDS);
        // The notice sits in a scroll pane, whose content joins the scene graph with its skin on the next pulse.
        Fx.waitUntil("the damage notice is shown", 10_000, () -> d.view().lookup("#run-detail-damage") != null);
        Label damage = Fx.get(() -> (Label) d.view().lookup("#run-detail-damage"));
        assertNotNull(damage);
        assertTrue(Fx.get(damage::getText).contains("run.json is missing"), Fx.get(damage::getText));
        assertEquals("2", Fx.get(() -> d.settingsList().value("epochs")), "what could be read is shown");

        RunDetailView i = Fx.get(() -> panel.open(saved(runs, interrupted))).get(10, TimeUnit.SECONDS);
        assertEquals("interrupted", RunLabels.status(i.run()));
        assertTrue(Fx.get(i::messageText).toLowerCase().contains("interrupted"), Fx.get(i::messageText));
        assertEquals(2, Fx.get(() -> i.chart("val_acc").pointCount("zero")), "every flushed epoch is plotted");
    }

    @Test
    void comparingTwoRunsOverlaysCurvesListsDifferingSettingsAndMarksDifferingCells(FxRobot robot) throws Exception {
        List<SavedRun> runs = refresh();
        Fx.run(() -> {
            panel.table().getSelectionModel().clearSelection();
            for (int i = 0; i < panel.table().getItems().size(); i++) {
                Path f = panel.table().getItems().get(i).folder();
                if (f.equals(runA) || f.equals(runB)) panel.table().getSelectionModel().select(i);
            }
        });
        robot.clickOn("#history-compare");
        Fx.waitUntil("the comparison", 10_000, () -> panel.compareView() != null);
        CompareView c = Fx.get(panel::compareView);
        List<String> labels = c.labels();
        assertEquals(2, labels.size());

        LiveLineChart loss = Fx.get(() -> c.chart("train_loss"));
        assertEquals(Set.copyOf(labels), Set.copyOf(Fx.get(loss::seriesNames)), "one series per run");
        Fx.waitUntil("the overlaid curves drawn", 5000, () -> loss.image() != null);
        assertEquals(2, Fx.get(() -> loss.toFigure().series().size()), "both runs' curves in one drawing");

        ResultsTableView settings = c.settingsTable();
        List<String> differing = Fx.get(() -> settings.tableView().getItems().stream().map(r -> r.cells().get(0)).toList());
        assertEquals(List.of("Epochs", "Learning rate"), differing);

        List<ResultsTableView> tables = c.tables("results");
        assertEquals(2, tables.size());
        // The accuracy of padding "zero" differs (another learning rate); the padding itself does not.
        assertNotNull(Fx.get(() -> tables.get(0).highlight(0, 1)));
        assertNull(Fx.get(() -> tables.get(0).highlight(0, 0)));
        Fx.waitUntil("a highlighted cell on screen", 3000, () -> c.view().lookupAll(".table-cell").stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getText() != null
                        && cell.getPseudoClassStates().contains(ResultsTableView.DIFFERS)));
        assertEquals(2, Fx.get(() -> c.figures("accuracy-bars").size()));

        // Mixed experiments are refused with a note, and nothing is opened.
        robot.clickOn("#history-back");
        CompareView mixed = Fx.get(() -> panel.compare(List.of(saved(runs, runA), saved(runs, other)))).get(5, TimeUnit.SECONDS);
        assertNull(mixed);
        assertTrue(Fx.get(panel::noteText).contains("same experiment"), Fx.get(panel::noteText));
        assertTrue(Fx.get(panel::isListShown));
    }

    @Test
    void showFolderWhereNoFileManagerOpensPutsThePathOnTheClipboard() throws Exception {
        // A folder gone since the list was read cannot be opened by any file manager.
        Path gone = Files.createDirectory(store.root().resolve("fake-20180101-000000"));
        Files.writeString(gone.resolve("config.json"), "{\"experiment\": \"fake\"}");
        SavedRun run = saved(refresh(), gone);
        Files.delete(gone.resolve("config.json"));
        Files.delete(gone);

        assertFalse(Fx.get(() -> panel.reveal(run)).get(10, TimeUnit.SECONDS));
        assertEquals(gone.toString(), Fx.get(() -> Clipboard.getSystemClipboard().getString()));
        assertTrue(Fx.get(panel::noteText).contains("on the clipboard: " + gone), Fx.get(panel::noteText));
        assertTrue(Fx.get(() -> dialog().getContentText()).contains(gone.toString()));
    }

    @Test
    void deleteAsksFirstAndRenameKeepsTheFolder(FxRobot robot) throws Exception {
        Path extra = Files.createDirectory(store.root().resolve("fake-20190101-000000"));
        Files.writeString(extra.resolve("config.json"), "{\"experiment\": \"fake\"}");
        Files.writeString(extra.resolve("run.json"), "{\"experiment\": \"fake\", \"status\": \"cancelled\", \"message\": \"cancelled\", "
                + "\"started\": \"2019-01-01T00:00:00Z\", \"ended\": \"2019-01-01T00:00:05Z\"}");
        List<SavedRun> runs = refresh();
        SavedRun renamed = Fx.get(() -> panel.rename(saved(runs, extra), "baseline")).get(10, TimeUnit.SECONDS);
        assertEquals("baseline", renamed.name());
        assertEquals(extra, renamed.folder());
        Fx.waitUntil("the new name in the list", 3000, () -> panel.shownRuns().stream().anyMatch(r -> r.name().equals("baseline")));

        Fx.run(() -> {
            panel.table().getSelectionModel().clearSelection();
            for (int i = 0; i < panel.table().getItems().size(); i++) {
                if (panel.table().getItems().get(i).folder().equals(extra)) panel.table().getSelectionModel().select(i);
            }
        });
        robot.clickOn("#history-delete");
        DialogPane ask = dialog();
        assertTrue(Fx.get(ask::getHeaderText).contains("baseline"));
        assertTrue(Files.exists(extra), "nothing is deleted before the answer");
        ButtonType deleteType = Fx.get(() -> ask.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow());
        robot.clickOn((Node) Fx.get(() -> (Button) ask.lookupButton(deleteType)));
        Fx.waitUntil("the folder deleted and the list refreshed", 10_000,
                () -> !Files.exists(extra) && panel.shownRuns().stream().noneMatch(r -> r.folder().equals(extra)));
        assertFalse(Files.exists(extra));
    }
}
