package nnlab.gnn;

import java.util.SplittableRandom;

/** Inverted dropout masks: each entry kept with probability 1 − p and then scaled by 1/(1 − p). */
final class Dropout {
    private Dropout() { }

    /** A fresh mask, or null (meaning "keep all") when p = 0. */
    static double[] mask(SplittableRandom rng, int size, double p) {
        if (p <= 0) return null;
        double keep = 1 - p, scale = 1 / keep;
        double[] m = new double[size];
        for (int i = 0; i < size; i++) m[i] = rng.nextDouble() < keep ? scale : 0;
        return m;
    }

    /** a ⊙ mask as a new array (a itself when the mask is null). */
    static double[] apply(double[] a, double[] mask) {
        if (mask == null) return a;
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] * mask[i];
        return out;
    }
}
