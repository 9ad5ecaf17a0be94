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

    @Test
    void listNamesThePaddingStudy() {
        assertEquals(0, cli("list"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("padding"));
    }

    @Test
    void helpListsEverySettingWithItsDefault() {
        assertEquals(0, cli("run", "padding", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--net", "--padding", "--rounds", "--epochs", "--patience", "--batch-size", "--lr", "--rho",
                "--eps", "--weight-decay", "--train-size", "--val-size", "--test-size", "--test-shift", "--data-seed", "--out")) {
            assertTrue(help.contains(option + " "), "help lacks " + option);
        }
        assertTrue(help.contains("(default: 50)"));
    }

    @Test
    void badInputExitsWithTwoAndNamesTheProblem() {
        assertEquals(2, cli("run", "padding", "--epoch", "3"));
        assertTrue(errText().contains("unknown option --epoch"), errText());
        assertEquals(2, cli("run", "padding", "--rounds", "-1"));
        assertTrue(errText().contains("--rounds") && errText().contains("from 1 to 100"), errText());
        assertEquals(2, cli("run", "padding", "--padding", "reflect,mirror"));
        assertTrue(errText().contains("'mirror'"), errText());
        assertEquals(2, cli("run", "nope"));
        assertEquals(2, cli("frobnicate"));
        assertEquals(2, cli("run", "padding", "--rounds"));
        assertTrue(errText().contains("needs a value"), errText());
    }

    @Test
    void aTinyRunWritesEveryFile() throws Exception {
        Path outDir = tmp.resolve("out");
        Path runsDir = tmp.resolve("runs");
        int code = cli("run", "padding", "--net", "Net1", "--padding", "replicate,valid", "--rounds", "2", "--epochs", "2",
                "--train-size", "40", "--val-size", "20", "--test-size", "20", "--batch-size", "20",
                "--out", outDir.toString(), "--runs-dir", runsDir.toString());
        assertEquals(0, code, errText());

        Map<String, Object> config = Json.readMap(outDir.resolve("config.json"));
        assertEquals(List.of("replicate", "valid"), config.get("padding"));
        assertEquals(2, config.get("rounds"));

        List<String> metrics = Files.readAllLines(outDir.resolve("metrics.csv"));
        assertEquals("net,padding,round,epoch,train_loss,val_loss,val_acc", metrics.get(0));
        assertEquals(1 + 2 * 2 * 2, metrics.size(), "a row per variant × round × epoch (no early stop within 2 epochs)");
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("Net1,replicate,0,1,")), "round 0 epoch 1 of replicate");
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
        int code = cli("run", "posenc", "--n", "8", "--settings", settings.toString(), "--out", outDir.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertEquals(0, code, errText());
        Map<String, Object> used = Json.readMap(outDir.resolve("config.json"));
        assertEquals(32, used.get("p"), "from the file");
        assertEquals(2, used.get("draws"), "from the file");
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
