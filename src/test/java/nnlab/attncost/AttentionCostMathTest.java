package nnlab.attncost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The four forms against each other and against plain loops, in double precision at small sizes. */
class AttentionCostMathTest {
    private static final int N = 23;
    private static final int D = 6;

    @BeforeAll
    static void init() {
        NativeSetup.initNow();
    }

    private static INDArray random(int rows, int cols, long seed, double scale) {
        return Nd4j.randn(0, scale, Nd4j.create(DataType.DOUBLE, rows, cols), Nd4j.getRandomFactory().getNewRandomInstance(seed));
    }

    private static double maxAbs(INDArray a, INDArray b) {
        return Transforms.abs(a.sub(b)).maxNumber().doubleValue();
    }

    /** softmax(QKᵀ/√d)V written out with loops, the reference the ND4J forms are held to. */
    private static double[][] softmaxByLoops(double[][] q, double[][] k, double[][] v) {
        int n = q.length, m = k.length, d = q[0].length;
        double[][] out = new double[n][v[0].length];
        for (int i = 0; i < n; i++) {
            double[] s = new double[m];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < d; c++) s[j] += q[i][c] * k[j][c] / Math.sqrt(d);
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < m; j++) sum += s[j] = Math.exp(s[j] - max);
            for (int j = 0; j < m; j++) for (int c = 0; c < v[0].length; c++) out[i][c] += s[j] / sum * v[j][c];
        }
        return out;
    }

    @Test
    void softmaxAttentionMatchesLoops() {
        INDArray q = random(N, D, 1, 2), k = random(N, D, 2, 2), v = random(N, D, 3, 1);
        INDArray reference = Nd4j.create(softmaxByLoops(q.toDoubleMatrix(), k.toDoubleMatrix(), v.toDoubleMatrix()));
        assertEquals(0, maxAbs(AttentionMethods.softmax(q, k, v), reference), 1e-12);
        INDArray p = AttentionMethods.softmaxWeights(q, k);
        assertEquals(0, maxAbs(p.sum(1), Nd4j.ones(DataType.DOUBLE, N)), 1e-12, "rows of P sum to 1");
    }

    @Test
    void linearAttentionEqualsItsQuadraticForm() {
        INDArray q = random(N, D, 4, 1), k = random(N, D, 5, 1), v = random(N, D, 6, 1);
        INDArray fast = AttentionMethods.linear(q, k, v);
        assertEquals(0, maxAbs(fast, AttentionMethods.linearQuadratic(q, k, v)), 1e-5);
        // The quadratic form by loops: φ(x) = x + 1 for x > 0, eˣ otherwise.
        double[][] pq = AttentionMethods.featureMap(q).toDoubleMatrix(), pk = AttentionMethods.featureMap(k).toDoubleMatrix();
        assertEquals(Math.exp(-0.5), AttentionMethods.featureMap(Nd4j.create(new double[][] {{-0.5, 2}})).getDouble(0, 0), 1e-12);
        assertEquals(3, AttentionMethods.featureMap(Nd4j.create(new double[][] {{-0.5, 2}})).getDouble(0, 1), 1e-12);
        double[][] vv = v.toDoubleMatrix();
        for (int i = 0; i < N; i++) {
            double[] a = new double[N];
            double sum = 0;
            for (int j = 0; j < N; j++) {
                for (int c = 0; c < D; c++) a[j] += pq[i][c] * pk[j][c];
                sum += a[j];
            }
            for (int c = 0; c < D; c++) {
                double o = 0;
                for (int j = 0; j < N; j++) o += a[j] / sum * vv[j][c];
                assertEquals(o, fast.getDouble(i, c), 1e-5, "row " + i + " column " + c);
            }
        }
    }

    @Test
    void fullRankFormsEqualSoftmaxAttention() {
        INDArray q = random(N, D, 7, 1.5), k = random(N, D, 8, 1.5), v = random(N, D, 9, 1);
        INDArray exact = AttentionMethods.softmax(q, k, v);
        AttentionMethods.Svd svd = AttentionMethods.Svd.of(AttentionMethods.softmaxWeights(q, k));
        assertEquals(0, maxAbs(AttentionMethods.lowRankOfWeights(svd, N, v), exact), 1e-10, "rank-n SVD form");
        assertEquals(0, maxAbs(AttentionMethods.lowRankMatrix(svd, N), AttentionMethods.softmaxWeights(q, k)), 1e-10);
        INDArray identity = Nd4j.eye(N).castTo(DataType.DOUBLE);
        assertEquals(0, maxAbs(AttentionMethods.projected(q, k, v, identity, identity), exact), 1e-12, "k = n rows projected by the identity");
        // The whole error curve by rank-one updates agrees with each rank computed on its own.
        INDArray p = AttentionMethods.softmaxWeights(q, k);
        double norm = exact.norm2Number().doubleValue();
        double[] curve = SmallStudy.svdErrorsByRank(svd, v, exact, norm);
        for (int r = 1; r <= N; r += 4) {
            assertEquals(AttentionMethods.lowRankOfWeights(svd, r, v).sub(exact).norm2Number().doubleValue() / norm, curve[r - 1], 1e-10, "rank " + r);
        }
        assertEquals(0, curve[N - 1], 1e-10);
        assertEquals(0, maxAbs(p.mmul(v), exact), 1e-12);
        // Any lower rank loses something, and the SVD's error falls as the rank grows (Eckart–Young).
        double previous = Double.POSITIVE_INFINITY;
        for (int r = 1; r < N; r += 5) {
            double err = AttentionMethods.lowRankMatrix(svd, r).sub(AttentionMethods.softmaxWeights(q, k)).norm2Number().doubleValue();
            assertTrue(err > 1e-8 && err < previous, "rank " + r + " error " + err);
            previous = err;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 5, 7, 23, 40})
    void tiledAttentionEqualsSoftmaxAttention(int block) {
        // 23 is prime: only 1 and 23 divide it; 40 is more than n (one tile).
        INDArray q = random(N, D, 10, 3), k = random(N, D, 11, 3), v = random(N, D, 12, 1);
        assertEquals(0, maxAbs(AttentionMethods.tiled(q, k, v, block), AttentionMethods.softmax(q, k, v)), 1e-5);
        assertEquals(0, maxAbs(AttentionMethods.tiled(q, k, v, block), AttentionMethods.softmax(q, k, v)), 1e-12, "in double, exact");
    }

    @Test
    void tiledAttentionIsStableWhereNaiveExponentialsOverflow() {
        // Scores near 1000: exp overflows unless the running maximum is subtracted.
        INDArray q = random(8, 4, 13, 1).addi(40), k = random(8, 4, 14, 1).addi(25), v = random(8, 4, 15, 1);
        INDArray tiled = AttentionMethods.tiled(q, k, v, 3);
        assertTrue(java.util.Arrays.stream(tiled.ravel().toDoubleVector()).allMatch(Double::isFinite), "finite output");
        assertTrue(Double.isInfinite(Math.exp(q.mmul(k.transpose()).maxNumber().doubleValue() / 2)), "the scores do overflow exp");
        assertEquals(0, maxAbs(tiled, AttentionMethods.softmax(q, k, v)), 1e-9);
    }

    @Test
    void floatInputsGiveFloatOutputsCloseToDouble() {
        INDArray q = random(64, 16, 16, 1), k = random(64, 16, 17, 1), v = random(64, 16, 18, 1);
        INDArray exact = AttentionMethods.softmax(q, k, v);
        INDArray tiledFloat = AttentionMethods.tiled(q.castTo(DataType.FLOAT), k.castTo(DataType.FLOAT), v.castTo(DataType.FLOAT), 10);
        assertEquals(DataType.FLOAT, tiledFloat.dataType());
        assertEquals(0, maxAbs(tiledFloat.castTo(DataType.DOUBLE), exact), 1e-5);
    }
}
