package nnlab.posenc;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Gram matrices KᵀK of the encoding alone, added to content (X + E) and concatenated ([X | E]). */
public final class GramMatrices {
    private GramMatrices() { }

    /** KᵀK; gemm with the transpose flag avoids materialising Kᵀ (about 3× faster than transpose().mmul). */
    public static INDArray gram(INDArray k) {
        return Nd4j.gemm(k, k, true, false);
    }

    /** AᵀB. */
    public static INDArray cross(INDArray a, INDArray b) {
        return Nd4j.gemm(a, b, true, false);
    }

    /**
     * Random content X with the shape of E, i.i.d. Normal(μ, (scale·σ)²) where μ and σ are the mean
     * and standard deviation of E's entries. Draw d of seed s is always the same matrix, whatever
     * draws were made before it, so "draw 3" can be shown without replaying draws 0–2.
     */
    public static INDArray content(INDArray e, double sigmaScale, long seed, int draw) {
        double mu = e.meanNumber().doubleValue();
        double sigma = e.stdNumber(false).doubleValue() * sigmaScale;
        INDArray x = Nd4j.create(DataType.DOUBLE, e.shape());
        if (sigma == 0) return x.addi(mu);
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(drawSeed(seed, draw));
        return Nd4j.randn(mu, sigma, x, rng);
    }

    static long drawSeed(long seed, int draw) {
        // Distinct (seed, draw) pairs map to distinct inputs of the mixer, which spreads them apart.
        return nnlab.kernel.Seeds.nd4jSeed(seed * 1_000_003L + draw);
    }

    /** K = X + E. */
    public static INDArray added(INDArray x, INDArray e) {
        return x.add(e);
    }

    /** K = [X | E], p×2N: X's columns then E's. */
    public static INDArray concatenated(INDArray x, INDArray e) {
        return Nd4j.hstack(x, e);
    }

    /** The four terms of (X+E)ᵀ(X+E) = XᵀX + XᵀE + EᵀX + EᵀE, in that order. */
    public static INDArray[] decomposition(INDArray x, INDArray e) {
        INDArray xtx = gram(x);
        INDArray xte = cross(x, e);
        INDArray etx = xte.transpose().dup('c');
        INDArray ete = gram(e);
        return new INDArray[] {xtx, xte, etx, ete};
    }

    /** Labels of the four blocks of [X | E]ᵀ[X | E] (and of the decomposition terms), row-major. */
    public static final String[] BLOCK_LABELS = {"XᵀX", "XᵀE", "EᵀX", "EᵀE"};
}
