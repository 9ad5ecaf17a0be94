package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunContext;
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
        @Override public String id() { return "soak"; }
        @Override public String title() { return "Soak"; }
        @Override public String description() { return "allocates per epoch until cancelled"; }
        @Override public ConfigSchema schema() { return new ConfigSchema(); }

        @Override
        public Map<String, Object> run(Config config, RunContext ctx) throws Exception {
            for (int epoch = 1; ; epoch++) {
                ctx.checkCancelled();
                INDArray w = Nd4j.rand(DataType.FLOAT, 512, 512); // 1 MB, and as much again for the product
                double loss = w.mul(w).meanNumber().doubleValue() / epoch;
                double[][] values = new double[FIGURE_SIZE][FIGURE_SIZE];
                values[epoch % FIGURE_SIZE][0] = loss;
                ctx.figure("weights", new HeatmapFigure("weights", "x", "y", values, ColorMap.VIRIDIS));
                ctx.metric("loss", "train", epoch, loss);
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

    @Test
    void fiftySubmittedAndCancelledRunsAllEndAndMemoryStaysFlat() throws Exception {
        AllocatingExperiment soak = new AllocatingExperiment();
        long t0 = System.nanoTime();
        long[] heapAt10 = null;
        List<Run> all = new ArrayList<>();
        try (RunEngine engine = new RunEngine(1, null)) {
            for (int i = 1; i <= RUNS; i++) {
                Run run = engine.submit(soak, soak.schema().defaults());
                all.add(run);
                if (i % 5 == 0) {
                    run.cancel(); // at once: most of these never start
                } else {
                    while (run.history().stream().filter(e -> e instanceof RunEvent.Metric).count() < 5) {
                        assertFalse(run.status().isFinal(), run.statusMessage());
                        Thread.sleep(1);
                    }
                    run.cancel();
                }
                assertTrue(run.await(5, TimeUnit.SECONDS), "run " + i + " still " + run.status());
                assertEquals(RunStatus.CANCELLED, run.status(), run.statusMessage());
                if (i == 10) heapAt10 = memory();
            }
            long[] heapAt50 = memory();
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "soak: %d runs in %.1f s; after run 10 and 50: heap %.1f → %.1f MB, resident %.0f → %.0f MB%n",
                    RUNS, seconds, mb(heapAt10[0]), mb(heapAt50[0]), mb(heapAt10[1]), mb(heapAt50[1]));

            assertTrue(engine.runs().stream().allMatch(r -> r.status().isFinal()), "nothing left running or queued");
            assertEquals(RUNS, engine.runs().size());
            // Older finished runs dropped their events; the latest ten keep them for panels that reopen.
            assertTrue(all.subList(0, RUNS - 10).stream().allMatch(Run::historyReleased));
            assertTrue(all.subList(RUNS - 10, RUNS).stream().noneMatch(Run::historyReleased));
            assertEquals(RunStatus.CANCELLED, ((RunEvent.Status) all.get(0).history().get(0)).status());
            // A kept run holds its figure once, not once per epoch.
            Run kept = all.get(RUNS - 2);
            assertEquals(1, kept.history().stream().filter(e -> e instanceof RunEvent.FigureUpdate).count());

            assertTrue(heapAt50[0] - heapAt10[0] < 8L << 20,
                    "heap grew by " + mb(heapAt50[0] - heapAt10[0]) + " MB over 40 runs (one run's figure is 0.5 MB)");
            // 40 runs allocate several hundred MB of ND4J arrays between the two measurements.
            assertTrue(heapAt50[1] - heapAt10[1] < 96L << 20, "the process grew by " + mb(heapAt50[1] - heapAt10[1]) + " MB");
            assertTrue(seconds < 30, "took " + seconds + " s");
        }
    }

    /** Heap in use and the process's resident size (heap, ND4J's buffers, everything), after GC. */
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
