package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.store.SettingsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's start-up options ({@code -Dnnlab.autostart.args}) read with run ID's parser. */
class SettingsOptionsTest {
    private final Experiment padding = nnlab.kernel.run.ExperimentCatalog.byId("padding").orElseThrow();

    @Test
    void nothingGivenIsTheDefaults() {
        assertEquals(padding.schema().defaults().values(), SettingsOptions.parse(padding, "  ").values());
        assertEquals(padding.schema().defaults().values(), SettingsOptions.parse(padding, null).values());
    }

    @Test
    void bothOptionFormsAreReadAndTheLastRepeatWins() {
        var config = SettingsOptions.parse(padding, " --rounds 1\t--epochs=3 --padding replicate,valid --epochs 4 ");
        assertEquals(1, config.getInt("rounds"));
        assertEquals(4, config.getInt("epochs"));
        assertEquals(List.of("replicate", "valid"), config.getStrings("padding"));
        assertEquals(padding.schema().defaults().get("lr"), config.get("lr"), "untouched settings keep their defaults");
    }

    @Test
    void everyProblemIsReportedNamingItsOption() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> SettingsOptions.parse(padding, "--epoch 3 --rounds=0 --lr abc"));
        List<String> keys = e.problems().stream().map(SettingException::key).toList();
        assertEquals(List.of("epoch", "rounds", "lr"), keys);
        assertTrue(e.problems().get(0).getMessage().startsWith("unknown option --epoch (did you mean --epochs"), e.getMessage());
        assertEquals("--rounds: Rounds (rounds) must be a whole number from 1 to 100, got 0", e.problems().get(1).getMessage());
        assertTrue(e.problems().get(2).getMessage().startsWith("--lr: "), e.getMessage());
    }

    @Test
    void aMissingValueAndAStrayWordAreRefused() {
        ConfigException missing = assertThrows(ConfigException.class, () -> SettingsOptions.parse(padding, "--rounds 2 --epochs"));
        assertEquals("option --epochs needs a value", missing.getMessage());
        assertEquals("epochs", missing.problems().get(0).key());
        ConfigException stray = assertThrows(ConfigException.class, () -> SettingsOptions.parse(padding, "epochs 3"));
        assertEquals("unexpected argument 'epochs' (options start with --)\nunexpected argument '3' (options start with --)",
                stray.getMessage());
    }

    @Test
    void aCrossSettingRuleNamesItsOption() {
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsOptions.parse(padding, "--widths 8,8 --strides 1,2,2"));
        assertTrue(e.getMessage().startsWith("--strides: Conv strides (strides) must have one entry per conv width"), e.getMessage());
    }

    @Test
    void aSettingsFileIsTheStartAndOptionsOverrideIt(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("padding.json");
        SettingsFiles.write(file, "padding", padding.schema().fromText(Map.of("rounds", "3", "epochs", "7")));
        var config = SettingsOptions.parse(padding, "--epochs 2 --settings " + file);
        assertEquals(3, config.getInt("rounds"), "from the file");
        assertEquals(2, config.getInt("epochs"), "the option wins over the file");
    }

    @Test
    void commandLineOnlyOptionsAreNotStartUpOptions() {
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsOptions.parse(padding, "--out /tmp/x"));
        assertTrue(e.getMessage().startsWith("unknown option --out"), e.getMessage());
    }
}
