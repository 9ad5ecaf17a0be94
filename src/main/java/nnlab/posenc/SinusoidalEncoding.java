package nnlab.posenc;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The sinusoidal positional encoding as a p×N matrix E (row = dimension, column = position):
 * E[2k, i] = sin(i·ω_k), E[2k+1, i] = cos(i·ω_k), ω_k = base^(−2k/p).
 */
public final class SinusoidalEncoding {
    /** Largest p and N the study accepts: [X | E]ᵀ[X | E] is 2N×2N, so N = 1024 is already 4 M cells. */
    public static final int MAX_P = 1024;
    public static final int MAX_N = 1024;

    private SinusoidalEncoding() { }

    /** Null when (p, N, base) is a valid setting, otherwise a message naming the problem. */
    public static String problem(int p, int n, double base) {
        if (p < 2 || p > MAX_P) return "p must be from 2 to " + MAX_P + ", got " + p;
        if (p % 2 != 0) return "p must be even (sin and cos come in pairs), got " + p;
        if (n < 1 || n > MAX_N) return "N must be from 1 to " + MAX_N + ", got " + n;
        if (!(base > 0) || !Double.isFinite(base)) return "base must be a positive number, got " + base;
        return null;
    }

    static void require(int p, int n, double base) {
        String problem = problem(p, n, base);
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    /** ω_k = base^(−2k/p) for k = 0 … p/2 − 1, as a (p/2)×1 column. */
    public static INDArray frequencies(int p, double base) {
        INDArray k = Nd4j.arange(0, p / 2).castTo(DataType.DOUBLE).reshape(p / 2, 1);
        // base^(-2k/p) = exp(-(2 ln base / p) · k)
        return Transforms.exp(k.muli(-2.0 * Math.log(base) / p), false);
    }

    /** E in double precision, p×N. */
    public static INDArray matrix(int p, int n, double base) {
        require(p, n, base);
        INDArray positions = Nd4j.arange(0, n).castTo(DataType.DOUBLE).reshape(1, n);
        INDArray angles = frequencies(p, base).mmul(positions); // (p/2)×N, angle[k, i] = i·ω_k
        INDArray sin = Transforms.sin(angles, true);
        INDArray cos = Transforms.cos(angles, true);
        // Stacking on axis 1 gives [p/2, 2, N]; in C order row 2k is sin_k and row 2k+1 is cos_k.
        return Nd4j.stack(1, sin, cos).reshape('c', p, n);
    }
}
