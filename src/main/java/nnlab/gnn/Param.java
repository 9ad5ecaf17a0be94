package nnlab.gnn;

import java.util.SplittableRandom;

/**
 * One trainable array with its gradient and Adam moments. Adam as in {@code torch.optim.Adam}
 * (β = 0.9, 0.999, ε = 1e-8) with coupled L2 weight decay: λ·w is added to the gradient before the
 * moments, which is what both papers' code does (an L2 term in the loss).
 */
final class Param {
    final String name;
    final double[] value;
    final double[] grad;
    final boolean decays;
    private final double[] m;
    private final double[] v;

    Param(String name, double[] value, boolean decays) {
        this.name = name;
        this.value = value;
        this.decays = decays;
        this.grad = new double[value.length];
        this.m = new double[value.length];
        this.v = new double[value.length];
    }

    /** Glorot-uniform U(−a, a), a = √(6 / (fanIn + fanOut)). */
    static Param glorot(String name, int fanIn, int fanOut, int size, SplittableRandom rng, boolean decays) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] w = new double[size];
        for (int i = 0; i < size; i++) w[i] = (2 * rng.nextDouble() - 1) * limit;
        return new Param(name, w, decays);
    }

    static Param zeros(String name, int size) {
        return new Param(name, new double[size], false);
    }

    void zeroGrad() {
        java.util.Arrays.fill(grad, 0);
    }

    void accumulate(double[] g) {
        for (int i = 0; i < g.length; i++) grad[i] += g[i];
    }

    /** Σ w² / 2 when this parameter decays: the L2 term whose gradient is λ·w. */
    double halfSquaredNorm() {
        if (!decays) return 0;
        double s = 0;
        for (double w : value) s += w * w;
        return s / 2;
    }

    /** One Adam step (t counts from 1). */
    void adam(double lr, double weightDecay, int t) {
        double b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
        for (int i = 0; i < value.length; i++) {
            double g = grad[i] + (decays ? weightDecay * value[i] : 0);
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            value[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
    }
}
