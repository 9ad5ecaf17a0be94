package nnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunStore;
import nnlab.padding.PaddingExperiment;
import org.bytedeco.javacpp.Pointer;

/**
 * Resident memory of this process after 1 and after N consecutive short padding runs through
 * the run engine (saving to a throw-away runs folder, as the app does): a leak shows as growth.
 */
public final class MemoryBenchmark {
    private MemoryBenchmark() { }

    public static Map<String, Object> run(Path workDir, Config config, int runs) throws IOException, InterruptedException {
        Path store = Files.createTempDirectory(workDir, "memory-runs");
        PaddingExperiment experiment = new PaddingExperiment();
        List<Double> rssMb = new ArrayList<>();
        List<Double> heapMb = new ArrayList<>();
        List<Double> offHeapMb = new ArrayList<>();
        try (RunEngine engine = new RunEngine(1, new RunStore(store))) {
            for (int i = 1; i <= runs; i++) {
                Run run = engine.submit(experiment, config);
                if (!run.await(10, TimeUnit.MINUTES) || run.status() != RunStatus.FINISHED) {
                    throw new IllegalStateException("short run " + i + " ended " + run.status() + ": " + run.statusMessage());
                }
                settle();
                rssMb.add(residentBytes() / 1e6);
                heapMb.add((Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
                offHeapMb.add(Pointer.totalBytes() / 1e6);
            }
        } finally {
            try (var paths = Files.walk(store)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs);
        out.put("run_settings", config.values());
        out.put("rss_mb_after_each_run", rssMb);
        out.put("rss_after_first_run_mb", rssMb.get(0));
        out.put("rss_after_last_run_mb", rssMb.get(rssMb.size() - 1));
        out.put("rss_growth_fraction", rssMb.get(rssMb.size() - 1) / rssMb.get(0) - 1);
        out.put("heap_used_mb_after_each_run", heapMb);
        out.put("javacpp_off_heap_mb_after_each_run", offHeapMb);
        return out;
    }

    /** Gives the collectors a chance so that garbage is not counted as growth. */
    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    /** VmRSS on Linux; elsewhere JavaCPP's physical-bytes figure, which measures the same. */
    static long residentBytes() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // fall through to JavaCPP's figure
            }
        }
        return Pointer.physicalBytes();
    }
}
