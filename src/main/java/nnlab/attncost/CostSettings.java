package nnlab.attncost;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import nnlab.kernel.config.Config;

/** A validated config's values, typed, and the n values and k values they imply. */
public record CostSettings(int nMin, int nMax, int points, int d, int k, int block, int repeats,
                           int smallN, double inputScale, AttentionMethods.Projection projection, int threads, long seed) {

    public static CostSettings of(Config c) {
        return new CostSettings(c.getInt("n-min"), c.getInt("n-max"), c.getInt("points"), c.getInt("d"), c.getInt("k"),
                c.getInt("block"), c.getInt("repeats"), c.getInt("small-n"), c.getDouble("input-scale"),
                AttentionMethods.Projection.of(c.getString("projection")), c.getInt("threads"), c.getInt("seed"));
    }

    /** The shape of a call at sequence length n. */
    public CostModel.Shape shape(long n) {
        return new CostModel.Shape(n, d, k, block);
    }

    /** {@code points} log-spaced sequence lengths from n-min to n-max, rounded, without repeats. */
    public int[] lengths() {
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < points; i++) {
            double t = points == 1 ? 0 : (double) i / (points - 1);
            out.add((int) Math.round(nMin * Math.pow((double) nMax / nMin, t)));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The ranks of the error-vs-k curve at n = small-n: powers of two, eighths of small-n, the chosen k and small-n itself. */
    public int[] ranks() {
        TreeSet<Integer> out = new TreeSet<>();
        for (int r = 1; r < smallN; r *= 2) out.add(r);
        for (int i = 1; i < 8; i++) out.add(Math.max(1, smallN * i / 8));
        out.add(Math.min(k, smallN));
        out.add(smallN);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Dense n values for the counted curves (cheap to evaluate): 40 log-spaced points from n-min to n-max. */
    public double[] curveLengths() {
        List<Double> out = new ArrayList<>();
        int m = 40;
        for (int i = 0; i < m; i++) out.add(Math.rint(nMin * Math.pow((double) nMax / nMin, (double) i / (m - 1))));
        return out.stream().mapToDouble(Double::doubleValue).distinct().toArray();
    }
}
