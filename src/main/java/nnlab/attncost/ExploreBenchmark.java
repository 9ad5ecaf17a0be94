package nnlab.attncost;

import java.util.Arrays;
import java.util.Locale;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.Figure;

/**
 * The explore tab's redraw work without a window, at the default settings: computing every view
 * (ND4J, double precision at small n) and rendering each figure at scale 1, medians over
 * repetitions that alternate k so no repetition reuses the last one's result. The panel's status
 * line reports the whole path, JavaFX thread included. Reported, not judged.
 * Run: java -cp ... nnlab.attncost.ExploreBenchmark [repetitions]
 */
public final class ExploreBenchmark {
    private ExploreBenchmark() { }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        NativeSetup.initNow();
        NativeSetup.limitComputeThreadsOfThisThread(1); // as the panel's worker does
        AttentionCostExperiment e = new AttentionCostExperiment();
        Config defaults = e.schema().defaults();
        double[] compute = new double[reps], render = new double[reps];
        for (int r = -3; r < reps; r++) { // three warm-up rounds: JIT and class loading are not what this measures
            CostSettings s = CostSettings.of(defaults.with("k", r % 2 == 0 ? 32 : 31));
            long t0 = System.nanoTime();
            ExploreViews.Computed c = ExploreViews.compute(s);
            long t1 = System.nanoTime();
            for (Figure f : c.figures()) f.render(1);
            long t2 = System.nanoTime();
            if (r >= 0) {
                compute[r] = (t1 - t0) / 1e6;
                render[r] = (t2 - t1) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "explore views at the defaults (small n = %d, d = %d, k = 32): compute %.1f ms, render %.1f ms (medians of %d)%n",
                defaults.getInt("small-n"), defaults.getInt("d"), median(compute), median(render), reps);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
