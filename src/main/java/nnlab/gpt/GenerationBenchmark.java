package nnlab.gpt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import nnlab.kernel.NativeSetup;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Generation speed (a measurement, not a test), one compute thread:
 * {@code java -cp … nnlab.gpt.GenerationBenchmark [CHECKPOINT_DIR] [SECONDS_PER_MODE]} times the
 * SameDiff full forward per character against the cached decoder (exact window, half window), and
 * prints characters per second of wall-clock and of this thread's CPU time, as JSON lines. Without a
 * checkpoint it uses the default architecture (4 layers, 4 heads, width 128, context 64, Grimm's 76
 * characters) with its initial weights: the speed does not depend on the weights. Each mode
 * generates 300 characters per pass from "There was once" (so most of them past the context of 64),
 * repeated until its time is up; "within context" generates only up to the context, "past the context
 * only" starts from a prompt as long as the context, so every character re-encodes a whole window.
 */
public final class GenerationBenchmark {
    private GenerationBenchmark() { }

    public static void main(String[] args) throws Exception {
        NativeSetup.limitComputeThreadsOfThisThread(1);
        GptModel model;
        Vocabulary vocab;
        if (args.length > 0 && !args[0].isBlank()) {
            Checkpoint.Loaded loaded = Checkpoint.load(Path.of(args[0]), false);
            model = loaded.model();
            vocab = loaded.vocab();
        } else {
            StringBuilder chars = new StringBuilder("\n There wasonc");
            for (char ch = 32; chars.length() < 76; ch++) if (chars.indexOf(String.valueOf(ch)) < 0) chars.append(ch);
            vocab = Vocabulary.of(chars.toString());
            model = GptModel.build(new GptShape(vocab.size(), 64, 128, 4, 4, GptShape.Positions.LEARNED, true, false), 1, DataType.FLOAT);
        }
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 15;
        String prompt = "There was once";
        int within = model.shape().context() - prompt.length();
        Sampler sampler = new Sampler(0.8, 0, 0.7, false);
        System.out.println("{\"shape\": \"" + model.shape() + "\"}");
        time("samediff full forward", Generator.fullForward(model, vocab), prompt, 300, sampler, seconds);
        time("cached, exact window", new Generator(model, vocab), prompt, 300, sampler, seconds);
        time("cached, half window", Generator.cached(model, vocab, Generator.Window.HALF), prompt, 300, sampler, seconds);
        time("cached, within context", new Generator(model, vocab), prompt, within, sampler, seconds);
        // a prompt as long as the context: every generated character slides the window
        String full = ("There was once ".repeat(1 + model.shape().context() / 10)).substring(0, model.shape().context());
        time("cached, exact window, past the context only", new Generator(model, vocab), full, 100, sampler, seconds);
    }

    private static void time(String mode, Generator g, String prompt, int length, Sampler sampler, double seconds) {
        g.generate(prompt, Math.min(length, 20), sampler, 0, null);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime(), cpu = mx.getCurrentThreadCpuTime();
        long chars = 0;
        int pass = 0;
        do {
            // the full forward is slow: give it short passes so it finishes near its time
            int n = mode.startsWith("samediff") ? Math.min(length, 20) : length;
            g.generate(prompt, n, sampler, ++pass, null);
            chars += n;
        } while (System.nanoTime() - wall < seconds * 1e9);
        double w = (System.nanoTime() - wall) / 1e9, c = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "{\"mode\": \"%s\", \"chars\": %d, \"chars_per_s\": %.1f, \"chars_per_cpu_s\": %.1f}%n",
                mode, chars, chars / w, chars / c);
    }
}
