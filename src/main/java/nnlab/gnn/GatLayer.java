package nnlab.gnn;

import java.util.SplittableRandom;
import nnlab.graph.SparseRows;

/**
 * One graph-attention layer (Veličković et al. 2018) on projected features G = H·W (n × heads·out):
 * per head, e_ij = LeakyReLU(a_srcᵀ G_i + a_dstᵀ G_j) for j in i's neighbourhood with its
 * self-loop, α_ij = softmax over j, dropout on α, out_i = Σ_j α_ij G_j; heads concatenated or
 * averaged, then a bias. W and the dropout of the layer's input belong to the caller ({@link Gat}).
 *
 * <p>Edge list, not a dense masked n × n attention, chosen by measurement (docs/GNN.md): on Cora
 * the dense forward of layer 1 alone (ND4J, float, per head: broadcast sum, LeakyReLU, −10⁹ mask,
 * row softmax, α·G) took 5.1–6.7 s on the loaded 2-core machine, against 0.17 s wall (37 ms CPU)
 * for a whole edge-list epoch; dense also holds 8 × 2 708² = 59 M scores per array (≈ 235 MB in
 * float), the edge list 13 264 edges+self-loops × 8 heads. SameDiff could not do the edge list for
 * us: in M2.1 its gather has a broken gradient once a graph holds two gathers (see the
 * oversmoothing GcnModel), so the edge-wise softmax and its backward are written out here and
 * checked against finite differences (GradientCheckTest).
 */
final class GatLayer {
    private final SparseRows nb;
    private final int n;
    private final int heads;
    private final int out;
    private final boolean concat;
    private final double slope;
    final Param aSrc;
    final Param aDst;
    final Param bias;

    GatLayer(String name, SparseRows neighbourhoods, int heads, int out, boolean concat, double slope, SplittableRandom rng) {
        this.nb = neighbourhoods;
        this.n = neighbourhoods.rows();
        this.heads = heads;
        this.out = out;
        this.concat = concat;
        this.slope = slope;
        this.aSrc = Param.glorot(name + ".a_src", out, 1, heads * out, rng, true);
        this.aDst = Param.glorot(name + ".a_dst", out, 1, heads * out, rng, true);
        this.bias = Param.zeros(name + ".b", width());
    }

    int width() {
        return concat ? heads * out : out;
    }

    /**
     * @param raw    per edge and head, a_srcᵀG_i + a_dstᵀG_j before the LeakyReLU (edges in the order of {@code nb})
     * @param alpha  per edge and head, the softmax weights before dropout
     * @param mask   the attention dropout mask, or null
     * @param output n × width, bias included
     */
    record LayerPass(double[] g, double[] raw, double[] alpha, double[] mask, double[] output) { }

    LayerPass forward(double[] g, double dropout, SplittableRandom rng) {
        int hw = heads * out;
        double[] s = headScores(g, aSrc.value);
        double[] t = headScores(g, aDst.value);
        int edges = nb.nonZeros();
        double[] raw = new double[edges * heads];
        double[] alpha = new double[edges * heads];
        int[] start = nb.rowStart(), cols = nb.columns();
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < heads; h++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    double r = s[i * heads + h] + t[cols[k] * heads + h];
                    raw[k * heads + h] = r;
                    max = Math.max(max, leaky(r));
                }
                double sum = 0;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    double e = Math.exp(leaky(raw[k * heads + h]) - max);
                    alpha[k * heads + h] = e;
                    sum += e;
                }
                for (int k = start[i]; k < start[i + 1]; k++) alpha[k * heads + h] /= sum;
            }
        }
        double[] mask = Dropout.mask(rng, alpha.length, dropout);
        double[] used = Dropout.apply(alpha, mask);
        int w = width();
        double[] output = new double[n * w];
        double share = concat ? 1 : 1.0 / heads;
        for (int i = 0; i < n; i++) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                int j = cols[k];
                for (int h = 0; h < heads; h++) {
                    double a = used[k * heads + h] * share;
                    int o = i * w + (concat ? h * out : 0), src = j * hw + h * out;
                    for (int f = 0; f < out; f++) output[o + f] += a * g[src + f];
                }
            }
        }
        Dense.addRow(output, n, bias.value);
        return new LayerPass(g, raw, alpha, mask, output);
    }

    /** Returns ∂loss/∂G and adds the gradients of a_src, a_dst and the bias, given ∂loss/∂output. */
    double[] backward(LayerPass p, double[] dOut) {
        int hw = heads * out, w = width();
        bias.accumulate(Dense.columnSums(dOut, n, w));
        double share = concat ? 1 : 1.0 / heads;
        double[] g = p.g();
        double[] dG = new double[n * hw];
        double[] ds = new double[n * heads];
        double[] dt = new double[n * heads];
        int[] start = nb.rowStart(), cols = nb.columns();
        int maxDegree = 0;
        for (int i = 0; i < n; i++) maxDegree = Math.max(maxDegree, nb.degree(i));
        double[] dAlpha = new double[maxDegree];
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < heads; h++) {
                int o = i * w + (concat ? h * out : 0);
                double weighted = 0;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    int j = cols[k], src = j * hw + h * out, e = k * heads + h;
                    double keep = p.mask() == null ? 1 : p.mask()[e];
                    double used = p.alpha()[e] * keep * share;
                    double dot = 0;
                    for (int f = 0; f < out; f++) {
                        dot += dOut[o + f] * g[src + f];
                        dG[src + f] += used * dOut[o + f];
                    }
                    double da = dot * keep * share;
                    dAlpha[k - start[i]] = da;
                    weighted += p.alpha()[e] * da;
                }
                for (int k = start[i]; k < start[i + 1]; k++) {
                    int e = k * heads + h;
                    double de = p.alpha()[e] * (dAlpha[k - start[i]] - weighted);
                    double du = p.raw()[e] > 0 ? de : slope * de;
                    ds[i * heads + h] += du;
                    dt[cols[k] * heads + h] += du;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < heads; h++) {
                double si = ds[i * heads + h], ti = dt[i * heads + h];
                int base = i * hw + h * out;
                for (int f = 0; f < out; f++) {
                    dG[base + f] += si * aSrc.value[h * out + f] + ti * aDst.value[h * out + f];
                    aSrc.grad[h * out + f] += si * g[base + f];
                    aDst.grad[h * out + f] += ti * g[base + f];
                }
            }
        }
        return dG;
    }

    /** Per node and head, aᵀ G_i,h (n × heads). */
    private double[] headScores(double[] g, double[] a) {
        int hw = heads * out;
        double[] s = new double[n * heads];
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < heads; h++) {
                double sum = 0;
                for (int f = 0; f < out; f++) sum += a[h * out + f] * g[i * hw + h * out + f];
                s[i * heads + h] = sum;
            }
        }
        return s;
    }

    private double leaky(double r) {
        return r > 0 ? r : slope * r;
    }

    SparseRows neighbourhoods() { return nb; }

    int heads() { return heads; }
}
