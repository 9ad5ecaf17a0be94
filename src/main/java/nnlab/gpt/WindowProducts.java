package nnlab.gpt;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The window products of {@link CachedDecoder}: rows [n, in] times a weight in ND4J, through native arrays kept for reuse. */
final class WindowProducts {
    private static final int TILE = 16;
    private final Map<Long, INDArray> scratch = new HashMap<>();
    private float[] floats = new float[0];
    private int scratchRows;

    /**
     * rows [n, in] · w [in, out] in ND4J, in w's precision, as a row-major array. The native
     * arrays are kept per shape and reused, and filled and read in bulk: allocating two of them per
     * product, casting the input and copying values one by one cost about as much CPU as the
     * products themselves (measured past the context at width 128). The result is column-major:
     * {@code mmuli} runs its gemm into a column-major array in any case (into a temporary one and
     * copies it over for a row-major result), so this is the very gemm of
     * {@code in.castTo(w.dataType()).mmul(w)}, without the temporary and the copy.
     */
    double[] times(double[] rows, int n, INDArray w) {
        int in = (int) w.rows(), out = (int) w.columns();
        INDArray a = scratch(w.dataType(), n, in, false), r = scratch(w.dataType(), n, out, true);
        double[] result = new double[n * out];
        if (w.dataType() == DataType.DOUBLE) {
            a.data().asNioDouble().put(rows, 0, n * in);
            a.mmuli(w, r);
            double[] colMajor = new double[n * out];
            r.data().asNioDouble().get(colMajor);
            for (int j0 = 0; j0 < out; j0 += TILE) for (int p0 = 0; p0 < n; p0 += TILE) {
                for (int j = j0, je = Math.min(out, j0 + TILE); j < je; j++) {
                    for (int p = p0, pe = Math.min(n, p0 + TILE); p < pe; p++) result[p * out + j] = colMajor[j * n + p];
                }
            }
            return result;
        }
        float[] f = floatScratch(Math.max(n * in, n * out));
        for (int i = 0; i < n * in; i++) f[i] = (float) rows[i];
        a.data().asNioFloat().put(f, 0, n * in);
        a.mmuli(w, r);
        r.data().asNioFloat().get(f, 0, n * out);
        // column-major to row-major in tiles, so both sides stay in the cache (a plain double loop was 40 % of the decoder's time)
        for (int j0 = 0; j0 < out; j0 += TILE) for (int p0 = 0; p0 < n; p0 += TILE) {
            for (int j = j0, je = Math.min(out, j0 + TILE); j < je; j++) {
                for (int p = p0, pe = Math.min(n, p0 + TILE); p < pe; p++) result[p * out + j] = f[j * n + p];
            }
        }
        return result;
    }

    /**
     * A [rows, cols] native array of this type, one per shape and role: a product's input (row-major)
     * or result (column-major). Only those of the latest window length are kept (sliding windows all
     * have one length), so a decoder holds a handful of them, not one set per length it ever saw.
     */
    private INDArray scratch(DataType type, int rows, int cols, boolean result) {
        if (rows != scratchRows) {
            scratch.clear();
            scratchRows = rows;
        }
        Long key = ((long) rows << 32) | ((long) cols << 1) | (result ? 1 : 0);
        INDArray a = scratch.get(key);
        if (a == null) scratch.put(key, a = Nd4j.createUninitialized(type, new long[] {rows, cols}, result ? 'f' : 'c'));
        return a;
    }

    private float[] floatScratch(int size) {
        if (floats.length < size) floats = new float[size];
        return floats;
    }
}
