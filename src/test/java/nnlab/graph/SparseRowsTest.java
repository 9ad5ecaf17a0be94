package nnlab.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SparseRowsTest {
    /** The graph of GraphMathTest: a triangle with a tail, a duplicate edge listed both ways, node 5 isolated. */
    static final int[][] EDGES = GraphMathTest.EDGES;
    static final int N = GraphMathTest.N;

    @Test
    void sparseAHatHoldsExactlyTheDenseEntries() {
        NativeSetup.initNow();
        INDArray dense = GraphMath.normalizedAdjacency(N, EDGES, DataType.DOUBLE);
        SparseRows a = SparseRows.normalizedAdjacency(N, EDGES);
        double[] fromSparse = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int k = a.rowStart()[i]; k < a.rowStart()[i + 1]; k++) fromSparse[i * N + a.columns()[k]] = a.values()[k];
        }
        assertArrayEquals(dense.data().asDouble(), fromSparse, 1e-15);
        assertEquals(6 + 2 * 5, a.nonZeros(), "6 self-loops and 5 distinct edges, both ways");
        assertEquals(4, a.degree(2), "d̃ of node 2: three neighbours and itself");
    }

    @Test
    void productsMatchDenseAlgebra() {
        NativeSetup.initNow();
        Random rnd = new Random(2);
        float[] x = new float[5 * 4];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextDouble() < 0.4 ? (float) rnd.nextGaussian() : 0;
        SparseRows s = SparseRows.ofDense(x, 5, 4);
        double[] b = new double[4 * 3];
        double[] g = new double[5 * 3];
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextGaussian();
        for (int i = 0; i < g.length; i++) g[i] = rnd.nextGaussian();
        INDArray xd = Nd4j.create(x, new long[] {5, 4}, 'c').castTo(DataType.DOUBLE);
        assertArrayEquals(xd.mmul(Nd4j.create(b, new long[] {4, 3}, 'c')).data().asDouble(), s.times(b, 3), 1e-12);
        assertArrayEquals(xd.transpose().mmul(Nd4j.create(g, new long[] {5, 3}, 'c')).dup('c').data().asDouble(), s.transposeTimes(g, 3),
                1e-12);
    }

    @Test
    void rowNormalisationMakesEveryNonEmptyRowSumToOne() {
        float[] x = {1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0};
        SparseRows s = SparseRows.ofDense(x, 3, 4).rowNormalised();
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0, 1.0}, s.values(), 1e-15);
        assertEquals(0, s.degree(1), "an empty row stays empty");
    }
}
