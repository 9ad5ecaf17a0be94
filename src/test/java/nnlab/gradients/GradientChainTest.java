package nnlab.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.gradients.GradientChain.Activation;
import nnlab.gradients.GradientChain.Weights;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientChainTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void svdOfAKnownMatrix() {
        // [[3, 0], [4, 5]] has singular values √45 and √5 (AᵀA = [[25, 20], [20, 25]]).
        INDArray a = Nd4j.createFromArray(new double[][] {{3, 0}, {4, 5}});
        assertEquals(Math.sqrt(45), GradientChain.sigmaMax(a), 1e-12);
        INDArray[] usv = GradientChain.svd(a);
        assertEquals(Math.sqrt(5), usv[0].getDouble(1), 1e-12);
        INDArray back = usv[1].mulRowVector(usv[0]).mmul(usv[2].transpose());
        assertEquals(0, back.sub(a).amaxNumber().doubleValue(), 1e-12, "U diag(s) Vᵀ gives A back");
    }

    @Test
    void orthogonalWeightsAreOrthogonalAndScaled() {
        INDArray w = GradientChain.weights(new Weights(true, false, 0.7, 12, 3));
        INDArray wtw = w.transpose().mmul(w);
        assertEquals(0, wtw.sub(Nd4j.eye(12).castTo(DataType.DOUBLE).muli(0.49)).amaxNumber().doubleValue(), 1e-12);
        INDArray fixed = GradientChain.weights(new Weights(false, true, 2.5, 12, 3));
        assertEquals(2.5, GradientChain.sigmaMax(fixed), 1e-12);
    }

    @Test
    void sameSeedSameChain() {
        Weights w = new Weights(false, false, 1.2, 8, 5);
        assertEquals(0, GradientChain.weights(w).sub(GradientChain.weights(w)).amaxNumber().doubleValue());
        double[][] a = GradientChain.measure(w, Activation.TANH, 6, 3).logSigma();
        double[][] b = GradientChain.measure(w, Activation.TANH, 6, 3).logSigma();
        for (int i = 0; i < a.length; i++) org.junit.jupiter.api.Assertions.assertArrayEquals(a[i], b[i]);
    }

    @Test
    void measuredNeverExceedsTheBound() {
        for (Activation act : Activation.values()) {
            for (long seed = 0; seed < 2; seed++) {
                for (boolean orthogonal : new boolean[] {true, false}) {
                    GradientChain.Result r = GradientChain.measure(new Weights(orthogonal, seed % 2 == 0, 0.5 + 1.5 * seed, 8, seed), act, 12, 3);
                    assertTrue(r.worstLogMargin() <= 1e-9, act + " seed " + seed + ": measured above the bound by 10^" + r.worstLogMargin());
                }
            }
        }
        // Sigmoid with σ_max(W) = 4: the bound is 1 at every depth, and the measurement is far below it.
        GradientChain.Result sig = GradientChain.measure(new Weights(true, true, 4, 8, 9), Activation.SIGMOID, 20, 3);
        assertEquals(0, sig.logBound()[19], 1e-12);
        assertTrue(sig.quantile(1)[19] < -1, "sigmoid's derivative is 1/4 only at 0; got 10^" + sig.quantile(1)[19]);
    }

    @Test
    void linearOrthogonalChainMeetsTheBoundExactly() {
        // J = W^{n−1} with W = g Q: σ_max(J) = g^{n−1} = σ_max(W)^{n−1}, the bound itself.
        GradientChain.Result r = GradientChain.measure(new Weights(true, false, 1.3, 9, 2), Activation.LINEAR, 20, 2);
        for (int n = 0; n < 20; n++) {
            assertEquals(n * Math.log10(1.3), r.logSigma()[0][n], 1e-9);
            assertEquals(r.logBound()[n], r.logSigma()[1][n], 1e-9);
            assertEquals(r.logLinear()[n], r.logSigma()[0][n], 1e-9);
        }
        // A Gaussian W is not normal: σ_max(W^{n−1}) falls below σ_max(W)^{n−1}.
        GradientChain.Result g = GradientChain.measure(new Weights(false, true, 1, 9, 2), Activation.LINEAR, 20, 1);
        assertTrue(g.logLinear()[19] < g.logBound()[19] - 0.5);
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        for (Activation act : Activation.values()) {
            INDArray w = GradientChain.weights(new Weights(false, false, 1.5, 5, 11));
            INDArray x = Nd4j.createFromArray(0.3, -0.8, 1.1, 0.2, -0.5).reshape(5, 1);
            INDArray j = GradientChain.jacobian(w, act, x, 4);
            double h = 1e-6;
            for (int c = 0; c < 5; c++) {
                INDArray plus = x.dup(), minus = x.dup();
                plus.putScalar(c, 0, x.getDouble(c) + h);
                minus.putScalar(c, 0, x.getDouble(c) - h);
                INDArray fd = GradientChain.forward(w, act, plus, 4).sub(GradientChain.forward(w, act, minus, 4)).divi(2 * h);
                assertEquals(0, fd.sub(j.getColumn(c).reshape(5, 1)).amaxNumber().doubleValue(), 1e-7, act + " column " + c);
            }
            // The batched, rescaled running product gives the σ_max of the product multiplied out.
            INDArray two = Nd4j.hstack(x, x.mul(-0.7));
            GradientChain.Result r = GradientChain.measure(w, two, act, 4);
            for (int i = 0; i < 2; i++) {
                double direct = GradientChain.sigmaMax(GradientChain.jacobian(w, act, two.getColumn(i).reshape(5, 1), 4));
                assertEquals(Math.log10(direct), r.logSigma()[i][3], 1e-9, act + " input " + i);
            }
        }
    }
}
