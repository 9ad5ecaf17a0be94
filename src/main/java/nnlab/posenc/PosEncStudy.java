package nnlab.posenc;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The computations behind each view of the study, shared by the command-line experiment and the
 * interactive panel. Everything is DOUBLE: at p = N = 512 the products still take only a few
 * milliseconds, and the panel then shows the diagonal as exactly p/2.
 */
public final class PosEncStudy {
    private PosEncStudy() { }

    /** What attention compares: the encoding alone, content plus encoding, or the two side by side. */
    public enum Query {
        E("E", "Q = K = E"), X_PLUS_E("X+E", "Q = K = X + E"), CONCAT("[X|E]", "Q = K = [X | E]");

        public final String key;
        public final String caption;

        Query(String key, String caption) {
            this.key = key;
            this.caption = caption;
        }

        public static Query of(String key) {
            for (Query q : values()) if (q.key.equals(key)) return q;
            throw new IllegalArgumentException("unknown query '" + key + "' (one of E, X+E, [X|E])");
        }
    }

    /** EᵀE, one of its rows, and the two facts it must show. */
    public record EncodingView(Matrix gram, int row, double[] rowValues, double diagonalMin, double diagonalMax,
                               double toeplitzDeviation) { }

    public static EncodingView encoding(int p, int n, double base, int row) {
        if (row < 0 || row >= n) throw new IllegalArgumentException("the plotted row must be from 0 to N−1 = " + (n - 1) + ", got " + row);
        Matrix g = Matrix.of(GramMatrices.gram(SinusoidalEncoding.matrix(p, n, base)));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : g.diagonal()) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return new EncodingView(g, row, g.row(row), lo, hi, g.toeplitzDeviation());
    }

    /**
     * (X+E)ᵀ(X+E) and [X | E]ᵀ[X | E] for one draw of X; terms holds XᵀX, XᵀE, EᵀX, EᵀE when asked for.
     * crossRatio = ‖XᵀE + EᵀX‖_F / ‖EᵀE‖_F measures how much of the added Gram is content–position mixing.
     */
    public record ContentView(Matrix added, Matrix concatenated, List<Matrix> terms, double addedToeplitzDeviation,
                              double crossRatio, double correlationWithEtE) { }

    public static ContentView content(int p, int n, double base, double sigmaScale, long seed, int draw, boolean terms) {
        INDArray e = SinusoidalEncoding.matrix(p, n, base);
        INDArray x = GramMatrices.content(e, sigmaScale, seed, draw);
        INDArray added = GramMatrices.gram(GramMatrices.added(x, e));
        INDArray concat = GramMatrices.gram(GramMatrices.concatenated(x, e));
        // The four terms are exactly the four blocks of the concatenated Gram; slicing them out costs
        // nothing, and the tests check them against separate products.
        INDArray xte = concat.get(NDArrayIndex.interval(0, n), NDArrayIndex.interval(n, 2 * n));
        INDArray etx = concat.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.interval(0, n));
        INDArray ete = concat.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.interval(n, 2 * n));
        double crossNorm = xte.add(etx).norm2Number().doubleValue();
        double eteNorm = ete.norm2Number().doubleValue();
        Matrix addedM = Matrix.of(added);
        List<Matrix> t = List.of();
        if (terms) {
            INDArray xtx = concat.get(NDArrayIndex.interval(0, n), NDArrayIndex.interval(0, n));
            t = List.of(Matrix.of(xtx), Matrix.of(xte), Matrix.of(etx), Matrix.of(ete));
        }
        return new ContentView(addedM, Matrix.of(concat), t, addedM.toeplitzDeviation(),
                eteNorm == 0 ? Double.NaN : crossNorm / eteNorm, correlation(added, ete));
    }

    /** softmax(QᵀK/√p) for the chosen Q = K. */
    public static Matrix attention(int p, int n, double base, double sigmaScale, long seed, int draw, Query query) {
        INDArray e = SinusoidalEncoding.matrix(p, n, base);
        INDArray q = switch (query) {
            case E -> e;
            case X_PLUS_E -> GramMatrices.added(GramMatrices.content(e, sigmaScale, seed, draw), e);
            case CONCAT -> GramMatrices.concatenated(GramMatrices.content(e, sigmaScale, seed, draw), e);
        };
        return Matrix.of(Attention.weights(q, q));
    }

    /** Mean of the diagonal of a square matrix: for attention, how much each position attends to itself. */
    public static double meanDiagonal(Matrix m) {
        double s = 0;
        double[] d = m.diagonal();
        for (double v : d) s += v;
        return s / d.length;
    }

    /** Pearson correlation between the entries of two equally shaped matrices (NaN when one is constant). */
    static double correlation(INDArray a, INDArray b) {
        INDArray ac = a.sub(a.meanNumber());
        INDArray bc = b.sub(b.meanNumber());
        double den = ac.norm2Number().doubleValue() * bc.norm2Number().doubleValue();
        return den == 0 ? Double.NaN : ac.mul(bc).sumNumber().doubleValue() / den;
    }
}
