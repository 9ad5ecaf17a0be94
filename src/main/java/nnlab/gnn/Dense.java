package nnlab.gnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dense products of row-major double matrices, by ND4J's GEMM. The models keep their arrays as
 * plain {@code double[]} because their edge-wise steps (attention, Â products) are loops over an
 * edge list that ND4J M2.1 cannot express with a usable gradient (see {@link GatLayer}).
 */
final class Dense {
    private Dense() { }

    private static INDArray wrap(double[] a, int rows, int cols) {
        return Nd4j.create(a, new long[] {rows, cols}, 'c');
    }

    private static double[] unwrap(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    /** A (n × k) · B (k × m). */
    static double[] times(double[] a, int n, int k, double[] b, int m) {
        return unwrap(wrap(a, n, k).mmul(wrap(b, k, m)));
    }

    /** Aᵀ · B with A n × k and B n × m: a k × m weight gradient. */
    static double[] transposeTimes(double[] a, int n, int k, double[] b, int m) {
        return unwrap(wrap(a, n, k).transpose().mmul(wrap(b, n, m)));
    }

    /** A · Bᵀ with A n × m and B k × m: the gradient flowing back through a weight B. */
    static double[] timesTranspose(double[] a, int n, int m, double[] b, int k) {
        return unwrap(wrap(a, n, m).mmul(wrap(b, k, m).transpose()));
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

    static INDArray matrix(double[] a, int rows, int cols) {
        return Nd4j.create(a, new long[] {rows, cols}, 'c').castTo(DataType.DOUBLE);
    }
}
