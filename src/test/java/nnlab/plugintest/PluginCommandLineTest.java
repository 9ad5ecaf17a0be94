package nnlab.plugintest;

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
import nnlab.cli.Cli;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test-only plug-in, registered only by src/test/resources/META-INF/services, on the command line. */
class PluginCommandLineTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theCatalogueFindsThePlugInAfterTheShippedExperiments() {
        List<String> ids = ExperimentCatalog.all().stream().map(Experiment::id).toList();
        assertEquals(EchoExperiment.ID, ids.get(ids.size() - 1), "order() 9999 puts it last: " + ids);
        assertTrue(ids.contains("padding"), "the shipped experiments are still there: " + ids);
        assertEquals(ids.size(), ids.stream().distinct().count(), "one entry per id");
    }

    @Test
    void aPlugInCommandJoinsTheTopLevelCommands() {
        assertEquals(0, cli("shout", "once", "upon"));
        assertEquals("ONCE UPON", out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(0, cli("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("shout"), "the top-level help lists it");
        assertEquals(2, cli("shout"), "its own usage errors are usage errors");
    }

    @Test
    void listShowsIt() {
        assertEquals(0, cli("list"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("echo"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runRunsItAndSavesExactlyTheViewsDeclaredSaved() throws Exception {
        Path runs = tmp.resolve("runs");
        assertEquals(0, cli("run", "echo", "--points", "4", "--runs-dir", runs.toString()), err.toString(StandardCharsets.UTF_8));
        Path folder;
        try (Stream<Path> s = Files.list(runs)) {
            folder = s.findFirst().orElseThrow();
        }
        assertEquals(List.of("x,y", "1,1", "2,4", "3,9", "4,16"), Files.readAllLines(folder.resolve("metrics.csv")));
        assertTrue(Files.exists(folder.resolve("squares-figure.png")), "the saved-only figure is saved");
        assertTrue(Files.exists(folder.resolve("squares-figure.csv")));
        assertFalse(Files.exists(folder.resolve("squares.png")), "a live chart is saved through metrics.csv, not as a figure");
        assertEquals("finished", Json.readMap(folder.resolve("run.json")).get("status"));
        assertEquals("4 squares", Json.readMap(folder.resolve("run.json")).get("headline"));
        assertEquals(4, Json.readMap(folder.resolve("summary.json")).get("points"));
    }

    @Test
    void itsSettingsAreOptionsWithHelp() {
        assertEquals(0, cli("run", "echo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--points"), out.toString(StandardCharsets.UTF_8));
        assertEquals(2, cli("run", "echo", "--points", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("points"), err.toString(StandardCharsets.UTF_8));
    }
}
