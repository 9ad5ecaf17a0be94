package nnlab.kernel.report;

import static nnlab.kernel.report.ReportDom.cls;
import static nnlab.kernel.report.ReportDom.eachAttr;
import static nnlab.kernel.report.ReportDom.eachText;
import static nnlab.kernel.report.ReportDom.hasClass;
import static nnlab.kernel.report.ReportDom.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.store.Csv;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.ExportFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** A padding run's report, parsed back: every saved figure and table in it, the published column, the command line. */
class RunReportTest {
    @TempDir
    Path tmp;
    private Path folder;
    private ReportDom doc;

    @BeforeEach
    void writeReport() throws IOException {
        folder = ReportFixtures.paddingRun(tmp.resolve("runs"));
        List<Path> written = RunReport.write(folder, List.of(folder), false);
        assertEquals(List.of(folder.resolve("report.html")), written);
        // Parsing as XML fails on any unclosed, misnested or unquoted markup.
        doc = ReportDom.parse(Files.readString(written.get(0), StandardCharsets.UTF_8));
    }

    private List<String> files(String suffix) throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*" + suffix)) {
            for (Path p : s) ids.add(p.getFileName().toString().replace(suffix, ""));
        }
        return ids;
    }

    @Test
    void everySavedFigureIsEmbeddedByteForByte() throws IOException {
        List<String> figures = files(".png");
        assertEquals(2, figures.size());
        for (String id : figures) {
            Element figure = doc.first("//figure[@data-figure='" + id + "']");
            assertNotNull(figure, id);
            Element img = doc.first(figure, ".//img[@data-embed='png']");
            assertNotNull(img, id + " as an image");
            String src = img.getAttribute("src");
            assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, 40));
            assertArrayEquals(Files.readAllBytes(folder.resolve(id + ".png")), Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
        }
        // The declared title, not the file name: what the live panel called it.
        assertEquals("Test accuracy on the switched test set (mean ± std over rounds) (test-accuracy.png, data in test-accuracy.csv)",
                text(doc.first("//figure[@data-figure='test-accuracy']//figcaption")));
        // One chart per metrics.csv column, drawn by the report as inline SVG: text stays text.
        assertEquals(List.of("train_loss", "val_loss", "val_acc"), eachAttr(doc.all("//figure[@data-chart]"), "data-chart"));
        for (Element chart : doc.all("//figure[@data-chart]")) {
            Element svg = doc.first(chart, ".//svg[@data-embed='svg']");
            assertNotNull(svg, chart.getAttribute("data-chart") + " as inline SVG");
            assertTrue(eachText(doc.all(svg, ".//text")).stream().anyMatch(t -> t.contains("Net1 · fconv · round 0")), "the legend as text");
        }
    }

    @Test
    void aSavedFigureWithAnSvgBesideItsPngIsEmbeddedAsThatSvg() throws IOException {
        LineFigure loss = new LineFigure("Loss", "epoch", "loss", List.of(new LineFigure.Series("train loss", new double[] {1, 2},
                new double[] {0.7, 0.4})), false);
        FigureExporter.writeSvg(loss, folder.resolve("loss-curves.svg"));
        ReportDom d = ReportDom.parse(RunReport.html(folder));
        Element img = d.first("//figure[@data-figure='loss-curves']//img");
        assertEquals("svg", img.getAttribute("data-embed"));
        String src = img.getAttribute("src");
        assertTrue(src.startsWith("data:image/svg+xml;base64,"));
        assertArrayEquals(Files.readAllBytes(folder.resolve("loss-curves.svg")), Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
        assertEquals("png", d.first("//figure[@data-figure='test-accuracy']//img").getAttribute("data-embed"), "no SVG saved: its PNG");
    }

    @Test
    void theFileStandsAloneAndHasNoScript() {
        for (Element e : doc.all("//*[@src]")) assertTrue(e.getAttribute("src").startsWith("data:"), e.getTagName() + " " + e.getAttribute("src"));
        assertTrue(doc.all("//link[@href] | //script | //iframe").isEmpty());
        assertTrue(doc.first("//style").getTextContent().contains("@media print"), "print styles");
    }

    @Test
    void everySavedTableIsThereCellForCellWithThePublishedNumbersInAMarkedColumn() throws IOException {
        CsvTable results = Csv.parse(Files.readString(folder.resolve("results.csv")));
        Element table = doc.first("//figure[@data-table='results']//table");
        assertNotNull(table);
        List<String> header = eachText(doc.all(table, ".//thead//th"));
        String published = "Test acc % (mean ± std) — published, not computed";
        List<String> expected = new ArrayList<>(results.columns());
        expected.add(4, published);
        assertEquals(expected, header);
        assertTrue(hasClass(doc.all(table, ".//thead//th").get(4), "published"));
        List<Element> rows = doc.all(table, ".//tbody//tr");
        assertEquals(results.rows().size(), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = doc.all(rows.get(r), ".//td").stream().map(ReportDom::text).toList();
            List<String> own = new ArrayList<>(cells);
            own.remove(4);
            assertEquals(results.rows().get(r), own, "the run's own cells unchanged");
            assertTrue(hasClass(doc.all(rows.get(r), ".//td").get(4), "published"));
        }
        assertEquals("88.85 ± 0.62", text(doc.all(rows.get(0), ".//td").get(4)), "Net1 fconv as published");
        assertEquals("", text(doc.all(rows.get(1), ".//td").get(4)), "the write-up gives no number for valid");
        String note = text(doc.first("//figure[@data-table='results']//*[" + cls("published-note") + "]"));
        assertTrue(note.startsWith("Published, not computed:") && note.contains("10 rounds"), note);
    }

    @Test
    void theCommandLineNamesTheSettingsThatDifferFromTheDefaults() {
        String command = text(doc.byId("repeat-command"));
        assertEquals("java -jar nnlab.jar run padding --net Net1 --padding fconv,valid --rounds 2 --epochs 3", command);
        // The settings table marks exactly those four.
        assertEquals(List.of("net", "padding", "rounds", "epochs"),
                eachText(doc.all("//table[" + cls("settings") + "]//tr[" + cls("changed") + "]/*[2][self::td]")));
        assertEquals(ReportFixtures.padding().schema().settings().size(), doc.all("//table[" + cls("settings") + "]//tbody//tr").size());
    }

    @Test
    void theHeaderSummaryAndEnvironmentAreThere() {
        assertEquals("padding-20240301-120000", text(doc.byId("run-name")));
        assertTrue(doc.title().contains("Padding study"), doc.title());
        assertEquals("test acc 90.4 ± 0.2 % (Net1 fconv)", text(doc.byId("headline")));
        assertEquals(3, doc.all("//*[@id='summary']//tbody//tr").size(), "one row per variant of summary.json");
        String environment = text(doc.first("//dl[" + cls("environment") + "]"));
        for (String label : List.of("NN Lab", "Java", "DeepLearning4J 1.0.0-M2.1", "ND4J 1.0.0-M2.1", "CPU")) {
            assertTrue(environment.contains(label), label + " in: " + environment);
        }
        assertFalse(text(doc.first("//dl[" + cls("environment") + "]//dt[contains(text(), 'CPU')]/following-sibling::*[1][self::dd]")).isBlank());
        assertTrue(eachText(doc.all("//*[@id='files']//td")).contains("summary.json"));
    }

    @Test
    void anExistingReportIsRefusedUnlessReplacingIsAllowed() throws IOException {
        Path file = folder.resolve("report.html");
        Files.writeString(file, "old");
        ExportFiles.AlreadyThere e = assertThrows(ExportFiles.AlreadyThere.class, () -> RunReport.write(folder, List.of(folder), false));
        assertEquals("report.html already exists in " + folder, e.getMessage());
        assertEquals("old", Files.readString(file));
        RunReport.write(folder, List.of(folder), true);
        assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void aDamagedOldFolderStillGetsAReportOfWhatSurvived() throws IOException {
        Path old = Files.createDirectories(tmp.resolve("runs").resolve("padding-20190101-000000"));
        Files.writeString(old.resolve("metrics.csv"), "epoch,val_acc\n1,0.5\n2,0.75\n");
        ReportDom d = ReportDom.parse(RunReport.html(old));
        String danger = text(d.first("//*[" + cls("notice") + " and " + cls("danger") + "]"));
        assertTrue(danger.contains("run.json is missing"), danger);
        assertEquals(List.of("val_acc"), eachAttr(d.all("//figure[@data-chart]"), "data-chart"));
        assertTrue(text(d.first("//*[@id='repeat']//*[" + cls("notice") + "]")).startsWith("No command line"), text(d.byId("repeat")));
    }

    @Test
    void everyRunSavedBeforeThePlugInRefactorGetsAReportWithEachOfItsFiguresAndTables() throws Exception {
        List<Path> old = ReportFixtures.preRefactorRuns();
        assertEquals(4, old.size(), old.toString());
        for (Path run : old) {
            ReportDom d = ReportDom.parse(RunReport.html(run));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(run)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    String id = name.substring(0, name.lastIndexOf('.'));
                    if (name.endsWith(".png")) {
                        assertNotNull(d.first("//figure[@data-figure='" + id + "']//img[@data-embed='png']"), run.getFileName() + ": " + name);
                    } else if (name.endsWith(".csv") && !name.equals("metrics.csv") && !Files.exists(run.resolve(id + ".png"))) {
                        CsvTable t = Csv.parse(Files.readString(f));
                        Element table = d.first("//figure[@data-table='" + id + "']//table");
                        assertNotNull(table, run.getFileName() + ": " + name);
                        assertEquals(t.rows().size(), d.all(table, ".//tbody//tr").size(), name);
                    }
                }
            }
            assertEquals(Csv.parse(Files.readString(run.resolve("metrics.csv"))).columns().size() > 1, !d.all("//figure[@data-chart]//svg").isEmpty());
            assertTrue(text(d.byId("repeat-command")).startsWith("java -jar nnlab.jar run " + run.getFileName()), run.toString());
        }
        ReportDom padding = ReportDom.parse(RunReport.html(old.stream().filter(p -> p.endsWith("padding")).findFirst().orElseThrow()));
        assertEquals("93.80 ± 2.16", text(padding.first("//figure[@data-table='results']//tbody//td[" + cls("published") + "]")),
                "Net1 replicate as published");
    }

    @Test
    void quotedWordsSplitBackToThemselves() {
        for (String word : List.of("plain", "", "two words", "it's", "a\"b", "$HOME", "back\\slash", "tab\there")) {
            assertEquals(List.of("--x", word), RepeatCommand.split("--x " + RepeatCommand.quote(word)), word);
        }
        assertEquals("fconv,replicate", RepeatCommand.quote("fconv,replicate"));
    }
}
