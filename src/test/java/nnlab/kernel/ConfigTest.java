package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.padding.PaddingSettings;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private final ConfigSchema schema = PaddingSettings.schema();

    @Test
    void defaultsFollowThePublishedStudy() {
        Config c = schema.defaults();
        assertEquals(10, c.getInt("rounds"));
        assertEquals(50, c.getInt("epochs"));
        assertEquals(8, c.getInt("patience"));
        assertEquals(200, c.getInt("batch-size"));
        assertEquals(5e-5, c.getDouble("weight-decay"));
        assertEquals(List.of("valid", "sconv", "fconv", "reflect", "replicate", "circular"), c.getStrings("padding"));
        assertEquals(42, c.getInt("data-seed"));
    }

    @Test
    void badValuesAreRefusedWithTheSettingAndItsRange() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> schema.fromText(Map.of("rounds", "0", "lr", "abc", "padding", "zero")));
        assertEquals(3, e.problems().size());
        assertTrue(e.getMessage().contains("Rounds (rounds) must be a whole number from 1 to 100, got 0"), e.getMessage());
        assertTrue(e.getMessage().contains("(lr) must be a number from"), e.getMessage());
        assertTrue(e.getMessage().contains("one or more of valid, sconv"), e.getMessage());
    }

    @Test
    void crossSettingRulesNameTheSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> schema.fromText(Map.of("widths", "8,8", "strides", "1,2,2")));
        assertEquals("strides", e.problems().get(0).key());
        ConfigException tooSmall = assertThrows(ConfigException.class,
                () -> schema.fromText(Map.of("image-size", "12", "padding", "valid", "offset-top", "2", "offset-bottom", "6", "box", "2")));
        assertTrue(tooSmall.getMessage().contains("shrink"), tooSmall.getMessage());
    }

    @Test
    void unknownKeysAreRefusedAndTextRoundTrips() {
        assertThrows(ConfigException.class, () -> schema.fromText(Map.of("epochz", "3")));
        Config c = schema.fromText(Map.of("net", "Net2", "padding", "replicate,valid", "lr", "0.5"));
        assertEquals(List.of("Net2"), c.getStrings("net"));
        assertEquals(List.of("replicate", "valid"), c.getStrings("padding"));
        Config again = schema.fromValues(c.values());
        assertEquals(c.values(), again.values());
    }

    @Test
    void aKeyMissingFromSavedValuesTakesTheValueItsAbsenceMeans() {
        ConfigSchema own = new ConfigSchema()
                .add(nnlab.kernel.config.Setting.choice("draw", "new", List.of("old", "new")).absentMeans("old"))
                .add(nnlab.kernel.config.Setting.intSetting("n", 3, 1, 9));
        assertEquals("new", own.defaults().getString("draw"), "a new config gets the default");
        assertEquals("new", own.fromText(Map.of()).getString("draw"), "so does the command line");
        assertEquals("old", own.fromValues(Map.of("n", 4)).getString("draw"), "a config saved before the key keeps its old meaning");
        assertEquals("new", own.fromValues(Map.of("n", 4, "draw", "new")).getString("draw"));
        assertEquals(3, own.fromValues(Map.of()).getInt("n"), "without absentMeans the absence means the default");
        assertThrows(IllegalArgumentException.class, () -> nnlab.kernel.config.Setting.choice("x", "a", List.of("a")).absentMeans("b").build(),
                "an absent value must be a valid value");
    }
}
