package nnlab.kernel.store;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.FakeExperiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;

/**
 * A second process for the tests that need one (a kill, two writers). Runs FakeExperiment only,
 * so it never loads ND4J and starts in well under a second.
 *
 * <pre>
 *   slow RUNS_DIR                      one endless run, a metrics row every 100 ms
 *   many RUNS_DIR FIRST_EPOCHS COUNT   COUNT quick runs at once, epochs = FIRST_EPOCHS, +1, …
 * </pre>
 */
public final class ChildRuns {
    private ChildRuns() { }

    public static void main(String[] args) throws Exception {
        FakeExperiment fake = new FakeExperiment();
        RunStore store = new RunStore(Paths.get(args[1]));
        if (args[0].equals("slow")) {
            try (RunEngine engine = new RunEngine(1, store)) {
                Run run = engine.submit(fake, fake.schema().fromText(Map.of("epochs", "1000", "millis", "100")));
                run.await(10, TimeUnit.MINUTES); // killed long before
            }
        } else {
            int first = Integer.parseInt(args[2]);
            int count = Integer.parseInt(args[3]);
            try (RunEngine engine = new RunEngine(4, store)) {
                List<Run> runs = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    runs.add(engine.submit(fake, fake.schema().fromText(Map.of("epochs", String.valueOf(first + i), "millis", "0"))));
                }
                for (Run r : runs) {
                    if (!r.await(2, TimeUnit.MINUTES)) System.exit(3);
                    System.out.println(r.status() + " " + r.folder());
                }
            }
        }
    }

    /** Starts this class in a fresh JVM on the test class path. */
    static Process start(Path output, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), ChildRuns.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }
}
