package nnlab.gpt;

/**
 * Rotary position tables (RoFormer): within each head, the pair of columns (2i, 2i+1) of q and of k
 * at position p is rotated by the angle p·θ_i, θ_i = 10000^(−2i/d_k). As columns of a [rows, width]
 * activation: rot(x) = x ∘ cos + (x·R) ∘ sin, where R maps (a, b) to (−b, a) pair by pair.
 */
public final class Rotary {
    static final double BASE = 10000;

    private Rotary() {
    }

    /** The angle of column {@code col} (of a head {@code headWidth} wide) at position {@code p}. */
    public static double angle(int p, int col, int headWidth) {
        int pair = (col % headWidth) / 2;
        return p * Math.pow(BASE, -2.0 * pair / headWidth);
    }

    /** cos (or sin) of every column's angle at every position: [positions, width]. */
    public static double[][] table(int positions, int width, int headWidth, boolean sine) {
        double[][] t = new double[positions][width];
        for (int p = 0; p < positions; p++) {
            for (int c = 0; c < width; c++) {
                double a = angle(p, c, headWidth);
                t[p][c] = sine ? Math.sin(a) : Math.cos(a);
            }
        }
        return t;
    }

    /** R of rot(x) = x ∘ cos + (x·R) ∘ sin: (x·R)[2i] = −x[2i+1], (x·R)[2i+1] = x[2i]. */
    public static double[][] pairSwap(int width) {
        double[][] r = new double[width][width];
        for (int i = 0; i < width; i += 2) {
            r[i + 1][i] = -1;
            r[i][i + 1] = 1;
        }
        return r;
    }

    /** Rotates {@code width} values of {@code x} from {@code offset} in place by one position's row of the cos and sin tables. */
    public static void rotate(double[] x, int offset, int width, double[] cos, double[] sin) {
        for (int c = 0; c < width; c += 2) {
            double a = x[offset + c], b = x[offset + c + 1];
            x[offset + c] = a * cos[c] - b * sin[c];
            x[offset + c + 1] = a * sin[c + 1] + b * cos[c + 1];
        }
    }
}
