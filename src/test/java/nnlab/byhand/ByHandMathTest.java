package nnlab.byhand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The three hand computations against numbers worked out by hand (in the comments) and against brute force. */
class ByHandMathTest {
    private static final SmallGraph ASSIGNMENT_GRAPH = NumberText.edges("1-2, 2-3, 2-4, 3-4", 12);
    private static final double[][] H0 = {{1, 1}, {0, 1}, {1, 0}, {-1, 0}};
    private static final double[][] W = {{1, 2}, {0, 1}};
    private static final double[] Q = {1, 1};

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    @Test
    void theAssignmentsConvolutionGivesFive() {
        // Windows of x = (3, 0, −1, 1, −2) under w = (−1, 2, −1):
        // (3, 0, −1) → −3 + 0 + 1 = −2;  (0, −1, 1) → 0 − 2 − 1 = −3;  (−1, 1, −2) → 1 + 2 + 2 = 5.
        // ReLU → 0, 0, 5; sum 5.
        ConvByHand.Result r = ConvByHand.compute(new double[] {3, 0, -1, 1, -2}, new double[] {-1, 2, -1}, 0, 0, 1, true);
        assertEquals(3, r.windows().size());
        assertArrayEquals(new double[] {-3, 0, 1}, r.windows().get(0).products(), 0);
        assertEquals(List.of(-2.0, -3.0, 5.0), r.windows().stream().map(ConvByHand.Window::preActivation).toList());
        assertEquals(List.of(0.0, 0.0, 5.0), r.windows().stream().map(ConvByHand.Window::output).toList());
        assertEquals(5, r.total(), 0);
        assertEquals(0, r.opMaxDiff(), 1e-12, "the windows agree with ND4J's conv1d op");
    }

    @Test
    void paddingStrideAndBiasAgreeWithAPlainLoopAndTheOp() {
        double[] x = {1.5, -2, 0.25, 4, -1, 3, 2};
        double[] k = {0.5, -1, 2, 1}; // not symmetric: the kernel must not be flipped
        double b = -0.75;
        int pad = 2, stride = 2;
        ConvByHand.Result r = ConvByHand.compute(x, k, b, pad, stride, false);
        double[] padded = new double[x.length + 2 * pad];
        System.arraycopy(x, 0, padded, pad, x.length);
        int outputs = (padded.length - k.length) / stride + 1;
        assertEquals(outputs, r.windows().size());
        double total = 0;
        for (int i = 0; i < outputs; i++) {
            double s = b;
            for (int j = 0; j < k.length; j++) s += padded[i * stride + j] * k[j];
            assertEquals(s, r.windows().get(i).preActivation(), 1e-12, "window " + i);
            assertEquals(s, r.windows().get(i).output(), 1e-12, "no activation");
            total += s;
        }
        assertEquals(total, r.total(), 1e-12);
        assertTrue(r.opMaxDiff() < 1e-12, "conv1d op: " + r.opMaxDiff());
    }

    @Test
    void theGraphNetworksValuesAreTheHandComputedOnes() {
        // W h_u: (3, 1), (2, 1), (1, 0), (−1, 0). With v itself, N̄(1) = {1,2}, N̄(2) = {1,2,3,4}, N̄(3) = N̄(4) = {2,3,4}:
        // z_1 = (3,1)+(2,1) = (5,2); z_2 = (3,1)+(2,1)+(1,0)+(−1,0) = (5,2); z_3 = z_4 = (2,1)+(1,0)+(−1,0) = (2,1).
        // All positive, so h⁽¹⁾ = z; Σ_v h⁽¹⁾ = (14, 6); s = 20; y = σ(20); L = −log(1 − σ(20)) = log(1 + e²⁰).
        // Backward: ∂L/∂s = y − 0 = σ(20); ∂L/∂q = σ(20)·(14, 6); ∂L/∂z_v = σ(20)·(1, 1) for every v.
        // ∂L/∂W = Σ_v ∂L/∂z_v (Σ_{u∈N̄(v)} h_u)ᵀ = σ(20)·(1,1)ᵀ·Σ_u |N̄(u)| h_u, with |N̄(u)| = 2, 4, 3, 3:
        // 2(1,1) + 4(0,1) + 3(1,0) + 3(−1,0) = (2, 6), so ∂L/∂W = σ(20)·[[2, 6], [2, 6]].
        // ∂L/∂h_u = |N̄(u)|·Wᵀ(1,1)·σ(20) = |N̄(u)|·(1, 3)·σ(20): (2,6), (4,12), (3,9), (3,9) times σ(20).
        GraphNetByHand.Result r = GraphNetByHand.compute(new GraphNetByHand.Inputs(ASSIGNMENT_GRAPH, H0, W, Q, 0, true));
        assertArrayEquals(new double[][] {{3, 1}, {2, 1}, {1, 0}, {-1, 0}}, r.wh());
        assertArrayEquals(new double[][] {{5, 2}, {5, 2}, {2, 1}, {2, 1}}, r.z());
        assertArrayEquals(new double[] {14, 6}, r.sum(), 1e-12);
        assertEquals(20, r.s(), 1e-12);
        double y = sigmoid(20);
        assertEquals(y, r.y(), 1e-15);
        assertEquals(Math.log1p(Math.exp(20)), r.loss(), 1e-12);
        assertEquals(y, r.dS(), 1e-12);
        assertArrayEquals(new double[] {14 * y, 6 * y}, r.dQ(), 1e-12);
        assertArrayEquals(new double[] {2 * y, 6 * y}, r.dW()[0], 1e-12);
        assertArrayEquals(new double[] {2 * y, 6 * y}, r.dW()[1], 1e-12);
        int[] counts = {2, 4, 3, 3};
        for (int u = 0; u < 4; u++) assertArrayEquals(new double[] {counts[u] * y, 3 * counts[u] * y}, r.dH0()[u], 1e-12, "h_" + (u + 1));
        assertFalse(r.reluAtZero());
    }

    @Test
    void withoutSelfLoopsOnlyTheNeighboursAreSummed() {
        // z_1 = W h_2 = (2,1); z_2 = W(h_1+h_3+h_4) = (3,1); z_3 = W(h_2+h_4) = (1,1); z_4 = W(h_2+h_3) = (3,1).
        // Σ = (9, 4), s = 13. With t = 1: L = log(1 + e^−13), ∂L/∂s = σ(13) − 1.
        GraphNetByHand.Result r = GraphNetByHand.compute(new GraphNetByHand.Inputs(ASSIGNMENT_GRAPH, H0, W, Q, 1, false));
        assertArrayEquals(new double[][] {{2, 1}, {3, 1}, {1, 1}, {3, 1}}, r.z());
        assertEquals(13, r.s(), 1e-12);
        assertEquals(Math.log1p(Math.exp(-13)), r.loss(), 1e-15);
        assertEquals(sigmoid(13) - 1, r.dS(), 1e-12);
    }

    @Test
    void everyAutodiffGradientMatchesFiniteDifferences() {
        Random rng = new Random(19);
        for (int trial = 0; trial < 4; trial++) {
            boolean self = trial % 2 == 0;
            double t = trial < 2 ? 0 : 0.3;
            double[][] h0 = trial == 0 ? H0 : randomMatrix(rng, 4, 3);
            double[][] w = trial == 0 ? W : randomMatrix(rng, 2, h0[0].length);
            double[] q = trial == 0 ? Q : randomMatrix(rng, 1, 2)[0];
            GraphNetByHand.Result r = GraphNetByHand.compute(new GraphNetByHand.Inputs(ASSIGNMENT_GRAPH, h0, w, q, t, self));
            assertFalse(r.reluAtZero(), "no ReLU kink to confuse the finite differences");
            // A central difference with step 1e-6 in double is good to about 1e-8 at these magnitudes.
            assertTrue(r.maxGradientDifference() < 1e-6, "trial " + trial + ": " + r.maxGradientDifference());
            // And the finite differences are not trivially zero: the check can fail.
            double size = 0;
            for (double[] row : r.fdW()) for (double v : row) size += Math.abs(v);
            for (double v : r.fdQ()) size += Math.abs(v);
            assertTrue(size > 1e-2, "trial " + trial + ": some unit is active, so the gradients are not all 0");
            assertEquals(GraphNetByHand.loss(ASSIGNMENT_GRAPH, self, h0, w, q, t), r.loss(), 1e-12, "SameDiff's loss = the plain one");
        }
    }

    @Test
    void theLossStaysFiniteForLargeScores() {
        // ND4J's softplus gives ∞ at s = 1000; the stable form gives s itself, and gradient σ(s) − t = 1.
        GraphNetByHand.Result r = GraphNetByHand.compute(new GraphNetByHand.Inputs(ASSIGNMENT_GRAPH, H0, W, new double[] {50, 0}, 0, true));
        assertEquals(14 * 50, r.s(), 1e-9);
        assertEquals(700, r.loss(), 1e-9);
        assertEquals(1, r.dS(), 1e-12);
    }

    private static double[][] randomMatrix(Random rng, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) for (int j = 0; j < cols; j++) row[j] = Math.round((rng.nextDouble() * 3 - 0.8) * 100) / 100.0 + 0.005;
        return m;
    }
}
