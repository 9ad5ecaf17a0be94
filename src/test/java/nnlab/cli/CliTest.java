package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import nnlab.kernel.run.ExperimentCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.SettingsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** picocli wraps and pads help text; one space for each run of white space lets a test look for whole phrases. */
    private static String unwrapped(String help) {
        return help.replaceAll("\\s+", " ");
    }

    @Test
    void listNamesEveryExperimentByItsId() {
        assertEquals(0, cli("list"));
        List<String> lines = outText().lines().toList();
        List<String> ids = nnlab.kernel.run.ExperimentCatalog.all().stream().map(e -> e.id()).toList();
        assertEquals(ids.size(), lines.size(), outText());
        for (int i = 0; i < ids.size(); i++) assertTrue(lines.get(i).startsWith(ids.get(i) + " "), lines.get(i));
    }

    @Test
    void topLevelHelpNamesTheCommands() {
        assertEquals(0, cli("--help"));
        String help = outText();
        for (String command : List.of("list", "run", "bench")) assertTrue(help.contains("  " + command + " "), help);
        assertTrue(help.contains("--runs-dir"), help);
        out.reset();
        assertEquals(0, cli(), "no arguments (in the command line's hands) prints the help too");
        assertEquals(help, outText());
    }

    @Test
    void runHelpListsTheSettingsByGroupWithLabelsDefaultsAndRanges() {
        assertEquals(0, cli("run", "padding", "--help"));
        String help = outText();
        assertTrue(help.startsWith("nnlab run padding — Padding study"), help);
        // Each group's heading, in the schema's order, with its settings under it.
        var padding = nnlab.kernel.run.ExperimentCatalog.byId("padding").orElseThrow();
        List<String> groups = padding.schema().settings().stream().map(s -> s.group()).distinct().toList();
        assertEquals(List.of("Study", "Training", "Model", "Data"), groups);
        int previous = -1;
        for (String group : groups) {
            int at = help.indexOf("\n" + group + ":\n");
            assertTrue(at > previous, "heading " + group + " missing or out of order:\n" + help);
            previous = at;
        }
        int trainingAt = help.indexOf("\nTraining:\n");
        int modelAt = help.indexOf("\nModel:\n");
        int epochsAt = help.indexOf("--epochs=VALUE");
        assertTrue(trainingAt < epochsAt && epochsAt < modelAt, "--epochs is listed under Training");
        String flat = unwrapped(help);
        assertTrue(flat.contains("--epochs=VALUE Max epochs (default: 50) allowed: a whole number from 1 to 1000"), flat);
        assertTrue(flat.contains("--patience=VALUE Patience (default: 8) Stop when validation loss has not improved"), flat);
        for (String option : List.of("--settings=FILE", "--out=DIR", "--runs-dir=DIR")) {
            assertTrue(help.indexOf(option) > help.indexOf("\nFiles and folders:\n"), option + " under Files and folders");
        }
    }

    @Test
    void everyExperimentsHelpHasEverySettingWithItsLabelAndAllowedValues() {
        for (var experiment : nnlab.kernel.run.ExperimentCatalog.all()) {
            out.reset();
            assertEquals(0, cli("run", experiment.id(), "--help"), experiment.id());
            String flat = unwrapped(outText());
            for (var s : experiment.schema().settings()) {
                assertTrue(flat.contains("--" + s.key() + "=VALUE"), experiment.id() + " lacks --" + s.key());
                assertTrue(flat.contains("allowed: " + s.allowedDescription()), experiment.id() + " --" + s.key() + " range");
                String defaultText = s.format(s.defaultValue());
                if (!defaultText.contains(",")) { // picocli may wrap a comma list without spaces anywhere
                    assertTrue(flat.contains(s.label() + " (default: " + (defaultText.isEmpty() ? "empty" : defaultText) + ")"),
                            experiment.id() + " --" + s.key() + " label and default:\n" + flat);
                }
            }
        }
    }

    @Test
    void anUnknownOptionIsNamedWithTheLikelyOneMeant() {
        assertEquals(2, cli("run", "padding", "--epoch", "3"));
        assertEquals("nnlab run padding: unknown option --epoch (did you mean --epochs or --eps? see nnlab run padding --help)",
                errText().strip());
    }

    @Test
    void aBadValueNamesTheOptionAndItsAllowedRange() {
        assertEquals(2, cli("run", "padding", "--rounds", "-1"));
        assertEquals("nnlab run padding: --rounds: Rounds (rounds) must be a whole number from 1 to 100, got -1", errText().strip());
    }

    @Test
    void everyBadOptionIsReportedAtOnce() {
        Path runs = tmp.resolve("runs");
        assertEquals(2, cli("run", "padding", "--epoch", "3", "--rounds=0", "--padding", "reflect,mirror", "stray", "--lr=abc",
                "--colour=red", "--runs-dir", runs.toString()));
        List<String> lines = errText().lines().toList();
        assertEquals(6, lines.size(), errText());
        assertTrue(lines.get(0).startsWith("nnlab run padding: unknown option --epoch "), lines.get(0));
        assertEquals("nnlab run padding: unexpected argument 'stray' (options start with --)", lines.get(1));
        assertTrue(lines.get(2).startsWith("nnlab run padding: unknown option --colour "), lines.get(2));
        assertTrue(lines.get(3).startsWith("nnlab run padding: --rounds: ") && lines.get(3).endsWith("from 1 to 100, got 0"), lines.get(3));
        assertTrue(lines.get(4).startsWith("nnlab run padding: --padding: ") && lines.get(4).endsWith("got 'mirror'"), lines.get(4));
        assertTrue(lines.get(5).startsWith("nnlab run padding: --lr: ") && lines.get(5).endsWith("got 'abc'"), lines.get(5));
        assertFalse(Files.exists(runs), "nothing ran");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertEquals(2, cli("run", "padding", "--rounds"));
        assertEquals("nnlab run padding: option --rounds needs a value", errText().strip());
        err.reset();
        assertEquals(2, cli("run", "padding", "--rounds", "--epochs", "3"));
        assertEquals("nnlab run padding: option --rounds needs a value", errText().strip());
    }

    @Test
    void unknownCommandsAndExperimentsExitWithTwo() {
        String ids = String.join(", ", ExperimentCatalog.all().stream().map(e -> e.id()).toList());
        assertEquals(2, cli("frobnicate"));
        String message = errText().strip();
        assertTrue(message.startsWith("nnlab: unknown command 'frobnicate' (expected list, run, bench, merge, sweep, "), message);
        assertTrue(message.endsWith("; see --help)") && message.contains("sample") && message.contains("shout"),
                "plug-in commands (sample, the test plug-in's shout) are listed too: " + message);
        err.reset();
        assertEquals(2, cli("run", "nope"));
        assertEquals("nnlab run: unknown experiment 'nope' (one of " + ids + ")", errText().strip());
        err.reset();
        assertEquals(2, cli("run"));
        assertEquals("nnlab run: name an experiment (one of " + ids + ")", errText().strip());
        err.reset();
        assertEquals(2, cli("list", "--all"));
        assertTrue(errText().startsWith("nnlab list: unknown option '--all'"), errText());
    }

    @Test
    void benchHelpListsItsOptionsWithTheirDefaults() {
        assertEquals(0, cli("bench", "--help"));
        String flat = unwrapped(outText());
        for (String option : List.of("--quick", "--out=DIR", "--no-ui", "--torch=SCRIPT", "--python=EXE")) {
            assertTrue(flat.contains(option), "bench help lacks " + option + ": " + flat);
        }
        assertTrue(flat.contains("(default: bench-results)"), flat);
        assertEquals(2, cli("bench", "--fast"));
        assertTrue(errText().startsWith("nnlab bench: unknown option '--fast'"), errText());
        assertEquals(2, cli("bench", "--torch", tmp.resolve("missing.py").toString(), "--out", tmp.toString()));
        assertTrue(errText().contains("nnlab bench: --torch: no such file "), errText());
    }

    @Test
    void aTinyRunWritesEveryFile() throws Exception {
        Path outDir = tmp.resolve("out");
        Path runsDir = tmp.resolve("runs");
        int code = cli("run", "padding", "--net", "Net1", "--padding=replicate,valid", "--rounds", "2", "--epochs=2",
                "--train-size", "40", "--val-size", "20", "--test-size", "20", "--batch-size", "20",
                "--out", outDir.toString(), "--runs-dir", runsDir.toString());
        assertEquals(0, code, errText());

        Map<String, Object> config = Json.readMap(outDir.resolve("config.json"));
        assertEquals(List.of("replicate", "valid"), config.get("padding"));
        assertEquals(2, config.get("rounds"));
        assertEquals(2, config.get("epochs"), "--key=value is read like --key value");

        List<String> metrics = Files.readAllLines(outDir.resolve("metrics.csv"));
        assertEquals("net,padding,round,epoch,train_loss,val_loss,val_acc", metrics.get(0));
        assertEquals(1 + 2 * 2 * 2, metrics.size(), "a row per variant × round × epoch (no early stop within 2 epochs)");
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("Net1,replicate,1,1,")), "round 1 (counted from 1, as live) epoch 1 of replicate");
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("Net1,valid,1,2,")), "round 1 epoch 2 of valid");

        Map<String, Object> summary = Json.readMap(outDir.resolve("summary.json"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variants = (List<Map<String, Object>>) summary.get("variants");
        assertEquals(2, variants.size());
        for (Map<String, Object> v : variants) {
            assertEquals(2, ((List<?>) v.get("test_acc")).size());
            assertEquals(2, ((List<?>) v.get("val_acc")).size());
            assertNotNull(v.get("test_acc_mean"));
            assertNotNull(v.get("test_acc_std"));
            assertEquals(List.of(2, 2), v.get("epochs_run"));
            assertTrue(((Number) v.get("seconds")).doubleValue() > 0);
        }
        for (String png : List.of("test-accuracy.png", "dataset-preview.png", "loss-curves.png")) {
            assertNotNull(ImageIO.read(outDir.resolve(png).toFile()), png + " does not decode");
        }
        assertTrue(Files.exists(outDir.resolve("results.csv")));

        // The same run is also in the run store.
        try (var folders = Files.list(runsDir)) {
            Path stored = folders.findFirst().orElseThrow();
            assertEquals(Files.readAllLines(outDir.resolve("metrics.csv")), Files.readAllLines(stored.resolve("metrics.csv")));
        }
        assertTrue(errText().contains("ETA"), "progress goes to stderr");

        // config.json doubles as a settings file.
        var padding = ExperimentCatalog.byId("padding").orElseThrow();
        Map<String, Object> readBack = new java.util.LinkedHashMap<>(
                SettingsFiles.read(outDir.resolve("config.json"), "padding", padding.schema()).values());
        readBack.put("experiment", "padding");
        assertEquals(new java.util.HashMap<>(config), new java.util.HashMap<>(readBack));
    }

    @Test
    void aSettingsFileIsTheStartAndOptionsOverrideIt() throws Exception {
        var posenc = ExperimentCatalog.byId("posenc").orElseThrow();
        Path settings = tmp.resolve("posenc.json");
        SettingsFiles.write(settings, "posenc", posenc.schema().fromText(Map.of("p", "32", "n", "12", "draws", "2")));
        Path outDir = tmp.resolve("out");
        int code = cli("run", "posenc", "--n", "8", "--settings", settings.toString(), "--draws=3", "--out", outDir.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertEquals(0, code, errText());
        Map<String, Object> used = Json.readMap(outDir.resolve("config.json"));
        assertEquals(32, used.get("p"), "from the file");
        assertEquals(3, used.get("draws"), "--key=value wins over the file too");
        assertEquals(8, used.get("n"), "the option wins over the file");
        assertEquals(10000.0, ((Number) used.get("base")).doubleValue(), "a default where neither says otherwise");
    }

    @Test
    void aBadSettingsFileExitsWithTwoNamingEachField() throws Exception {
        Path settings = Files.writeString(tmp.resolve("bad.json"), "{\"experiment\": \"posenc\", \"p\": 3000, \"colour\": \"red\"}");
        assertEquals(2, cli("run", "posenc", "--settings", settings.toString(), "--runs-dir", tmp.resolve("runs").toString()));
        assertTrue(errText().contains("settings file " + settings + ": p: ") && errText().contains("from 2 to 1024, got 3000"), errText());
        assertTrue(errText().contains("settings file " + settings + ": colour: unknown setting 'colour'"), errText());

        assertEquals(2, cli("run", "padding", "--settings", settings.toString()));
        assertTrue(errText().contains("experiment: the settings are for experiment 'posenc', not 'padding'"), errText());

        Path notJson = Files.writeString(tmp.resolve("notes.txt"), "p = 32");
        assertEquals(2, cli("run", "posenc", "--settings", notJson.toString()));
        assertTrue(errText().contains("--settings: " + notJson + " is not a settings file"), errText());

        assertEquals(2, cli("run", "posenc", "--settings", tmp.resolve("missing.json").toString()));
        assertTrue(errText().contains("does not exist"), errText());
        assertFalse(Files.exists(tmp.resolve("runs")), "nothing ran");
    }
}
