package nnlab.gradients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.gradients.GradientChain.Activation;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** DL4J's gradients in the training view, against the hand-written backward pass (itself checked by finite differences). */
class GradientNetTest {
    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    private static INDArray x() {
        return Nd4j.createFromArray(new double[][] {{0.2, -0.4, 0.9, 0.1}, {-0.7, 0.3, 0.5, -0.2}, {0.4, 0.8, -0.6, 0.3}});
    }

    private static INDArray y() {
        return Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {1, 0}});
    }

    /** The reference MLP with the DL4J net's parameters. */
    private static GradientMlp referenceOf(GradientNet net, Activation act, boolean residual) {
        GradientMlp ref = new GradientMlp(4, 3, 3, 2, act, residual, 99, DataType.DOUBLE);
        for (int l = 0; l < net.layers(); l++) {
            ref.weights().get(l).assign(net.graph().getLayer(GradientNet.layer(l)).getParam("W"));
            ref.biases().get(l).assign(net.graph().getLayer(GradientNet.layer(l)).getParam("b"));
        }
        return ref;
    }

    @Test
    void perLayerNormsAreTheHandWrittenBackwardPasssBeforeAndAfterSteps() {
        for (Activation act : List.of(Activation.SIGMOID, Activation.RELU, Activation.TANH)) {
            for (boolean residual : new boolean[] {false, true}) {
                String where = act + " residual " + residual;
                GradientNet net = new GradientNet(4, 3, 3, 2, act, residual, 5, 0.5, DataType.DOUBLE);
                GradientMlp ref = referenceOf(net, act, residual);
                double[] refLoss = new double[1];
                ref.gradients(x(), y(), refLoss);
                assertEquals(refLoss[0], net.computeGradients(x(), y()), 1e-10, where);
                assertArrayEquals(ref.gradNorms(), net.gradNorms(), 1e-10, where);
                // Through fit(): the listener reads the gradient before the SGD updater scales it, and the step is plain SGD.
                for (int step = 0; step < 3; step++) {
                    double loss = net.step(x(), y());
                    double refStepLoss = ref.step(x(), y(), 0.5);
                    assertEquals(refStepLoss, loss, 1e-10, where + " step " + step);
                    assertArrayEquals(ref.gradNorms(), net.gradNorms(), 1e-10, where + " step " + step);
                }
                INDArray p = net.probabilities(x());
                INDArray refP = org.nd4j.linalg.ops.transforms.Transforms.exp(GradientMlp.logSoftmax(ref.logits(x())), false);
                assertTrue(p.equalsWithEps(refP, 1e-10), where);
            }
        }
    }

    @Test
    void aDeepSigmoidNetsBottomLayersGetFarSmallerGradientsThanItsTop() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 32, 20).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 32, 4);
        for (int i = 0; i < 32; i++) y.putScalar(i, i % 4, 1);
        GradientNet sigmoid = new GradientNet(20, 16, 8, 4, Activation.SIGMOID, false, 3, 0.1, DataType.DOUBLE);
        sigmoid.computeGradients(x, y);
        double[] s = sigmoid.gradNorms();
        // Each sigmoid layer passes back at most ¼ of its gradient (σ_max(W) ≈ 1 here): 8 layers ≈ 4⁻⁷.
        assertTrue(s[0] < 1e-3 * s[8], "first " + s[0] + ", output " + s[8]);
        for (int l = 0; l < 7; l++) assertTrue(s[l] < s[l + 1], "layer " + l + ": " + s[l] + " vs " + s[l + 1]);
        GradientNet relu = new GradientNet(20, 16, 8, 4, Activation.RELU, false, 3, 0.1, DataType.DOUBLE);
        relu.computeGradients(x, y);
        double[] r = relu.gradNorms();
        assertTrue(r[0] > 0.05 * r[8], "relu first " + r[0] + ", output " + r[8]);
        GradientNet shortcut = new GradientNet(20, 16, 8, 4, Activation.SIGMOID, true, 3, 0.1, DataType.DOUBLE);
        shortcut.computeGradients(x, y);
        double[] sc = shortcut.gradNorms();
        assertTrue(sc[0] > 100 * s[0], "residual sigmoid first " + sc[0] + " vs plain " + s[0]);
    }
}
