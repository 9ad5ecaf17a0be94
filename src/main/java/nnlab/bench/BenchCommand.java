package nnlab.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.store.Json;

/**
 * {@code nnlab bench [--quick] [--out DIR]}: measures, prints a table and writes bench.json.
 * Benchmarks are not tests: they report numbers and never fail on a slow machine.
 */
public final class BenchCommand {
    private BenchCommand() { }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            return measure(args, out, err);
        } catch (Exception e) {
            err.println("nnlab bench: " + e);
            return 1;
        }
    }

    private static int measure(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean quick = false;
        Path outDir = Paths.get("bench-results");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.equals("--out") && i + 1 < args.size()) {
                outDir = Paths.get(args.get(++i));
            } else {
                err.println("nnlab bench: unknown option '" + a + "' (usage: bench [--quick] [--out DIR])");
                return 2;
            }
        }
        long t0 = System.nanoTime();
        NativeSetup.initNow();
        double nd4jReadySeconds = (System.nanoTime() - t0) / 1e9;

        int trainSize = quick ? 400 : 2000;
        int valSize = quick ? 200 : 1000;
        int epochs = quick ? 1 : 3;
        err.println("measuring ND4J matrix-multiply peak…");
        double peak = PaddingBenchmark.matmulPeakGflops(quick ? 512 : 2048, quick ? 3 : 5);
        int cores = Runtime.getRuntime().availableProcessors();
        List<PaddingBenchmark.Result> single = new ArrayList<>();
        List<PaddingBenchmark.Result> study = new ArrayList<>();
        for (String net : List.of("Net1", "Net2")) {
            for (String padding : List.of("fconv", "replicate")) {
                err.println("measuring " + net + " " + padding + ": one round, then " + cores + " rounds at once ("
                        + epochs + " timed epochs after one warm-up)…");
                single.addAll(PaddingBenchmark.run(List.of(net), List.of(padding), trainSize, valSize, epochs, 1));
                if (cores > 1) study.addAll(PaddingBenchmark.run(List.of(net), List.of(padding), trainSize, valSize, epochs, cores));
            }
        }

        out.printf(Locale.ROOT, "NN Lab benchmark (%s): %d train + %d validation images per epoch, batch 200, %d cores%n",
                quick ? "quick" : "full", trainSize, valSize, cores);
        out.printf(Locale.ROOT, "ND4J ready after %.2f s; matrix-multiply peak %.1f GFLOP/s%n%n", nd4jReadySeconds, peak);
        out.printf(Locale.ROOT, "%-5s %-10s %-14s %10s %12s %10s %8s%n", "net", "padding", "schedule", "s/epoch", "train img/s",
                "GFLOP/s", "of peak");
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < single.size(); i++) {
            rows.add(row(out, single.get(i), "1 round", peak));
            if (!study.isEmpty()) rows.add(row(out, study.get(i), cores + " rounds/once", peak));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", quick ? "quick" : "full");
        json.put("cores", cores);
        json.put("train_images", trainSize);
        json.put("validation_images", valSize);
        json.put("nd4j_ready_seconds", nd4jReadySeconds);
        json.put("matmul_peak_gflops", peak);
        json.put("padding_study", rows);
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

    private static Map<String, Object> row(PrintStream out, PaddingBenchmark.Result r, String schedule, double peak) {
        out.printf(Locale.ROOT, "%-5s %-10s %-14s %10.3f %12.0f %10.1f %7.0f%%%n", r.net(), r.padding(), schedule, r.secondsPerEpoch(),
                r.trainImagesPerSecond(), r.gflops(), 100 * r.gflops() / peak);
        Map<String, Object> m = PaddingBenchmark.toJson(r);
        m.put("schedule", schedule);
        m.put("fraction_of_matmul_peak", r.gflops() / peak);
        return m;
    }
}
