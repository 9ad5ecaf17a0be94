package nnlab.kernel.report;

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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A padding run's report, parsed back: every saved figure and table in it, the published column, the command line. */
class RunReportTest {
    @TempDir
    Path tmp;
    private Path folder;
    private Document doc;

    @BeforeEach
    void writeReport() throws IOException {
        folder = ReportFixtures.paddingRun(tmp.resolve("runs"));
        List<Path> written = RunReport.write(folder, List.of(folder), false);
        assertEquals(List.of(folder.resolve("report.html")), written);
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        doc = Jsoup.parse(Files.readString(written.get(0), StandardCharsets.UTF_8), "", parser);
        assertTrue(parser.getErrors().isEmpty(), "HTML without parse errors: " + parser.getErrors());
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
            Element figure = doc.selectFirst("figure[data-figure=" + id + "]");
            assertNotNull(figure, id);
            Element img = figure.selectFirst("img[data-embed=png]");
            assertNotNull(img, id + " as an image");
            String src = img.attr("src");
            assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, 40));
            assertArrayEquals(Files.readAllBytes(folder.resolve(id + ".png")), Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
        }
        // The declared title, not the file name: what the live panel called it.
        assertEquals("Test accuracy on the switched test set (mean ± std over rounds) (test-accuracy.png, data in test-accuracy.csv)",
                doc.selectFirst("figure[data-figure=test-accuracy] figcaption").text());
        // One chart per metrics.csv column, drawn by the report as inline SVG: text stays text.
        assertEquals(List.of("train_loss", "val_loss", "val_acc"), doc.select("figure[data-chart]").eachAttr("data-chart"));
        for (Element chart : doc.select("figure[data-chart]")) {
            Element svg = chart.selectFirst("svg[data-embed=svg]");
            assertNotNull(svg, chart.attr("data-chart") + " as inline SVG");
            assertTrue(svg.select("text").eachText().stream().anyMatch(t -> t.contains("Net1 · fconv · round 0")), "the legend as text");
        }
    }

    @Test
    void aSavedFigureWithAnSvgBesideItsPngIsEmbeddedAsThatSvg() throws IOException {
        LineFigure loss = new LineFigure("Loss", "epoch", "loss", List.of(new LineFigure.Series("train loss", new double[] {1, 2},
                new double[] {0.7, 0.4})), false);
        FigureExporter.writeSvg(loss, folder.resolve("loss-curves.svg"));
        Document d = Jsoup.parse(RunReport.html(folder));
        Element img = d.selectFirst("figure[data-figure=loss-curves] img");
        assertEquals("svg", img.attr("data-embed"));
        String src = img.attr("src");
        assertTrue(src.startsWith("data:image/svg+xml;base64,"));
        assertArrayEquals(Files.readAllBytes(folder.resolve("loss-curves.svg")), Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
        assertEquals("png", d.selectFirst("figure[data-figure=test-accuracy] img").attr("data-embed"), "no SVG saved: its PNG");
    }

    @Test
    void theFileStandsAloneAndHasNoScript() {
        for (Element e : doc.select("[src]")) assertTrue(e.attr("src").startsWith("data:"), e.outerHtml().substring(0, 60));
        assertTrue(doc.select("link[href], script, iframe").isEmpty());
        assertTrue(doc.selectFirst("style").data().contains("@media print"), "print styles");
    }

    @Test
    void everySavedTableIsThereCellForCellWithThePublishedNumbersInAMarkedColumn() throws IOException {
        CsvTable results = Csv.parse(Files.readString(folder.resolve("results.csv")));
        Element table = doc.selectFirst("figure[data-table=results] table");
        assertNotNull(table);
        List<String> header = table.select("thead th").eachText();
        String published = "Test acc % (mean ± std) — published, not computed";
        List<String> expected = new ArrayList<>(results.columns());
        expected.add(4, published);
        assertEquals(expected, header);
        assertTrue(table.select("thead th").get(4).hasClass("published"));
        List<Element> rows = table.select("tbody tr");
        assertEquals(results.rows().size(), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r).select("td").stream().map(Element::text).toList();
            List<String> own = new ArrayList<>(cells);
            own.remove(4);
            assertEquals(results.rows().get(r), own, "the run's own cells unchanged");
            assertTrue(rows.get(r).select("td").get(4).hasClass("published"));
        }
        assertEquals("88.85 ± 0.62", rows.get(0).select("td").get(4).text(), "Net1 fconv as published");
        assertEquals("", rows.get(1).select("td").get(4).text(), "the write-up gives no number for valid");
        String note = doc.selectFirst("figure[data-table=results] .published-note").text();
        assertTrue(note.startsWith("Published, not computed:") && note.contains("10 rounds"), note);
    }

    @Test
    void theCommandLineNamesTheSettingsThatDifferFromTheDefaults() {
        String command = doc.getElementById("repeat-command").text();
        assertEquals("java -jar nnlab.jar run padding --net Net1 --padding fconv,valid --rounds 2 --epochs 3", command);
        // The settings table marks exactly those four.
        assertEquals(List.of("net", "padding", "rounds", "epochs"), doc.select("table.settings tr.changed td:nth-child(2)").eachText());
        assertEquals(ReportFixtures.padding().schema().settings().size(), doc.select("table.settings tbody tr").size());
    }

    @Test
    void theHeaderSummaryAndEnvironmentAreThere() {
        assertEquals("padding-20240301-120000", doc.getElementById("run-name").text());
        assertTrue(doc.title().contains("Padding study"), doc.title());
        assertEquals("test acc 90.4 ± 0.2 % (Net1 fconv)", doc.getElementById("headline").text());
        assertEquals(3, doc.select("#summary tbody tr").size(), "one row per variant of summary.json");
        String environment = doc.selectFirst("dl.environment").text();
        for (String label : List.of("NN Lab", "Java", "DeepLearning4J 1.0.0-M2.1", "ND4J 1.0.0-M2.1", "CPU")) {
            assertTrue(environment.contains(label), label + " in: " + environment);
        }
        assertFalse(doc.selectFirst("dl.environment dt:containsOwn(CPU) + dd").text().isBlank());
        assertTrue(doc.select("#files td").eachText().contains("summary.json"));
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
        Document d = Jsoup.parse(RunReport.html(old));
        assertTrue(d.selectFirst(".notice.danger").text().contains("run.json is missing"), d.selectFirst(".notice.danger").text());
        assertEquals(List.of("val_acc"), d.select("figure[data-chart]").eachAttr("data-chart"));
        assertTrue(d.selectFirst("#repeat .notice").text().startsWith("No command line"), d.selectFirst("#repeat").text());
    }

    @Test
    void everyRunSavedBeforeThePlugInRefactorGetsAReportWithEachOfItsFiguresAndTables() throws Exception {
        List<Path> old = ReportFixtures.preRefactorRuns();
        assertEquals(4, old.size(), old.toString());
        for (Path run : old) {
            Parser parser = Parser.htmlParser().setTrackErrors(50);
            Document d = Jsoup.parse(RunReport.html(run), "", parser);
            assertTrue(parser.getErrors().isEmpty(), run.getFileName() + ": " + parser.getErrors());
            try (DirectoryStream<Path> files = Files.newDirectoryStream(run)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    String id = name.substring(0, name.lastIndexOf('.'));
                    if (name.endsWith(".png")) {
                        assertNotNull(d.selectFirst("figure[data-figure=" + id + "] img[data-embed=png]"), run.getFileName() + ": " + name);
                    } else if (name.endsWith(".csv") && !name.equals("metrics.csv") && !Files.exists(run.resolve(id + ".png"))) {
                        CsvTable t = Csv.parse(Files.readString(f));
                        Element table = d.selectFirst("figure[data-table=" + id + "] table");
                        assertNotNull(table, run.getFileName() + ": " + name);
                        assertEquals(t.rows().size(), table.select("tbody tr").size(), name);
                    }
                }
            }
            assertEquals(Csv.parse(Files.readString(run.resolve("metrics.csv"))).columns().size() > 1, !d.select("figure[data-chart] svg").isEmpty());
            assertTrue(d.getElementById("repeat-command").text().startsWith("java -jar nnlab.jar run " + run.getFileName()), run.toString());
        }
        Document padding = Jsoup.parse(RunReport.html(old.stream().filter(p -> p.endsWith("padding")).findFirst().orElseThrow()));
        assertEquals("93.80 ± 2.16", padding.selectFirst("figure[data-table=results] tbody td.published").text(), "Net1 replicate as published");
    }

    @Test
    void quotedWordsSplitBackToThemselves() {
        for (String word : List.of("plain", "", "two words", "it's", "a\"b", "$HOME", "back\\slash", "tab\there")) {
            assertEquals(List.of("--x", word), RepeatCommand.split("--x " + RepeatCommand.quote(word)), word);
        }
        assertEquals("fconv,replicate", RepeatCommand.quote("fconv,replicate"));
    }
}
