package nnlab.posenc;

import java.util.Arrays;
import java.util.Locale;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.figure.ColorMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Times each step of a redraw of the EᵀE view at p = N = 512 without JavaFX (the panel test times
 * the whole path including the JavaFX thread). Run: java -cp ... nnlab.posenc.PosEncBenchmark [p] [n]
 */
public final class PosEncBenchmark {
    public static void main(String[] args) {
        NativeSetup.initNow();
        int p = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int reps = 15;
        double[][] t = new double[6][reps];
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
            double dev = m.toeplitzDeviation();
            long t4 = System.nanoTime();
            HeatmapColors.fill(m, ColorMap.VIRIDIS, HeatmapColors.Range.of(m, ColorMap.VIRIDIS), pixels);
            long t5 = System.nanoTime();
            PosEncStudy.encoding(pp, n, 10000, 0);
            long t6 = System.nanoTime();
            t[0][r] = (t1 - t0) / 1e6;
            t[1][r] = (t2 - t1) / 1e6;
            t[2][r] = (t3 - t2) / 1e6;
            t[3][r] = (t4 - t3) / 1e6;
            t[4][r] = (t5 - t4) / 1e6;
            t[5][r] = (t6 - t5) / 1e6;
            if (dev > 1) throw new AssertionError(dev);
        }
        String[] names = {"encode E", "gemm EᵀE", "copy out", "Toeplitz check", "colour map", "whole encoding view"};
        for (int i = 0; i < names.length; i++) {
            double[] s = t[i].clone();
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%-22s median %7.2f ms  (min %.2f)%n", names[i], s[reps / 2], s[0]);
        }
    }
}
