package nnlab.posenc;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A computed matrix copied out of ND4J, row-major, for drawing and export. Copying once lets the
 * JavaFX thread read it without touching native memory that a newer computation may reuse.
 */
public record Matrix(int rows, int cols, double[] data) {

    public static Matrix of(INDArray a) {
        if (a.rank() != 2) throw new IllegalArgumentException("expected a matrix, got shape " + java.util.Arrays.toString(a.shape()));
        // toDoubleMatrix() builds one Java array per row and was ~10× slower here at 512×512.
        INDArray c = a.dataType() == DataType.DOUBLE && a.ordering() == 'c' && !a.isView() ? a : a.castTo(DataType.DOUBLE).dup('c');
        return new Matrix((int) a.rows(), (int) a.columns(), c.data().asDouble());
    }

    public double get(int r, int c) {
        return data[r * cols + c];
    }

    public double[] row(int r) {
        double[] out = new double[cols];
        System.arraycopy(data, r * cols, out, 0, cols);
        return out;
    }

    public double[][] toArrays() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) out[r] = row(r);
        return out;
    }

    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : data) m = Math.min(m, v);
        return m;
    }

    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : data) m = Math.max(m, v);
        return m;
    }

    /** The diagonal entries (of the leading square part). */
    public double[] diagonal() {
        double[] d = new double[Math.min(rows, cols)];
        for (int i = 0; i < d.length; i++) d[i] = get(i, i);
        return d;
    }

    /**
     * Largest |M[i, j] − M[i−j+…]|: each entry compared with the first entry of its diagonal
     * (row 0 or column 0). Zero exactly when M is Toeplitz, i.e. M[i, j] depends only on i − j.
     */
    public double toeplitzDeviation() {
        double worst = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double first = i <= j ? get(0, j - i) : get(i - j, 0);
                worst = Math.max(worst, Math.abs(get(i, j) - first));
            }
        }
        return worst;
    }
}
