package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run ID --format png,svg,pdf} and the refusal to overwrite an earlier run's files without --force. */
class FigureFormatsCliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        err.reset();
        return Cli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int posenc(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "posenc", "--n", "8", "--p", "8", "--draws", "1",
                "--runs-dir", tmp.resolve("runs").toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    private static Path storedRun(Path runs) throws Exception {
        try (Stream<Path> folders = Files.list(runs)) {
            return folders.findFirst().orElseThrow();
        }
    }

    @Test
    void everyListedFormatIsWrittenToTheOutFolderAndTheRunFolder() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, posenc(out, "--format", "png, SVG,pdf"), errText());
        for (Path folder : List.of(out, storedRun(tmp.resolve("runs")))) {
            assertTrue(ImageIO.read(folder.resolve("ete.png").toFile()) != null, "PNG in " + folder);
            var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(folder.resolve("ete.svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getTagName());
            PdfReader pdf = new PdfReader(Files.readAllBytes(folder.resolve("ete.pdf")));
            assertEquals(1, pdf.getNumberOfPages());
            assertTrue(Files.exists(folder.resolve("ete.csv")), "the data too");
        }
    }

    @Test
    void withoutFormatOnlyPngsAsBefore() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, posenc(out), errText());
        assertTrue(Files.exists(out.resolve("ete.png")));
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".svg") || p.toString().endsWith(".pdf")));
        }
    }

    @Test
    void anUnknownFormatIsAUsageErrorBeforeAnythingRuns() {
        Path out = tmp.resolve("out");
        assertEquals(2, posenc(out, "--format", "png,eps"));
        assertTrue(errText().contains("--format: 'eps' is not a figure format (choose from png, svg, pdf)"), errText());
        assertFalse(Files.exists(out));
    }

    @Test
    void anOutFolderWithAnEarlierRunsFilesIsRefusedUnlessForced() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, posenc(out), errText());
        byte[] firstConfig = Files.readAllBytes(out.resolve("config.json"));
        long runsBefore;
        try (Stream<Path> runs = Files.list(tmp.resolve("runs"))) {
            runsBefore = runs.count();
        }

        assertEquals(2, posenc(out, "--format", "svg"));
        String message = errText();
        assertTrue(message.contains("--out " + out + " already holds config.json, metrics.csv, summary.json, run.json"), message);
        assertTrue(message.contains("add --force"), message);
        assertFalse(message.contains("ete.svg"), "only files that are there are named: " + message);
        assertTrue(java.util.Arrays.equals(firstConfig, Files.readAllBytes(out.resolve("config.json"))), "left as it was");
        try (Stream<Path> runs = Files.list(tmp.resolve("runs"))) {
            assertEquals(runsBefore, runs.count(), "no run was started");
        }

        assertEquals(0, posenc(out, "--format", "svg", "--force"), errText());
        assertTrue(Files.exists(out.resolve("ete.svg")));
    }

    @Test
    void aFolderWithOtherFilesIsFine() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertEquals(0, posenc(out), errText());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }
}
