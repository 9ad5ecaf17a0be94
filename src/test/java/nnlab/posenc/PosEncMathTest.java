package nnlab.posenc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class PosEncMathTest {

    @BeforeAll
    static void init() {
        NativeSetup.initNow();
    }

    @Test
    void encodingEntriesFollowTheDefinition() {
        int p = 8;
        int n = 5;
        double base = 10000;
        INDArray e = SinusoidalEncoding.matrix(p, n, base);
        assertEquals(DataType.DOUBLE, e.dataType());
        assertArrayEquals(new long[] {p, n}, e.shape());
        for (int k = 0; k < p / 2; k++) {
            double w = Math.pow(base, -2.0 * k / p);
            for (int i = 0; i < n; i++) {
                assertEquals(Math.sin(i * w), e.getDouble(2 * k, i), 1e-12, "sin row " + (2 * k) + " position " + i);
                assertEquals(Math.cos(i * w), e.getDouble(2 * k + 1, i), 1e-12, "cos row " + (2 * k + 1) + " position " + i);
            }
        }
    }

    @ParameterizedTest(name = "p={0} N={1} base={2}")
    @CsvSource({"256,64,10000", "2,7,10000", "64,200,100", "512,33,1.5", "10,1,10000", "128,128,1"})
    void gramDiagonalIsHalfPAndMatrixIsToeplitz(int p, int n, double base) {
        Matrix g = Matrix.of(GramMatrices.gram(SinusoidalEncoding.matrix(p, n, base)));
        assertEquals(n, g.rows());
        assertEquals(n, g.cols());
        for (double d : g.diagonal()) assertEquals(p / 2.0, d, 1e-9);
        assertTrue(g.toeplitzDeviation() < 1e-9 * p, "Toeplitz deviation " + g.toeplitzDeviation());
        // (EᵀE)[i, j] = Σ_k cos((i−j)·ω_k), computed independently of the matrix product.
        for (int i = 0; i < n; i += Math.max(1, n / 7)) {
            for (int j = 0; j < n; j += Math.max(1, n / 5)) {
                double expected = 0;
                for (int k = 0; k < p / 2; k++) expected += Math.cos((i - j) * Math.pow(base, -2.0 * k / p));
                assertEquals(expected, g.get(i, j), 1e-9, "(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void toeplitzDeviationDetectsABrokenMatrix() {
        Matrix g = Matrix.of(GramMatrices.gram(SinusoidalEncoding.matrix(16, 10, 10000)));
        double[] broken = g.data().clone();
        broken[3 * 10 + 5] += 0.25;
        assertEquals(0.25, new Matrix(10, 10, broken).toeplitzDeviation(), 1e-9);
    }

    @Test
    void invalidSettingsAreRefusedWithAMessage() {
        assertNull(SinusoidalEncoding.problem(256, 64, 10000));
        assertTrue(SinusoidalEncoding.problem(255, 64, 10000).contains("even"));
        assertTrue(SinusoidalEncoding.problem(256, 0, 10000).contains("N"));
        assertTrue(SinusoidalEncoding.problem(SinusoidalEncoding.MAX_P + 2, 64, 10000).contains("p"));
        assertTrue(SinusoidalEncoding.problem(256, SinusoidalEncoding.MAX_N + 1, 10000).contains("N"));
        assertTrue(SinusoidalEncoding.problem(256, 64, 0).contains("base"));
        assertTrue(SinusoidalEncoding.problem(256, 64, -3).contains("base"));
        assertThrows(IllegalArgumentException.class, () -> SinusoidalEncoding.matrix(7, 4, 10000));
    }

    @Test
    void contentMatchesTheEncodingStatisticsAndIsReproducible() {
        INDArray e = SinusoidalEncoding.matrix(256, 64, 10000);
        INDArray x = GramMatrices.content(e, 1.0, 7, 2);
        assertEquals(x, GramMatrices.content(e, 1.0, 7, 2));
        assertTrue(!x.equals(GramMatrices.content(e, 1.0, 7, 3)), "different draws differ");
        assertEquals(e.meanNumber().doubleValue(), x.meanNumber().doubleValue(), 0.05);
        assertEquals(e.stdNumber(false).doubleValue(), x.stdNumber(false).doubleValue(), 0.05);
        INDArray wide = GramMatrices.content(e, 3.0, 7, 2);
        assertEquals(3 * e.stdNumber(false).doubleValue(), wide.stdNumber(false).doubleValue(), 0.1);
    }

    @Test
    void concatenatedGramHasTheFourBlocks() {
        int p = 32;
        int n = 12;
        INDArray e = SinusoidalEncoding.matrix(p, n, 10000);
        INDArray x = GramMatrices.content(e, 1.0, 3, 0);
        INDArray k = GramMatrices.concatenated(x, e);
        assertArrayEquals(new long[] {p, 2 * n}, k.shape());
        INDArray g = GramMatrices.gram(k);
        assertArrayEquals(new long[] {2 * n, 2 * n}, g.shape());
        INDArray[] blocks = GramMatrices.decomposition(x, e);
        INDArray[][] expected = {{blocks[0], blocks[1]}, {blocks[2], blocks[3]}};
        for (int br = 0; br < 2; br++) {
            for (int bc = 0; bc < 2; bc++) {
                INDArray block = g.get(NDArrayIndex.interval(br * n, (br + 1) * n), NDArrayIndex.interval(bc * n, (bc + 1) * n));
                assertTrue(block.equalsWithEps(expected[br][bc], 1e-9), GramMatrices.BLOCK_LABELS[2 * br + bc]);
            }
        }
        // The blocks are what their names say, checked entry by entry against column dot products.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(x.getColumn(i).mul(e.getColumn(j)).sumNumber().doubleValue(), g.getDouble(i, n + j), 1e-9);
                assertEquals(e.getColumn(i).mul(e.getColumn(j)).sumNumber().doubleValue(), g.getDouble(n + i, n + j), 1e-9);
            }
        }
        assertTrue(g.equalsWithEps(g.transpose(), 1e-9), "a Gram matrix is symmetric");
    }

    @Test
    void addedGramIsTheSumOfItsFourTerms() {
        INDArray e = SinusoidalEncoding.matrix(64, 40, 10000);
        for (int draw = 0; draw < 3; draw++) {
            INDArray x = GramMatrices.content(e, 1.5, 11, draw);
            INDArray added = GramMatrices.gram(GramMatrices.added(x, e));
            INDArray[] terms = GramMatrices.decomposition(x, e);
            INDArray sum = terms[0].add(terms[1]).addi(terms[2]).addi(terms[3]);
            assertTrue(added.equalsWithEps(sum, 1e-9), "draw " + draw);
            // The cross terms are not zero: adding mixes content and position.
            assertTrue(terms[1].norm2Number().doubleValue() > 1, "XᵀE is not negligible");
        }
    }

    @Test
    void attentionRowsAreProbabilities() {
        INDArray e = SinusoidalEncoding.matrix(64, 20, 10000);
        Matrix a = Matrix.of(Attention.weights(e, e));
        for (int i = 0; i < a.rows(); i++) {
            double sum = 0;
            for (double v : a.row(i)) {
                assertTrue(v >= 0);
                sum += v;
            }
            assertEquals(1, sum, 1e-9);
            // With Q = K = E every position attends most to itself: the diagonal p/2 is the row maximum.
            double[] row = a.row(i);
            for (int j = 0; j < row.length; j++) assertTrue(row[i] >= row[j] - 1e-12);
        }
        // Independent check of one entry: softmax of EᵀE/√p.
        Matrix g = Matrix.of(GramMatrices.gram(e));
        double denom = 0;
        for (int j = 0; j < 20; j++) denom += Math.exp(g.get(3, j) / 8);
        assertEquals(Math.exp(g.get(3, 5) / 8) / denom, a.get(3, 5), 1e-12);
    }

    @Test
    void attentionReproducesConv1dAwayFromTheBorders() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = Signals.random(40, seed);
            AttentionAsConvolution.Result r = AttentionAsConvolution.convolution(x);
            // The reference is ND4J's conv1d; check it against the formula too.
            for (int i = 0; i < x.length; i++) {
                double expected = 2 * (i > 0 ? x[i - 1] : 0) + (i < x.length - 1 ? x[i + 1] : 0);
                assertEquals(expected, r.reference()[i], 1e-12, "conv1d at " + i);
            }
            assertTrue(r.maxAbs(1, x.length - 1) < 1e-6, "interior error " + r.maxAbs(1, x.length - 1));
            // At the borders softmax renormalises over the single neighbour: 3·x_1 and 3·x_{n−2}.
            assertEquals(3 * x[1], r.y()[0], 1e-9);
            assertEquals(3 * x[x.length - 2], r.y()[x.length - 1], 1e-9);
            assertTrue(r.maxAbsError() > 0.1, "the borders differ from zero-padded Conv1D");
        }
        AttentionAsConvolution.Result r = AttentionAsConvolution.convolution(new double[] {1, 2, 3, 4});
        assertEquals(2.0 / 3, r.attention().getDouble(2, 1), 1e-12);
        assertEquals(1.0 / 3, r.attention().getDouble(2, 3), 1e-12);
        assertEquals(0, r.attention().getDouble(2, 2), 0);
    }

    @Test
    void maxPoolErrorShrinksAsCGrows() {
        double[] x = Signals.random(64, 5);
        for (int k : new int[] {1, 2, 4}) {
            double[] truth = AttentionAsConvolution.maxPool(x, k, 1).reference();
            for (int i = 0; i < x.length; i++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int j = Math.max(0, i - k); j <= Math.min(x.length - 1, i + k); j++) m = Math.max(m, x[j]);
                assertEquals(m, truth[i], 0, "max pool at " + i);
            }
            double previous = Double.POSITIVE_INFINITY;
            for (double c : new double[] {0, 0.5, 1, 2, 4, 8, 16}) {
                double err = AttentionAsConvolution.maxPool(x, k, c).maxAbsError();
                assertTrue(err <= previous + 1e-12, "k=" + k + " c=" + c + ": " + err + " > " + previous);
                previous = err;
            }
            double atZero = AttentionAsConvolution.maxPool(x, k, 0).maxAbsError();
            assertTrue(atZero > 0.1, "c = 0 is a plain window average, far from the max");
            // How fast it converges depends on the gap between the two largest values in a window.
            assertTrue(previous < 0.01 * atZero, "k=" + k + ": error at c=16 is " + previous + ", at c=0 " + atZero);
        }
    }

    @Test
    void signalsParseAndRefuseBadInput() {
        assertArrayEquals(new double[] {1, 2.5, -3, 4}, Signals.parse(" 1, 2.5  -3;4 "), 0);
        assertNotNull(assertThrows(IllegalArgumentException.class, () -> Signals.parse("1, two")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Signals.parse("1"));
        double[] r = Signals.random(50, 9);
        assertArrayEquals(r, Signals.random(50, 9), 0);
        for (double v : r) assertTrue(v >= Signals.LOW && v <= Signals.HIGH);
    }
}
