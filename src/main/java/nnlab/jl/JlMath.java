package nnlab.jl;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import nnlab.kernel.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Johnson–Lindenstrauss projection and the corollary's nearly orthogonal vectors, in ND4J
 * (double precision). One Gaussian matrix G of kMax rows is drawn per seed; the projection to k
 * dimensions is its first k rows over √k, so that every k of a sweep is a fresh Gaussian k × d
 * matrix scaled as the lemma asks, and one matrix product serves the whole sweep.
 */
final class JlMath {
    private JlMath() { }

    /** The lemma's dimension: k ≥ 8 ln n / ε². */
    static double lemmaK(int points, double epsilon) {
        return 8 * Math.log(points) / (epsilon * epsilon);
    }

    static INDArray gaussian(long seed, long rows, long cols) {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(Seeds.nd4jSeed(seed));
        INDArray z = Nd4j.createUninitialized(DataType.DOUBLE, rows, cols);
        Nd4j.getExecutioner().exec(new GaussianDistribution(z, 0.0, 1.0), rng);
        return z;
    }

    /** Squared distances of every pair i < j of the rows of x, in the order (0,1), (0,2), …, (1,2), … */
    static double[] pairSquaredDistances(INDArray x) {
        INDArray gram = x.mmul(x.transpose());
        int n = (int) x.rows();
        double[] g = gram.data().asDouble();
        double[] out = new double[n * (n - 1) / 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) out[p++] = Math.max(0, g[i * n + i] + g[j * n + j] - 2 * g[i * n + j]);
        }
        return out;
    }

    /** ‖Mx − My‖² / ‖x − y‖² of every pair for M = G[:k] / √k; pairs of equal points are left out. */
    record Projection(int k, double[] ratios) {
        double fractionInside(double epsilon) {
            int in = 0;
            for (double r : ratios) if (r >= 1 - epsilon && r <= 1 + epsilon) in++;
            return ratios.length == 0 ? Double.NaN : (double) in / ratios.length;
        }
    }

    /** The projections of the rows of x to each k of ks (all ≤ the rows of g), by prefixes of one draw g. */
    static List<Projection> project(INDArray x, INDArray g, int[] ks) {
        return prefixes(pairSquaredDistances(x), x.mmul(g.transpose()), ks);
    }

    /** The projections to each k of ks, from the points' pair distances and their projection x Gᵀ by all rows of G. */
    static List<Projection> prefixes(double[] original, INDArray projected, int[] ks) {
        List<Projection> out = new ArrayList<>();
        for (int k : ks) {
            double[] d = pairSquaredDistances(projected.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k)));
            double[] r = new double[d.length];
            int m = 0;
            for (int p = 0; p < d.length; p++) if (original[p] > 0) r[m++] = d[p] / k / original[p];
            out.add(new Projection(k, java.util.Arrays.copyOf(r, m)));
        }
        return out;
    }

    /** About {@code count} k from 1 to kMax, spaced evenly on a log scale, plus the extra values (when ≤ kMax). */
    static int[] sweep(int kMax, int count, int... extra) {
        TreeSet<Integer> ks = new TreeSet<>();
        for (int i = 0; i < count; i++) ks.add((int) Math.round(Math.exp(Math.log(kMax) * i / Math.max(1, count - 1))));
        for (int e : extra) if (e >= 1 && e <= kMax) ks.add(e);
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The corollary's set U = {M e_i / ‖M e_i‖ : i < cap} for a Gaussian n × cap matrix M (the
     * normalised columns of M), measured by prefixes: largestInner[N] = max over i < j < N of
     * |u_iᵀu_j| (0 for N ≤ 1), so that any set size up to cap is read off one Gram matrix.
     */
    record NearlyOrthogonal(int dim, int cap, double[] largestInner) {
        /** The largest N ≤ cap whose first N vectors are pairwise |u_iᵀu_j| ≤ δ. */
        int largestSetWithin(double delta) {
            int best = 1;
            for (int size = 2; size <= cap; size++) {
                if (largestInner[size] <= delta) best = size;
                else break;
            }
            return best;
        }
    }

    static NearlyOrthogonal nearlyOrthogonal(int dim, int cap, long seed) {
        INDArray m = gaussian(seed, dim, cap);
        INDArray norms = m.norm2(0);
        INDArray u = m.divRowVector(norms);
        INDArray gram = Transforms.abs(u.transpose().mmul(u), false);
        double[] g = gram.data().asDouble();
        double[] prefix = new double[cap + 1];
        for (int j = 1; j < cap; j++) {
            double worst = prefix[j];
            for (int i = 0; i < j; i++) worst = Math.max(worst, g[i * cap + j]);
            prefix[j + 1] = worst;
        }
        return new NearlyOrthogonal(dim, cap, prefix);
    }

    /** The corollary's guaranteed size e^{nδ²/c}. */
    static double guaranteedSize(int dim, double delta, double c) {
        return Math.exp(dim * delta * delta / c);
    }

    /** The δ the corollary guarantees for N vectors in ℝⁿ: the inverse of N = e^{nδ²/c}, δ = √(c ln N / n). */
    static double guaranteedDelta(int dim, int size, double c) {
        return Math.sqrt(c * Math.log(size) / dim);
    }
}
