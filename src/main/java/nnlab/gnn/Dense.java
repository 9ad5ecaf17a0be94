package nnlab.gnn;

/**
 * Dense products of row-major double matrices, written as plain loops. They are all thin (n × 16
 * times 16 × 7, at most n × 64 times 64 × 7): measured on real Cora, ND4J's mmul took 28–67 ms for
 * a 2 708 × 16 · 16 × 7 product (with and without oneDNN, the machine loaded) where this loop took
 * 1.5 ms, so the call overhead, not the arithmetic, would have dominated an epoch.
 */
final class Dense {
    private Dense() { }

    /** A (n × k) · B (k × m). */
    static double[] times(double[] a, int n, int k, double[] b, int m) {
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            int o = i * m;
            for (int p = 0; p < k; p++) {
                double v = a[i * k + p];
                if (v == 0) continue;
                int bo = p * m;
                for (int c = 0; c < m; c++) out[o + c] += v * b[bo + c];
            }
        }
        return out;
    }

    /** Aᵀ · B with A n × k and B n × m: a k × m weight gradient. */
    static double[] transposeTimes(double[] a, int n, int k, double[] b, int m) {
        double[] out = new double[k * m];
        for (int i = 0; i < n; i++) {
            int bo = i * m;
            for (int p = 0; p < k; p++) {
                double v = a[i * k + p];
                if (v == 0) continue;
                int o = p * m;
                for (int c = 0; c < m; c++) out[o + c] += v * b[bo + c];
            }
        }
        return out;
    }

    /** A · Bᵀ with A n × m and B k × m: the gradient flowing back through a weight B. */
    static double[] timesTranspose(double[] a, int n, int m, double[] b, int k) {
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            int ao = i * m;
            for (int p = 0; p < k; p++) {
                int bo = p * m;
                double s = 0;
                for (int c = 0; c < m; c++) s += a[ao + c] * b[bo + c];
                out[i * k + p] = s;
            }
        }
        return out;
    }

    /** Column sums of an n × m matrix: a bias gradient. */
    static double[] columnSums(double[] a, int n, int m) {
        double[] s = new double[m];
        for (int i = 0; i < n; i++) for (int c = 0; c < m; c++) s[c] += a[i * m + c];
        return s;
    }

    /** Adds a bias row to every row, in place. */
    static void addRow(double[] a, int n, double[] bias) {
        int m = bias.length;
        for (int i = 0; i < n; i++) for (int c = 0; c < m; c++) a[i * m + c] += bias[c];
    }
}
