package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunSummary;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fifty runs submitted and cancelled in a row: each ends, the queue drains, and memory on and
 * off the heap stays flat. Each epoch allocates ND4J arrays and redraws a 512 KB figure, as the
 * studies' growing charts do, so a run kept whole in memory would show.
 */
class SoakTest {
    private static final int RUNS = 50;
    private static final int FIGURE_SIZE = 256; // 256 × 256 doubles: 512 KB per version

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    /** Trains nothing, but allocates like a small study: arrays per epoch, a figure redrawn per epoch. */
    private static final class AllocatingExperiment implements Experiment {
        static final nnlab.kernel.run.ViewSpec WEIGHTS = nnlab.kernel.run.ViewSpec.figure("weights", "weights");
        static final nnlab.kernel.run.ViewSpec LOSS = nnlab.kernel.run.ViewSpec.chart("loss", "Loss", "epoch", "loss");
        @Override public String id() { return "soak"; }
        @Override public String title() { return "Soak"; }
        @Override public String description() { return "allocates per epoch until cancelled"; }
        @Override public ConfigSchema schema() { return new ConfigSchema(); }
        @Override public java.util.List<nnlab.kernel.run.ViewSpec> views(Config config) { return java.util.List.of(WEIGHTS, LOSS); }

        @Override
        public RunSummary run(Config config, RunContext ctx) throws Exception {
            for (int epoch = 1; ; epoch++) {
                ctx.checkCancelled();
                double loss;
                // Freed at once, as DL4J's workspaces do in the real studies: left to GC, a large
                // heap would let thousands pile up and the resident size would measure GC's pace.
                try (INDArray w = Nd4j.rand(DataType.FLOAT, 512, 512); INDArray square = w.mul(w)) { // 1 MB each
                    loss = square.meanNumber().doubleValue() / epoch;
                }
                double[][] values = new double[FIGURE_SIZE][FIGURE_SIZE];
                values[epoch % FIGURE_SIZE][0] = loss;
                ctx.figure(WEIGHTS, new HeatmapFigure("weights", "x", "y", values, ColorMap.VIRIDIS));
                ctx.metric(LOSS, "train", epoch, loss);
                ctx.progress(Math.min(1, epoch / 100.0), "epoch " + epoch);
                Thread.sleep(3);
            }
        }
    }

    /** ND4J's CPU buffers escape its own allocation count, so off-heap is judged by the resident size: check it sees them. */
    @Test
    void theResidentSizeSeesAnNd4jArray() throws Exception {
        long before = Pointer.physicalBytes();
        INDArray big = Nd4j.zeros(DataType.FLOAT, 4096, 4096); // 64 MB, zero-filled so every page is touched
        long during = Pointer.physicalBytes();
        big.close();
        assertTrue(during - before >= 48L << 20, "the off-heap measure would be blind: RSS " + mb(before) + " → " + mb(during) + " MB");
    }

    /** Heap in use and resident size after run 10 and after run 50, and the whole soak's duration (printed, not judged). */
    record Measurements(long heapAt10, long heapAt50, long residentAt10, long residentAt50, double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d runs in %.1f s; after run 10 and 50: heap %.1f → %.1f MB, resident %.0f → %.0f MB",
                    RUNS, seconds, mb(heapAt10), mb(heapAt50), mb(residentAt10), mb(residentAt50));
        }
    }

    @Test
    void fiftySubmittedAndCancelledRunsAllEndAndTheHeapStaysFlat() throws Exception {
        Measurements m = soak();
        System.out.println("soak: " + m);
        assertTrue(m.heapAt50() - m.heapAt10() < 8L << 20,
                "heap grew by " + mb(m.heapAt50() - m.heapAt10()) + " MB over 40 runs (one run's figure is 0.5 MB)");
    }

    /**
     * The resident size mixes heap and native memory, and in a JVM that ran other tests the heap
     * keeps touching fresh pages. A child JVM with a fixed, pre-touched heap grows in resident
     * size only off the heap: ND4J's buffers, native code, thread stacks.
     */
    @Test
    void offTheHeapTheProcessStaysFlatToo() throws Exception {
        Path log = Files.createTempFile("soak", ".log");
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms192m", "-Xmx192m", "-XX:+AlwaysPreTouch", "-Dorg.bytedeco.javacpp.logger.debug=false",
                    "-cp", System.getProperty("java.class.path"), SoakTest.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the soak did not end within 60 s");
            } finally {
                child.destroyForcibly();
            }
            String output = Files.readString(log);
            assertEquals(0, child.exitValue(), output);
            String[] numbers = output.lines().filter(l -> l.startsWith("MEASURED ")).findFirst().orElseThrow().split(" ");
            Measurements m = new Measurements(Long.parseLong(numbers[1]), Long.parseLong(numbers[2]), Long.parseLong(numbers[3]),
                    Long.parseLong(numbers[4]), Double.parseDouble(numbers[5]));
            System.out.println("soak in a child JVM: " + m);
            // Between the two measurements 40 runs allocate and free several hundred MB of ND4J arrays.
            assertTrue(m.residentAt50() - m.residentAt10() < 48L << 20,
                    "the process grew by " + mb(m.residentAt50() - m.residentAt10()) + " MB over 40 runs");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The child side of {@link #offTheHeapTheProcessStaysFlatToo}. */
    public static void main(String[] args) throws Exception {
        NativeSetup.initNow();
        Measurements m = soak();
        System.out.println("MEASURED " + m.heapAt10() + " " + m.heapAt50() + " " + m.residentAt10() + " " + m.residentAt50()
                + " " + m.seconds());
        System.exit(0);
    }

    /**
     * Submits and cancels the runs, checking each ends within the epoch it was in (no epoch starts
     * after its cancel) and what the engine keeps of them.
     */
    static Measurements soak() throws Exception {
        AllocatingExperiment soak = new AllocatingExperiment();
        long t0 = System.nanoTime();
        long[] at10 = null;
        List<Run> all = new ArrayList<>();
        try (RunEngine engine = new RunEngine(1, null)) {
            for (int i = 1; i <= RUNS; i++) {
                Run run = engine.submit(soak, soak.schema().defaults());
                all.add(run);
                AtomicInteger pointsAfterCancel = new AtomicInteger();
                run.subscribe(e -> {
                    if (e instanceof RunEvent.Metric && run.isCancelRequested()) pointsAfterCancel.incrementAndGet();
                });
                if (i % 5 == 0) {
                    run.cancel(); // at once: most of these never start
                } else {
                    while (run.history().stream().filter(e -> e instanceof RunEvent.Metric).count() < 5) {
                        assertFalse(run.status().isFinal(), run.statusMessage());
                        Thread.sleep(1);
                    }
                    run.cancel();
                }
                assertTrue(run.await(30, TimeUnit.SECONDS), "run " + i + " still " + run.status()); // a hang guard
                assertEquals(RunStatus.CANCELLED, run.status(), run.statusMessage());
                // The epoch under way when the cancel came may still emit its point; no later one may.
                assertTrue(pointsAfterCancel.get() <= 1, "run " + i + ": " + pointsAfterCancel + " points after its cancel");
                if (i == 10) at10 = memory();
            }
            long[] at50 = memory();
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertTrue(engine.runs().stream().allMatch(r -> r.status().isFinal()), "nothing left running or queued");
            assertEquals(RUNS, engine.runs().size());
            // Older finished runs dropped their events; the latest ten keep them for panels that reopen.
            assertTrue(all.subList(0, RUNS - 10).stream().allMatch(Run::historyReleased));
            assertTrue(all.subList(RUNS - 10, RUNS).stream().noneMatch(Run::historyReleased));
            assertEquals(RunStatus.CANCELLED, ((RunEvent.Status) all.get(0).history().get(0)).status());
            // A kept run holds its figure once, not once per epoch.
            Run kept = all.get(RUNS - 2);
            assertEquals(1, kept.history().stream().filter(e -> e instanceof RunEvent.FigureUpdate).count());
            return new Measurements(at10[0], at50[0], at10[1], at50[1], seconds);
        }
    }

    /** Heap in use and the process's resident size, after GC. */
    private static long[] memory() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50); // lets JavaCPP's deallocator thread free what GC found
        }
        return new long[] {rt.totalMemory() - rt.freeMemory(), Pointer.physicalBytes()};
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
