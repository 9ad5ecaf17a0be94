package nnlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuButton;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import nnlab.app.FakeExperiment;
import nnlab.app.Fx;
import nnlab.kernel.figure.ImageDifference;
import nnlab.kernel.report.ReportDom;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.Csv;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.RunStore;
import nnlab.kernel.store.RunsCsv;
import nnlab.kernel.store.SavedRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** History's report, CSV export and |A − B| over two real runs of the synthetic study. */
@ExtendWith(ApplicationExtension.class)
class HistoryExportsTest {
    @TempDir
    static Path tmp;
    static RunStore store;
    static Path runA;
    static Path runB;

    private HistoryPanel panel;

    @BeforeAll
    static void makeRuns() throws Exception {
        store = new RunStore(tmp.resolve("runs"));
        FakeExperiment fake = new FakeExperiment();
        try (RunEngine engine = new RunEngine(1, store)) {
            runA = run(engine, fake, Map.of("epochs", "3", "paddings", "zero", "step-ms", "0"));
            runB = run(engine, fake, Map.of("epochs", "5", "paddings", "zero", "step-ms", "0"));
        }
    }

    private static Path run(RunEngine engine, FakeExperiment fake, Map<String, String> settings) throws Exception {
        Run run = engine.submit(fake, fake.schema().fromText(settings));
        assertTrue(run.await(20, TimeUnit.SECONDS));
        assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
        Thread.sleep(20);
        return run.folder();
    }

    @Start
    void start(Stage stage) {
        panel = new HistoryPanel(new RunHistory(store), null, List.<Experiment>of(new FakeExperiment()), (e, c, s) -> null);
        Scene scene = new Scene((javafx.scene.Parent) panel.view(), 1200, 800);
        scene.getStylesheets().add(getClass().getResource("/nnlab/nnlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeDialogs() {
        Fx.closeDialogs();
    }

    private List<SavedRun> refresh() throws Exception {
        return Fx.get(panel::refresh).get(10, TimeUnit.SECONDS);
    }

    private void select(Path folder) {
        Fx.run(() -> {
            panel.table().getSelectionModel().clearSelection();
            for (int i = 0; i < panel.table().getItems().size(); i++) {
                if (panel.table().getItems().get(i).folder().equals(folder)) panel.table().getSelectionModel().select(i);
            }
        });
    }

    private static DialogPane dialog(String headerStart) {
        Fx.waitUntil("a dialog " + headerStart, 5000, () -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane d && d.getHeaderText() != null && d.getHeaderText().startsWith(headerStart)));
        return Fx.get(() -> (DialogPane) Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane d && d.getHeaderText().startsWith(headerStart))
                .findFirst().orElseThrow().getScene().getRoot());
    }

    @Test
    void reportWritesTheRunsReportAndWhereNoBrowserOpensPutsItsPathOnTheClipboard(FxRobot robot) throws Exception {
        refresh();
        select(runA);
        Path file = runA.resolve("report.html");
        Files.deleteIfExists(file);
        robot.clickOn("#history-report");
        Fx.waitUntil("report.html", 10_000, () -> Files.exists(file));
        dialog("Report written");
        assertEquals(file.toString(), Fx.get(() -> Clipboard.getSystemClipboard().getString()));
        assertTrue(Fx.get(panel::noteText).contains(file.toString()), Fx.get(panel::noteText));
        ReportDom doc = ReportDom.parse(Files.readString(file));
        // History knows the experiment even where the catalogue does not: the command line is there.
        assertEquals("java -jar nnlab.jar run fake --epochs 3 --step-ms 0 --paddings zero", ReportDom.text(doc.byId("repeat-command")));
        assertNotNull(doc.first("//figure[@data-figure='accuracy-bars']//img"));
        assertNotNull(doc.first("//figure[@data-table='results']//table"));
        closeDialogs();

        // Again: it asks before replacing, and Cancel keeps the file.
        Files.writeString(file, "the first report");
        robot.clickOn("#history-report");
        DialogPane ask = dialog("Replace the report of");
        assertTrue(ask.getContentText().contains("report.html already exists in " + runA), ask.getContentText());
        Fx.run(() -> ((javafx.scene.control.Button) ask.lookupButton(ask.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonType.CANCEL.getButtonData()).findFirst().orElseThrow())).fire());
        Thread.sleep(300);
        assertEquals("the first report", Files.readString(file));
    }

    @Test
    void csvExportWritesTheSummariesAndMetricsOfTheRunsAndRefusesToReplaceWithoutAsking() throws Exception {
        List<SavedRun> runs = refresh();
        Path out = Files.createDirectories(tmp.resolve("csv"));
        RunsCsv.Written w = Fx.get(() -> panel.exportCsvNow(runs, out, false)).get(10, TimeUnit.SECONDS);
        assertEquals(out.resolve("fake-runs-summaries.csv"), w.summaries());
        CsvTable summaries = Csv.parse(Files.readString(w.summaries()));
        assertEquals(List.of("run", "experiment", "started", "best"), summaries.columns());
        assertEquals(2, summaries.rows().size());
        CsvTable metrics = Csv.parse(Files.readString(w.metrics()));
        assertEquals("run", metrics.columns().get(0));
        assertEquals(3 + 5, metrics.rows().size(), "every epoch of both runs");
        assertTrue(Fx.get(panel::noteText).startsWith("Exported 2 runs: fake-runs-summaries.csv (2 rows) and fake-runs-metrics.csv (8 rows)"),
                Fx.get(panel::noteText));

        CompletableFuture<RunsCsv.Written> again = Fx.get(() -> panel.exportCsvNow(runs, out, false));
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> again.get(10, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("already exists in " + out), refused.getCause().getMessage());
        DialogPane error = dialog("Not exported");
        assertTrue(error.getContentText().contains("fake-runs-summaries.csv already exists"), error.getContentText());
    }

    @Test
    void theExportMenuOffersTheSelectedRunsAndEveryRunOfTheFilteredExperiment() throws Exception {
        refresh();
        Fx.run(() -> panel.setFilters("fake", null));
        select(runB);
        MenuButton export = Fx.get(() -> (MenuButton) panel.view().lookup("#history-export"));
        Fx.run(export::show);
        assertEquals(List.of("The selected run…", "All runs of Synthetic study (2)…"),
                Fx.get(() -> export.getItems().stream().map(i -> i.getText()).toList()));
        Fx.run(export::hide);
    }

    @Test
    void comparingTwoRunsShowsEachFiguresDifference() throws Exception {
        List<SavedRun> runs = refresh();
        CompareView c = Fx.get(() -> panel.compare(runs)).get(10, TimeUnit.SECONDS);
        FigureDifferenceView d = Fx.get(() -> c.difference("accuracy-bars"));
        assertNotNull(d, "a third card beside the two runs' bars");
        ImageDifference result = d.result().get(10, TimeUnit.SECONDS);
        assertTrue(result.sameSize(), result.describe());
        assertTrue(result.differingPixels() > 0, "3 and 5 epochs end at different accuracies");
        assertTrue(Fx.get(d::showsImage));
        assertTrue(Fx.get(d::captionText).contains("of the pixels differ"), Fx.get(d::captionText));
    }
}
