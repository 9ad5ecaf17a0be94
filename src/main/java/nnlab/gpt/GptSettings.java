package nnlab.gpt;

import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;

/** Every number of a GPT run, with its range; checks across settings name the setting at fault. */
public final class GptSettings {
    private GptSettings() {
    }

    public static ConfigSchema schema() {
        return new ConfigSchema()
                .add(Setting.text("text-file", "").label("Text file (UTF-8)").group("Data").optional()
                        .help("Any UTF-8 text, e.g. Grimms' Fairy Tales from Project Gutenberg (EBook #2591). Empty: a small generated fairy-tale text."))
                .add(Setting.boolSetting("strip-gutenberg", true).label("Strip Gutenberg header/licence").group("Data")
                        .help("Keep only the part between the '*** START OF' and '*** END OF' lines when they are present."))
                .add(Setting.boolSetting("repair-encoding", false).label("Repair double-encoded UTF-8").group("Data")
                        .help("Undo mojibake such as 'â€™' for ’ (UTF-8 read as Latin-1/Windows-1252 and saved again), only when the whole "
                                + "text converts back cleanly. Off (default): the text as it is; the run log says when it looks double-encoded."))
                .add(Setting.intSetting("generated-chars", 60000, 2000, 5_000_000).label("Generated text length").group("Data")
                        .help("Characters of the generated text used when no file is given."))
                .add(Setting.intSetting("layers", 4, 1, 24).label("Layers").group("Model"))
                .add(Setting.intSetting("heads", 4, 1, 32).label("Heads").group("Model").help("The width must be divisible by the heads; d_k = width / heads."))
                .add(Setting.intSetting("width", 128, 8, 1024).label("Width d_model").group("Model"))
                .add(Setting.intSetting("context", 64, 2, 1024).label("Context (characters)").group("Model"))
                .add(Setting.choice("positions", "learned", List.of("learned", "sinusoidal", "rotary")).label("Position embedding").group("Model")
                        .help("learned: a trained table added to the token embedding; sinusoidal: the fixed table added; "
                                + "rotary: nothing added, q and k rotated by position inside attention (needs an even d_k)."))
                .add(Setting.doubleSetting("dropout", 0.0, 0, 0.9).label("Dropout").group("Model")
                        .help("Training only: zeroes this fraction of the embedding sum, of each residual branch and of the attention weights after the softmax "
                                + "(masks from the seed and the step). "
                                + "0 (default) keeps the graph without dropout, as the PyTorch fidelity runs were measured."))
                .add(Setting.boolSetting("scaled-attention", true).label("Scale attention by 1/√d_k").group("Model")
                        .help("Off: scores QKᵀ unscaled; they grow with d_k and the softmax saturates."))
                .add(Setting.boolSetting("tied-head", false).label("Tie head to token embedding").group("Model"))
                .add(Setting.intSetting("batch", 32, 1, 1024).label("Batch (sequences)").group("Training"))
                .add(Setting.intSetting("steps", 2000, 1, 1_000_000).label("Steps").group("Training"))
                .add(Setting.doubleSetting("lr", 1e-3, 1e-6, 1).label("Peak learning rate").group("Training"))
                .add(Setting.intSetting("warmup", 100, 0, 100_000).label("Warm-up steps").group("Training"))
                .add(Setting.doubleSetting("min-lr-fraction", 0.1, 0, 1).label("Final lr / peak lr").group("Training")
                        .help("Cosine decay from the peak to this fraction of it at the last step."))
                .add(Setting.doubleSetting("weight-decay", 0.1, 0, 10).label("AdamW weight decay").group("Training"))
                .add(Setting.doubleSetting("beta2", 0.99, 0, 0.999999).label("Adam β₂").group("Training"))
                .add(Setting.doubleSetting("clip", 1.0, 0, 1000).label("Gradient clipping (global norm, 0 = off)").group("Training"))
                .add(Setting.intSetting("eval-every", 100, 1, 1_000_000).label("Validate every (steps)").group("Progress"))
                .add(Setting.intSetting("eval-windows", 64, 1, 100_000).label("Validation windows").group("Progress")
                        .help("Fixed windows of the validation text, spread evenly over it."))
                .add(Setting.intSetting("sample-every", 200, 1, 1_000_000).label("Sample every (steps)").group("Progress"))
                .add(Setting.text("sample-prompt", "There was once").label("Sample prompt").group("Progress"))
                .add(Setting.intSetting("sample-length", 160, 1, 10_000).label("Sample length").group("Progress"))
                .add(Setting.doubleSetting("temperature", 0.8, 0, 100).label("Sample temperature").group("Progress")
                        .help("Must be > 0; lower is more conservative."))
                .add(Setting.doubleSetting("top-p", 0.9, 0, 1).label("Sample top-p").group("Progress").help("In (0, 1]; 1 = no nucleus cut."))
                .add(Setting.intSetting("checkpoint-every", 500, 1, 1_000_000).label("Checkpoint every (steps)").group("Checkpoints"))
                .add(Setting.text("resume-from", "").label("Resume from").group("Checkpoints").optional()
                        .help("A checkpoint folder (or a run folder holding model/); empty: start fresh."))
                .add(Setting.intSetting("threads", 1, 1, 64).label("Compute threads").group("Training")
                        .help("ND4J/OpenMP threads of this run. 1 measured up to 10× faster than 2 on a 2-core machine busy with other work."))
                .add(Setting.intSetting("seed", 1, 0, Integer.MAX_VALUE).label("Seed").group("Training"))
                .check(GptSettings::check);
    }

    private static SettingException check(Config c) {
        if (c.getInt("width") % c.getInt("heads") != 0) {
            return new SettingException("width", "width " + c.getInt("width") + " is not divisible by heads " + c.getInt("heads"));
        }
        int headWidth = c.getInt("width") / c.getInt("heads");
        if ("rotary".equals(c.getString("positions")) && headWidth % 2 != 0) {
            return new SettingException("positions", "rotary positions need an even head width; width / heads = " + headWidth);
        }
        if (!(c.getDouble("temperature") > 0)) return new SettingException("temperature", "temperature must be > 0");
        if (!(c.getDouble("top-p") > 0)) return new SettingException("top-p", "top-p must lie in (0, 1]");
        if (text(c, "text-file").isBlank() && c.getInt("context") * 20 > c.getInt("generated-chars")) {
            return new SettingException("context", "context " + c.getInt("context") + " is too long for a generated text of "
                    + c.getInt("generated-chars") + " characters (at most 1/20 of it)");
        }
        if (c.getInt("warmup") >= c.getInt("steps") && c.getInt("warmup") > 0) {
            return new SettingException("warmup", "warm-up " + c.getInt("warmup") + " must be shorter than steps " + c.getInt("steps"));
        }
        return null;
    }

    /** An optional text setting's value, "" when unset. */
    public static String text(Config c, String key) {
        String v = c.getString(key);
        return v == null ? "" : v.strip();
    }

    public static GptShape shape(Config c, int vocab) {
        return new GptShape(vocab, c.getInt("context"), c.getInt("width"), c.getInt("heads"), c.getInt("layers"),
                GptShape.Positions.of(c.getString("positions")), c.getBoolean("scaled-attention"), c.getBoolean("tied-head"),
                c.getDouble("dropout"));
    }

    public static GptTraining.Schedule schedule(Config c) {
        return new GptTraining.Schedule(c.getInt("batch"), c.getInt("steps"), c.getDouble("lr"), c.getInt("warmup"), c.getDouble("min-lr-fraction"));
    }

    public static AdamW.Settings adam(Config c) {
        return new AdamW.Settings(0.9, c.getDouble("beta2"), 1e-8, c.getDouble("weight-decay"), c.getDouble("clip"));
    }
}
