package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.SettingsFiles;
import org.junit.jupiter.api.Test;

/** Issue #22's settings: new runs draw as published; a run saved before them still means what it did. */
class PaddingSettingsTest {

    @Test
    void aNewRunDrawsWithNumpyKeepsItsDataFixedAndShowsThePublishedTable() {
        Config c = PaddingSettings.schema().defaults();
        assertEquals(DataGenerator.NUMPY, PaddingSettings.generator(c));
        assertEquals(List.of(DataProtocol.FIXED), DataProtocol.of(c));
        assertTrue(c.getBoolean(PaddingSettings.PUBLISHED));
    }

    @Test
    void aRunSavedBeforeIssue22ReRunsWithJavasDrawAndNoPublishedColumn() throws Exception {
        Path fixture = Path.of(PaddingSettingsTest.class.getResource("/fixtures/runs-v1/padding/config.json").toURI());
        Map<String, Object> saved = new LinkedHashMap<>(Json.readMap(fixture));
        assertFalse(saved.containsKey(PaddingSettings.GENERATOR), "the fixture predates the generator setting");
        saved.remove(SettingsFiles.EXPERIMENT_KEY);
        Config again = PaddingSettings.schema().fromValues(saved);
        assertEquals(DataGenerator.JAVA, PaddingSettings.generator(again));
        assertFalse(again.getBoolean(PaddingSettings.PUBLISHED));
        assertEquals(List.of(DataProtocol.FIXED), DataProtocol.of(again));
        // A settings file written the same way (config.json's format) reads the same.
        assertEquals(again.values(), SettingsFiles.read(fixture, PaddingExperiment.ID, PaddingSettings.schema()).values());
    }

    @Test
    void bothProtocolsRunEveryVariantTwiceAndPerRoundSeedsCount() {
        Config both = PaddingSettings.schema().fromText(Map.of(PaddingSettings.DATA_SEEDS, "both"));
        assertEquals(List.of(DataProtocol.FIXED, DataProtocol.PER_ROUND), DataProtocol.of(both));
        assertEquals(42, DataProtocol.FIXED.seed(42, 3));
        assertEquals(45, DataProtocol.PER_ROUND.seed(42, 3));
        assertEquals(42, DataProtocol.PER_ROUND.seed(42, 0), "round 0 draws the published images either way");
    }
}
