package nnlab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GraphMathTest {
    /** A triangle 0-1-2 with a tail 2-3-4, one duplicate edge (listed both ways) and node 5 isolated. */
    static final int[][] EDGES = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}};
    static final int N = 6;

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    /** d̃ = neighbours + 1 (the self-loop), counted independently of the code under test. */
    static double[] tildeDegrees() {
        boolean[][] adj = new boolean[N][N];
        for (int[] e : EDGES) {
            adj[e[0]][e[1]] = true;
            adj[e[1]][e[0]] = true;
        }
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            d[i] = 1;
            for (int j = 0; j < N; j++) if (adj[i][j]) d[i]++;
        }
        return d;
    }

    @Test
    void normalizedAdjacencyIsSymmetricAndFixesTheSquareRootDegreeVector() {
        INDArray a = GraphMath.normalizedAdjacency(N, EDGES, DataType.DOUBLE);
        assertEquals(0, a.sub(a.transpose()).amaxNumber().doubleValue(), 1e-15, "symmetric");
        double[] d = tildeDegrees();
        // Â D̃^{1/2} 1 = D̃^{-1/2}(A + I) 1 = D̃^{-1/2} d̃ = D̃^{1/2} 1: the eigenvector of eigenvalue 1.
        INDArray sqrtD = Nd4j.createFromArray(d).reshape(N, 1);
        sqrtD = org.nd4j.linalg.ops.transforms.Transforms.sqrt(sqrtD, true);
        INDArray image = a.mmul(sqrtD);
        for (int i = 0; i < N; i++) assertEquals(Math.sqrt(d[i]), image.getDouble(i, 0), 1e-12, "row " + i);
        assertEquals(1.0 / 3, a.getDouble(0, 0), 1e-15, "self-loop of a degree-2 node: 1/d̃ = 1/3");
        assertEquals(1 / Math.sqrt(3 * 4), a.getDouble(1, 2), 1e-15, "edge between d̃ = 3 and d̃ = 4");
        assertEquals(1.0, a.getDouble(5, 5), 1e-15, "an isolated node only sees itself");
        assertEquals(0.0, a.getDouble(0, 4), 0, "no edge, no entry");
    }

    @Test
    void dirichletEnergyMatchesTheEdgeSumAndVanishesOnTheStationarySignal() {
        INDArray a = GraphMath.normalizedAdjacency(N, EDGES, DataType.DOUBLE);
        double[] d = tildeDegrees();
        Random rnd = new Random(3);
        double[][] h = new double[N][3];
        for (double[] row : h) for (int k = 0; k < 3; k++) row[k] = rnd.nextGaussian();
        // trace(Hᵀ(I − Â)H) = ½ Σ_ij (A+I)_ij ‖h_i/√d̃_i − h_j/√d̃_j‖².
        double expected = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double aij = a.getDouble(i, j) * Math.sqrt(d[i] * d[j]);
                for (int k = 0; k < 3; k++) {
                    double diff = h[i][k] / Math.sqrt(d[i]) - h[j][k] / Math.sqrt(d[j]);
                    expected += 0.5 * aij * diff * diff;
                }
            }
        }
        assertEquals(expected / N, GraphMath.dirichletEnergy(Nd4j.createFromArray(h), a), 1e-12);

        double[][] smooth = new double[N][2];
        for (int i = 0; i < N; i++) {
            smooth[i][0] = Math.sqrt(d[i]);
            smooth[i][1] = -2 * Math.sqrt(d[i]);
        }
        assertEquals(0, GraphMath.dirichletEnergy(Nd4j.createFromArray(smooth), a), 1e-12);
    }

    @Test
    void featureStdIsTheMeanOfPopulationColumnStds() {
        // Column 0: values 1, 3 (std 1); column 1: constant (std 0); column 2: 0, 4 (std 2).
        INDArray h = Nd4j.createFromArray(new double[][] {{1, 5, 0}, {3, 5, 4}});
        assertEquals(1.0, GraphMath.featureStd(h), 1e-12);
        assertEquals(0.0, GraphMath.featureStd(Nd4j.ones(DataType.FLOAT, 7, 4)), 1e-12);
    }

    @Test
    void pcaKeepsTheDirectionOfLargestSpread() {
        Random rnd = new Random(5);
        double[][] h = new double[200][3];
        for (double[] row : h) {
            double t = 10 * rnd.nextGaussian();
            row[0] = t + 0.1 * rnd.nextGaussian();
            row[1] = -t + 0.1 * rnd.nextGaussian();
            row[2] = 0.1 * rnd.nextGaussian();
        }
        double[][] p = GraphMath.pca2(Nd4j.createFromArray(h)).toDoubleMatrix();
        double var0 = 0, var1 = 0;
        for (double[] row : p) {
            var0 += row[0] * row[0];
            var1 += row[1] * row[1];
        }
        assertTrue(var0 > 1000 * var1, "first component carries the spread: " + var0 + " vs " + var1);
        assertEquals(2 * 100 * 200, var0, 0.2 * 2 * 100 * 200, "variance of t·(1, −1) is 2·100 per node");
    }
}
