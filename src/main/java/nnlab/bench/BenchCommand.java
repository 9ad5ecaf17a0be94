package nnlab.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nnlab bench [--quick] [--out DIR] [--no-ui] [--training-only] [--repeats N] [--torch SCRIPT
 * [--python EXE] [--peers DIR]] [--cora DIR]}: measures the padding study's training speed (per
 * variant, per layer and pass), the rotation and oversmoothing epochs, the window (first frame, ND4J ready, worst UI freeze
 * during a run, EᵀE redraw), the redraw work without the window (EᵀE step by step, a large
 * heatmap's PNG render) and memory over 20 runs; prints a table and writes bench.json. With
 * --torch it also times the PyTorch peers in the same session, in PyTorch's best schedule and on
 * one process, for both ratios (see {@link TrainingComparison}). Benchmarks are not tests: they report numbers and never fail on a slow machine.
 */
@Command(name = "bench", sortOptions = false,
        description = "Measures training speed, the window and memory; prints a table and writes DIR/bench.json.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Smaller data sets and fewer epochs: a smoke run, not a measurement.")
    private boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Where bench.json goes (default: ${DEFAULT-VALUE}).")
    private Path outDir = Paths.get("bench-results");

    @Option(names = "--no-ui", description = "Skip the window measurements (first frame, UI freezes, EᵀE redraw).")
    private boolean noUi;

    @Option(names = "--torch", paramLabel = "SCRIPT", description = "Also time the PyTorch reference SCRIPT on the same variants.")
    private Path torchScript;

    @Option(names = "--python", paramLabel = "EXE", description = "The Python that runs --torch (default: ${DEFAULT-VALUE}).")
    private String python = Files.isExecutable(Paths.get("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @Option(names = "--repeats", paramLabel = "N", description = "Measure each training figure N times and report the minimum (default: ${DEFAULT-VALUE}).")
    private int repeats = 1;

    @Option(names = "--peers", paramLabel = "DIR", description = "Folder of the PyTorch peers of the rotation and oversmoothing studies (default: --torch's folder).")
    private Path peersDir;

    @Option(names = "--cora", paramLabel = "DIR", description = "A Cora folder: also time the oversmoothing GCN (depth 20) there.")
    private Path cora;

    @Option(names = "--parts", split = ",", paramLabel = "PART,…",
            description = "Training measurements to run: padding (the study's variants), layers (per layer and pass), others "
                    + "(rotation, oversmoothing); default: ${DEFAULT-VALUE}.")
    private java.util.List<String> parts = java.util.List.of("padding", "layers", "others");

    @Option(names = "--training-only", description = "Only the training measurements (no window, redraw or memory).")
    private boolean trainingOnly;

    private final PrintStream out;
    private final PrintStream err;

    /** The command line parses its options into a fresh instance; out gets the table, err the progress. */
    public BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            return measure();
        } catch (Exception e) {
            err.println("nnlab bench: " + e);
            return 1;
        }
    }

    private int measure() throws Exception {
        boolean ui = !noUi && !trainingOnly;
        if (torchScript != null && !Files.isRegularFile(torchScript)) {
            err.println("nnlab bench: --torch: no such file " + torchScript);
            return 2;
        }
        Files.createDirectories(outDir);
        long t0 = System.nanoTime();
        NativeSetup.initNow();
        double nd4jReadySeconds = (System.nanoTime() - t0) / 1e9;

        err.println("measuring ND4J matrix-multiply peak…");
        double peak = PaddingBenchmark.matmulPeakGflops(quick ? 512 : 2048, quick ? 3 : 5);
        int cores = Runtime.getRuntime().availableProcessors();
        Path peers = peersDir != null ? peersDir : torchScript != null ? torchScript.toAbsolutePath().getParent() : null;
        Map<String, Object> training = TrainingComparison.run(new TrainingComparison.Settings(quick, Math.max(1, repeats), torchScript,
                python, peers, cora, new java.util.HashSet<>(parts)), peak, out, err);
        out.println();

        Map<String, Object> uiResults = null;
        if (ui) {
            String reason = UiBenchmark.unavailableReason();
            if (reason != null) {
                uiResults = Map.of("skipped", reason);
            } else {
                err.println("measuring the window: first frame, ND4J ready, pulses during a padding run, EᵀE redraw…");
                uiResults = UiBenchmark.run(outDir, quick
                        ? "--net Net1 --padding fconv --rounds 1 --epochs 2 --train-size 300 --val-size 150 --test-size 150"
                        : "--net Net1 --padding fconv,replicate --rounds 2 --epochs 3 --train-size 1000 --val-size 500 --test-size 500",
                        quick ? 300 : 900);
            }
        }

        Map<String, Object> redraw = null;
        Map<String, Object> memory = null;
        int memoryRuns = 20;
        if (!trainingOnly) {
            err.println("measuring the redraw work without the window: EᵀE at p = N = 512 step by step, a 1024² heatmap at 2×…");
            redraw = RedrawBenchmark.run(512, 512, quick ? 5 : 15);
            err.println("measuring resident memory over " + memoryRuns + " short runs…");
            memory = MemoryBenchmark.run(outDir, nnlab.padding.PaddingSettings.schema().fromText(Map.of(
                "net", "Net1", "padding", "fconv", "rounds", "1", "epochs", quick ? "1" : "2",
                "train-size", quick ? "100" : "400", "val-size", quick ? "50" : "200", "test-size", quick ? "50" : "200")), memoryRuns);
        }

        out.printf(Locale.ROOT, "NN Lab benchmark (%s), %d cores: ND4J ready after %.2f s; matrix-multiply peak %.1f GFLOP/s%n",
                quick ? "quick" : "full", cores, nd4jReadySeconds, peak);
        printUi(out, uiResults);
        if (redraw != null) RedrawBenchmark.print(out, redraw);
        if (memory != null) {
            out.printf(Locale.ROOT, "Resident memory after run 1: %.0f MB, after run %d: %.0f MB (growth %+.1f %%)%n",
                    (Double) memory.get("rss_after_first_run_mb"), memoryRuns, (Double) memory.get("rss_after_last_run_mb"),
                    100 * (Double) memory.get("rss_growth_fraction"));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", quick ? "quick" : "full");
        json.put("cores", cores);
        json.put("nd4j_ready_seconds", nd4jReadySeconds);
        json.put("matmul_peak_gflops", peak);
        json.put("repeats", Math.max(1, repeats));
        json.putAll(training);
        if (uiResults != null) json.put("ui", uiResults);
        if (redraw != null) json.put("redraw", redraw);
        if (memory != null) json.put("memory", memory);
        try {
            Files.createDirectories(outDir);
            Json.writeFile(outDir.resolve("bench.json"), json);
        } catch (java.io.IOException e) {
            err.println("nnlab bench: cannot write " + outDir.resolve("bench.json") + ": " + e.getMessage());
            return 1;
        }
        err.println("wrote " + outDir.resolve("bench.json").toAbsolutePath());
        return 0;
    }

    private static void printUi(PrintStream out, Map<String, Object> ui) {
        if (ui == null) return;
        if (ui.containsKey("skipped") || ui.containsKey("error")) {
            out.println("Window: not measured (" + ui.getOrDefault("skipped", ui.get("error")) + ")");
            return;
        }
        out.printf(Locale.ROOT, "Window shown %.2f s after JVM start; ND4J ready after %.2f s%n",
                num(ui.get("first_window_seconds")), num(ui.get("nd4j_ready_seconds")));
        out.printf(Locale.ROOT, "During a %.0f s padding run: longest JavaFX pulse gap %.0f ms (99th percentile %.0f ms, %d gaps over 50 ms)%n",
                num(ui.get("run_seconds")), num(ui.get("longest_pulse_gap_ms")), num(ui.get("pulse_gap_p99_ms")),
                (long) num(ui.get("pulse_gaps_over_50ms")));
        if (ui.containsKey("second_run_longest_pulse_gap_ms")) {
            out.printf(Locale.ROOT, "The same run again in that window: longest gap %.0f ms (99th percentile %.0f ms, %d gaps over 50 ms)%n",
                    num(ui.get("second_run_longest_pulse_gap_ms")), num(ui.get("second_run_pulse_gap_p99_ms")),
                    (long) num(ui.get("second_run_pulse_gaps_over_50ms")));
        }
        if (ui.containsKey("ete_redraw_median_ms")) {
            out.printf(Locale.ROOT, "EᵀE at p = N = 512: recompute + redraw %.0f ms median (computation %.0f ms)%n",
                    num(ui.get("ete_redraw_median_ms")), num(ui.get("ete_compute_median_ms")));
        }
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
