package nnlab.gpt;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nnlab.cli.CommandProvider;
import nnlab.datasets.DataFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nnlab sample --model DIR --prompt TEXT …}: continues a prompt with a saved GPT, character by character to stdout. */
public final class SampleCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "sample";
    }

    @Override
    public CommandLine command(PrintStream out, PrintStream err) {
        return new CommandLine(new Sample(out, err));
    }

    static final class WindowConverter implements CommandLine.ITypeConverter<Generator.Window> {
        @Override
        public Generator.Window convert(String value) {
            for (Generator.Window w : Generator.Window.values()) if (w.name().equalsIgnoreCase(value)) return w;
            throw new CommandLine.TypeConversionException("--window must be exact or half, not '" + value + "'");
        }
    }

    @Command(description = "Continues a prompt with a GPT saved by 'run gpt' (a run folder or its model/ folder).")
    static final class Sample implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;
        @Option(names = "--model", required = true, paramLabel = "DIR", description = "run folder or checkpoint folder")
        Path model;
        @Option(names = "--prompt", defaultValue = "There was once", description = "default: ${DEFAULT-VALUE}")
        String prompt;
        @Option(names = "--length", defaultValue = "300", description = "characters to generate (default: ${DEFAULT-VALUE})")
        int length;
        @Option(names = "--temperature", defaultValue = "0.8", description = "> 0 (default: ${DEFAULT-VALUE})")
        double temperature;
        @Option(names = "--top-k", defaultValue = "0", description = "keep the k most likely characters, 0 = all")
        int topK;
        @Option(names = "--top-p", defaultValue = "1.0", description = "nucleus in (0, 1] (default: ${DEFAULT-VALUE})")
        double topP;
        @Option(names = "--greedy", description = "always the most likely character")
        boolean greedy;
        @Option(names = "--seed", defaultValue = "1")
        long seed;
        @Option(names = "--window", defaultValue = "exact", converter = WindowConverter.class, paramLabel = "exact|half",
                description = "past the context: exact re-encodes the last context characters for each new one (slow, the training maths); "
                        + "half re-encodes half of them once the cache is full (fast, shorter windows) (default: ${DEFAULT-VALUE})")
        Generator.Window window;
        @Option(names = "--threads", defaultValue = "1", description = "compute threads (default: ${DEFAULT-VALUE})")
        int threads;

        Sample(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            Sampler sampler;
            try {
                if (length < 1) throw new IllegalArgumentException("--length must be ≥ 1, not " + length);
                sampler = new Sampler(temperature, topK, topP, greedy);
            } catch (IllegalArgumentException e) {
                err.println("nnlab sample: " + e.getMessage().replace("temperature", "--temperature").replace("top-p", "--top-p").replace("top-k", "--top-k"));
                return 2;
            }
            nnlab.kernel.NativeSetup.limitComputeThreadsOfThisThread(threads);
            Checkpoint.Loaded loaded;
            try {
                loaded = Checkpoint.load(model, false);
            } catch (DataFileException e) {
                err.println("nnlab sample: " + e.getMessage());
                return 1;
            }
            Vocabulary vocab = loaded.vocab();
            try {
                out.print(prompt);
                out.flush();
                long t0 = System.nanoTime();
                Generator.cached(loaded.model(), vocab, window).generate(prompt, length, sampler, seed, pick -> {
                    out.print(vocab.charOf(pick.id()));
                    out.flush();
                });
                out.println();
                double seconds = (System.nanoTime() - t0) / 1e9;
                err.printf(java.util.Locale.ROOT, "%d characters in %.2f s (%.1f characters/s)%n", length, seconds, length / seconds);
            } catch (IllegalArgumentException e) {
                err.println("nnlab sample: " + e.getMessage());
                return 2;
            }
            return 0;
        }
    }
}
