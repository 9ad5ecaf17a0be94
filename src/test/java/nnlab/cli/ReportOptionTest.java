package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nnlab.kernel.config.Config;
import nnlab.kernel.report.RepeatCommand;
import nnlab.kernel.report.ReportDom;
import nnlab.kernel.report.ReportFixtures;
import nnlab.kernel.report.RunReport;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.store.SettingsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run ID --report}, and the report's command line read back by the command line's own parser. */
class ReportOptionTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        err.reset();
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The report's command line, split as a shell splits it and parsed as {@code run ID} parses it. */
    private static Config parseCommand(Path folder, Experiment experiment) {
        ReportDom doc = ReportDom.parse(RunReport.html(folder));
        List<String> words = RepeatCommand.split(ReportDom.text(doc.byId("repeat-command")));
        assertEquals(List.of("java", "-jar", "nnlab.jar", "run", experiment.id()), words.subList(0, 5));
        CommandSpec spec = CommandSpec.create().name("nnlab run " + experiment.id());
        SettingsOptions options = SettingsOptions.addTo(spec, experiment);
        CommandLine commandLine = new CommandLine(spec);
        commandLine.parseArgs(words.subList(5, words.size()).toArray(String[]::new));
        return options.toConfig(commandLine.getUnmatchedArguments(), commandLine);
    }

    @Test
    void theReportsCommandLineParsesBackIntoTheRunsSettings() throws Exception {
        Path folder = ReportFixtures.paddingRun(tmp.resolve("runs"));
        Experiment padding = ReportFixtures.padding();
        Config parsed = parseCommand(folder, padding);
        Config saved = SettingsFiles.read(folder.resolve("config.json"), "padding", padding.schema());
        assertEquals(saved.values(), parsed.values());
        assertEquals(ReportFixtures.paddingConfig().values(), parsed.values());
    }

    @Test
    void soDoesTheCommandLineOfEveryRunSavedBeforeThePlugInRefactor() throws Exception {
        for (Path folder : ReportFixtures.preRefactorRuns()) {
            Experiment experiment = nnlab.kernel.run.ExperimentCatalog.byId(folder.getFileName().toString()).orElseThrow();
            Config saved = SettingsFiles.read(folder.resolve("config.json"), experiment.id(), experiment.schema());
            assertEquals(saved.values(), parseCommand(folder, experiment).values(), folder.toString());
        }
    }

    @Test
    void reportWritesReportHtmlIntoTheRunFolderAndOutAndRefusesToReplaceOneWithoutForce() throws Exception {
        Path runs = tmp.resolve("runs");
        Path outDir = tmp.resolve("out");
        assertEquals(Cli.OK, cli("run", "echo", "--points", "3", "--runs-dir", runs.toString(), "--out", outDir.toString(), "--report"), err());
        Path folder = onlyRun(runs);
        Path inRun = folder.resolve("report.html");
        Path inOut = outDir.resolve("report.html");
        assertTrue(err().contains("report: " + inRun), err());
        assertTrue(err().contains("report: " + inOut.toAbsolutePath()), err());
        assertEquals(Files.readString(inRun), Files.readString(inOut));
        ReportDom doc = ReportDom.parse(Files.readString(inRun));
        assertEquals("java -jar nnlab.jar run echo --points 3", ReportDom.text(doc.byId("repeat-command")));
        assertTrue(doc.first("//figure[@data-figure='squares-figure']//img") != null, "the saved figure");
        // As History draws metrics.csv: x is not a known x column, so both are plotted against the row.
        assertEquals(List.of("x", "y"), ReportDom.eachAttr(doc.all("//figure[@data-chart]"), "data-chart"));

        // A second run into the same --out: refused before it starts, nothing replaced.
        Files.writeString(inOut, "an earlier report");
        assertEquals(Cli.USAGE, cli("run", "echo", "--points", "2", "--runs-dir", runs.toString(), "--out", outDir.toString(), "--report"));
        assertTrue(err().contains(inOut + " already exists; add --force to replace it"), err());
        assertEquals(1, count(runs), "no run was started");
        assertEquals("an earlier report", Files.readString(inOut));

        assertEquals(Cli.OK, cli("run", "echo", "--points", "2", "--runs-dir", runs.toString(), "--out", outDir.toString(), "--report", "--force"), err());
        assertTrue(Files.readString(inOut).contains("--points 2"));
        assertEquals(2, count(runs));
    }

    @Test
    void withoutReportNoReportIsWritten() throws Exception {
        Path runs = tmp.resolve("runs");
        assertEquals(Cli.OK, cli("run", "echo", "--points", "2", "--runs-dir", runs.toString()), err());
        assertFalse(Files.exists(onlyRun(runs).resolve("report.html")));
    }

    private static Path onlyRun(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> all = s.filter(Files::isDirectory).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static long count(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).count();
        }
    }
}
