package nnlab.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.FakeExperiment;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFilesTest {
    private final FakeExperiment fake = new FakeExperiment();

    @TempDir
    Path tmp;

    @Test
    void everyExperimentsDefaultsAndEachChangedSettingRoundTrip() throws Exception {
        for (Experiment e : ExperimentCatalog.all()) {
            Path file = tmp.resolve(e.id() + ".json");
            Config defaults = e.schema().defaults();
            SettingsFiles.write(file, e.id(), defaults);
            assertEquals(e.id(), Json.readMap(file).get("experiment"), "the config.json format");
            assertEquals(defaults.values(), SettingsFiles.read(file, e.id(), e.schema()).values(), e.id() + " defaults");

            int changed = 0;
            for (Setting s : e.schema().settings()) {
                for (Object value : otherValues(s)) {
                    Config c;
                    try {
                        c = defaults.with(s.key(), value);
                    } catch (IllegalArgumentException refused) {
                        continue; // e.g. a cross-setting rule: try the next candidate
                    }
                    assertNotEquals(defaults.values(), c.values());
                    SettingsFiles.write(file, e.id(), c);
                    assertEquals(c.values(), SettingsFiles.read(file, e.id(), e.schema()).values(), e.id() + " --" + s.key());
                    changed++;
                    break;
                }
            }
            assertTrue(changed >= e.schema().settings().size() / 2, e.id() + ": only " + changed + " settings could be changed");
        }
    }

    /** Valid values other than the default, in order of preference. */
    private static List<Object> otherValues(Setting s) {
        Object d = s.defaultValue();
        List<Object> out = new ArrayList<>();
        switch (s.kind()) {
            case INT -> {
                out.add(((Number) d).intValue() + 1);
                out.add(((Number) d).intValue() - 1);
            }
            case DOUBLE -> {
                double v = ((Number) d).doubleValue();
                out.add(Double.isFinite(s.max()) ? (v + s.max()) / 2 : v * 1.5 + 0.25);
                out.add(Double.isFinite(s.min()) ? (v + s.min()) / 2 : v / 2 - 0.25);
            }
            case BOOLEAN -> out.add(!(Boolean) d);
            case CHOICE -> s.choices().stream().filter(c -> !c.equals(d)).forEach(out::add);
            case MULTI_CHOICE -> {
                for (String c : s.choices()) if (!List.of(c).equals(d)) out.add(List.of(c));
            }
            case INT_LIST -> {
                out.add(List.of((int) Math.max(s.min(), 1)));
                out.add(List.of((int) s.max()));
            }
            default -> out.add("other text");
        }
        return out;
    }

    @Test
    void theConfigJsonOfARealRunReadsBack() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs"));
        Config config = fake.schema().fromText(Map.of("epochs", "2", "millis", "1", "fail", "false"));
        Run run;
        try (RunEngine engine = new RunEngine(1, store)) {
            run = engine.submit(fake, config);
            assertTrue(run.await(10, TimeUnit.SECONDS));
        }
        assertEquals(config.values(), SettingsFiles.read(run.folder().resolve("config.json"), "fake", fake.schema()).values());
    }

    @Test
    void aFileWithoutTheExperimentKeyIsJudgedByItsSettings() throws Exception {
        Path file = Files.writeString(tmp.resolve("hand-written.json"), "{\"epochs\": 7}");
        assertEquals(7, SettingsFiles.read(file, "fake", fake.schema()).getInt("epochs"));
    }

    @Test
    void everyProblemIsReportedFieldByFieldInOneException() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.json"),
                "{\"experiment\": \"padding\", \"epoch\": 3, \"millis\": -5, \"fail\": \"maybe\", \"epochs\": 2}");
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsFiles.read(file, "fake", fake.schema()));
        assertEquals(List.of("experiment", "epoch", "millis", "fail"), e.problems().stream().map(SettingException::key).toList());
        assertTrue(e.problems().get(0).getMessage().contains("'padding', not 'fake'"), e.getMessage());
        assertTrue(e.problems().get(1).getMessage().contains("unknown setting 'epoch'"), e.getMessage());
        assertTrue(e.problems().get(2).getMessage().contains("from 0 to 10000, got -5"), e.getMessage());
    }

    @Test
    void whatIsNotAJsonObjectIsRefusedNamingTheFile() throws Exception {
        for (String text : List.of("epochs: 3", "{\"experiment\": \"fake\", \"epochs\": ", "[1, 2]", "null", "")) {
            Path file = Files.writeString(tmp.resolve("broken.json"), text);
            IOException e = assertThrows(IOException.class, () -> SettingsFiles.read(file, "fake", fake.schema()), text);
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a settings file"), e.getMessage());
        }
        Path missing = tmp.resolve("missing.json");
        IOException e = assertThrows(IOException.class, () -> SettingsFiles.read(missing, "fake", fake.schema()));
        assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
    }

    @Test
    void writingReplacesTheFileWhole() throws Exception {
        Path file = tmp.resolve("s.json");
        SettingsFiles.write(file, "fake", fake.schema().defaults().with("epochs", 9));
        SettingsFiles.write(file, "fake", fake.schema().defaults());
        assertEquals(3, SettingsFiles.read(file, "fake", fake.schema()).getInt("epochs"));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }
}
