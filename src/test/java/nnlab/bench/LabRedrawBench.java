package nnlab.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import nnlab.gradients.GradientsExperiment;
import nnlab.jl.JlExperiment;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.Figure;

/**
 * What one slider change costs the gradients and jl labs at their default sizes: computing the
 * figures (what the panel's worker does) and rendering them once at scale 1 (what FigureView does
 * before showing them). Not a test: run it by hand, e.g.
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) nnlab.bench.LabRedrawBench 20}.
 */
public final class LabRedrawBench {
    private LabRedrawBench() { }

    public static void main(String[] args) {
        nnlab.kernel.NativeSetup.limitComputeThreadsOfThisThread(1); // as the panels' worker does
        NativeSetup.initNow();
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Config g = new GradientsExperiment().schema().defaults();
        Config j = new JlExperiment().schema().defaults();
        measure("gradients (chain tab)", reps, i -> g.with("depth", 30 + i % 2), GradientsExperiment::chainFigures);
        measure("jl (all five figures)", reps, i -> j.with("k", 100 + i % 2), JlExperiment::figures);
    }

    private static void measure(String name, int reps, Function<Integer, Config> config, Function<Config, Map<String, Figure>> compute) {
        double[] computeMs = new double[reps], renderMs = new double[reps], cpuMs = new double[reps];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = -3; i < reps; i++) { // three warm-up rounds
            Config c = config.apply(i + 3);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Map<String, Figure> figures = compute.apply(c);
            long t1 = System.nanoTime();
            long cpu1 = threads.getCurrentThreadCpuTime();
            for (Figure f : figures.values()) f.render(1.0);
            long t2 = System.nanoTime();
            if (i >= 0) {
                computeMs[i] = (t1 - t0) / 1e6;
                renderMs[i] = (t2 - t1) / 1e6;
                cpuMs[i] = (cpu1 - cpu0) / 1e6;
            }
        }
        // The computing thread's CPU time: what the work costs when the machine is not shared (with
        // OMP_NUM_THREADS=1 ND4J computes on the calling thread).
        System.out.printf(Locale.ROOT, "%s: compute median %.1f ms (p90 %.1f; its thread's CPU time median %.1f ms), "
                + "render median %.1f ms (p90 %.1f), %d changes%n", name, q(computeMs, 0.5), q(computeMs, 0.9), q(cpuMs, 0.5),
                q(renderMs, 0.5), q(renderMs, 0.9), reps);
    }

    private static double q(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.round(p * (s.length - 1))];
    }
}
