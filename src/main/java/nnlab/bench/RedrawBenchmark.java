package nnlab.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.posenc.GramMatrices;
import nnlab.posenc.HeatmapColors;
import nnlab.posenc.Matrix;
import nnlab.posenc.PosEncStudy;
import nnlab.posenc.SinusoidalEncoding;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The redraw work without a window: each step of the EᵀE view at p = N = 512 (the window probe
 * times the whole path, JavaFX thread included) and a 1024 × 1024 heatmap figure rendered at 2×
 * for PNG export. These were speed bounds in the unit tests; here they are reported, not judged.
 * Run alone: java -cp ... nnlab.bench.RedrawBenchmark [p] [n]
 */
public final class RedrawBenchmark {
    private static final String[] STEPS = {"encode E", "gemm EᵀE", "copy out", "Toeplitz check", "colour map", "whole encoding view"};
    private static final int HEATMAP_SIZE = 1024;

    private RedrawBenchmark() { }

    /** Medians in milliseconds; p alternates with p - 2 so no repetition reuses the last one's result. */
    public static Map<String, Object> run(int p, int n, int reps) {
        double[][] t = new double[STEPS.length][reps];
        int[] pixels = new int[n * n];
        for (int r = 0; r < reps; r++) {
            int pp = r % 2 == 0 ? p : p - 2;
            long t0 = System.nanoTime();
            INDArray e = SinusoidalEncoding.matrix(pp, n, 10000);
            long t1 = System.nanoTime();
            INDArray g = GramMatrices.gram(e);
            long t2 = System.nanoTime();
            Matrix m = Matrix.of(g);
            long t3 = System.nanoTime();
            double deviation = m.toeplitzDeviation();
            long t4 = System.nanoTime();
            HeatmapColors.fill(m, ColorMap.VIRIDIS, HeatmapColors.Range.of(m, ColorMap.VIRIDIS), pixels);
            long t5 = System.nanoTime();
            PosEncStudy.encoding(pp, n, 10000, 0);
            long t6 = System.nanoTime();
            long[] marks = {t0, t1, t2, t3, t4, t5, t6};
            for (int s = 0; s < STEPS.length; s++) t[s][r] = (marks[s + 1] - marks[s]) / 1e6;
            // Keeps the check from being optimised away, and a wrong matrix from being timed as a right one.
            if (deviation > 1) throw new IllegalStateException("EᵀE is not Toeplitz (deviation " + deviation + ")");
        }
        Map<String, Object> steps = new LinkedHashMap<>();
        for (int s = 0; s < STEPS.length; s++) steps.put(STEPS[s], median(t[s]));

        double[][] values = new double[HEATMAP_SIZE][HEATMAP_SIZE];
        for (int i = 0; i < HEATMAP_SIZE; i++) for (int j = 0; j < HEATMAP_SIZE; j++) values[i][j] = Math.sin(i * 0.01) * Math.cos(j * 0.02);
        HeatmapFigure heatmap = new HeatmapFigure(HEATMAP_SIZE + "²", "x", "y", values, ColorMap.DIVERGING);
        heatmap.render(1); // warm-up: class loading and JIT are not what this measures
        double[] render = new double[Math.max(3, reps / 3)];
        for (int r = 0; r < render.length; r++) {
            long t0 = System.nanoTime();
            heatmap.render(2);
            render[r] = (System.nanoTime() - t0) / 1e6;
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ete_p", p);
        out.put("ete_n", n);
        out.put("ete_steps_median_ms", steps);
        out.put("heatmap_size", HEATMAP_SIZE);
        out.put("heatmap_render_2x_median_ms", median(render));
        return out;
    }

    @SuppressWarnings("unchecked")
    static void print(java.io.PrintStream out, Map<String, Object> redraw) {
        Map<String, Object> steps = (Map<String, Object>) redraw.get("ete_steps_median_ms");
        StringBuilder line = new StringBuilder();
        steps.forEach((name, ms) -> line.append(line.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f", name, (Double) ms)));
        out.printf(Locale.ROOT, "EᵀE at p = %d, N = %d without the window, medians in ms: %s%n", redraw.get("ete_p"), redraw.get("ete_n"), line);
        out.printf(Locale.ROOT, "A %d × %d heatmap rendered at 2× (PNG export): %.0f ms median%n", redraw.get("heatmap_size"),
                redraw.get("heatmap_size"), (Double) redraw.get("heatmap_render_2x_median_ms"));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public static void main(String[] args) {
        nnlab.kernel.NativeSetup.initNow();
        int p = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        print(System.out, run(p, n, 15));
    }
}
