package nnlab.gpt;

import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;

/**
 * What the Generate tab asks for, as settings with ranges, so a bad value is refused next to its
 * field (temperature ≤ 0, top-p outside (0, 1]) the way the run settings are.
 */
public final class GenerateSettings {
    /** The prompts of the course write-up. */
    public static final List<String> PRESETS = List.of("Hansel said to", "The wolf said to", "There was once", "Rapunzel had");

    private GenerateSettings() {
    }

    public static ConfigSchema schema() {
        return new ConfigSchema()
                .add(Setting.text("prompt", "There was once").label("Prompt").group("Generate"))
                .add(Setting.intSetting("length", 300, 1, 10_000).label("Length (characters)").group("Generate"))
                .add(Setting.doubleSetting("temperature", 0.8, 0, 100).label("Temperature").group("Generate")
                        .help("Must be > 0: the logits are divided by it; below 1 the likely characters gain, above 1 the unlikely ones."))
                .add(Setting.intSetting("top-k", 0, 0, 100_000).label("Top-k (0 = all)").group("Generate")
                        .help("Draw only among the k most likely characters."))
                .add(Setting.doubleSetting("top-p", 1.0, 0, 1).label("Top-p (nucleus)").group("Generate")
                        .help("In (0, 1]: draw among the fewest most likely characters whose probabilities reach p; 1 = no cut."))
                .add(Setting.boolSetting("greedy", false).label("Greedy (always the most likely)").group("Generate"))
                .add(Setting.intSetting("seed", 1, 0, Integer.MAX_VALUE).label("Seed").group("Generate"))
                .check(GenerateSettings::check);
    }

    private static SettingException check(Config c) {
        if (!(c.getDouble("temperature") > 0)) {
            return new SettingException("temperature", "temperature must be > 0, not " + c.getDouble("temperature"));
        }
        if (!(c.getDouble("top-p") > 0)) return new SettingException("top-p", "top-p must lie in (0, 1], not " + c.getDouble("top-p"));
        return null;
    }

    public static Sampler sampler(Config c) {
        return new Sampler(c.getDouble("temperature"), c.getInt("top-k"), c.getDouble("top-p"), c.getBoolean("greedy"));
    }
}
