package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.train.MultiLayerTrainable;
import nnlab.kernel.train.Scores;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Issue #22 item 3: the validation loss as PyTorch's cross-entropy computes it. The reference
 * values were printed with Debian's python3-torch 1.13.1: F.cross_entropy(torch.tensor([[3 + gap, 3.]]), label).
 */
class LogitScoresTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void oneSampleMatchesPyTorchsFloat32CrossEntropy() {
        assertEquals(4.541770613286644e-05, LogitScores.crossEntropy(new float[] {13f, 3f}, 0), 1e-12);
        assertEquals(1.1920928244535389e-07, LogitScores.crossEntropy(new float[] {19f, 3f}, 0), 1e-15);
        assertEquals(0.0, LogitScores.crossEntropy(new float[] {20f, 3f}, 0), 0.0, "PyTorch too gives exactly 0 past a gap of ~17");
        assertEquals(10.000045776367188, LogitScores.crossEntropy(new float[] {13f, 3f}, 1), 1e-6);
        assertEquals(100.0, LogitScores.crossEntropy(new float[] {103f, 3f}, 1), 1e-4, "a confident mistake costs its whole logit gap");
    }

    /** A 2 → 2 softmax classifier whose logits for input (1, 0) are (a, b): W = [[a, b], [0, 0]], no bias. */
    private static MultiLayerNetwork withLogits(float a, float b) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2).hasBias(false)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        net.getLayer(0).setParam("W", Nd4j.createFromArray(new float[][] {{a, b}, {0f, 0f}}));
        return net;
    }

    @Test
    void aConfidentMistakeIsNoLongerCappedByTheSoftmaxUnderflow() {
        INDArray x = Nd4j.createFromArray(new float[][] {{1f, 0f}});
        INDArray wrong = Nd4j.createFromArray(new float[][] {{0f, 1f}});
        MultiLayerNetwork net = withLogits(203f, 3f);
        assertEquals(0.0, net.output(x).getDouble(0, 1), 0.0, "float32 softmax underflows to exactly 0 for the wrong class");
        Scores fromSoftmax = MultiLayerTrainable.evaluate(net, x, wrong, 10);
        Scores fromLogits = new LogitScores(net).evaluate(x, wrong, 10);
        assertEquals(69.08, fromSoftmax.loss(), 0.01, "the log of the softmax output is clamped at -log(1e-30)");
        assertEquals(200.0, fromLogits.loss(), 1e-4, "the log-softmax of the logits gives the gap, as PyTorch");
        assertEquals(0.0, fromLogits.accuracy());
    }

    @Test
    void onAPaddingNetTheLogitsAreWhatTheSoftmaxOutputIsMadeOfAndFollowTraining() {
        Config c = PaddingSettings.schema().fromText(Map.of("train-size", "40", "val-size", "40", "test-size", "40"));
        PaddingExperiment.Data data = PaddingExperiment.data(c);
        INDArray x = data.validation().features();
        INDArray labels = data.validation().labels();
        for (String net : PaddingSettings.NETS) {
            MultiLayerNetwork model = PaddingNets.build(PaddingExperiment.architecture(c, net, PaddingMode.REPLICATE), 1, DataType.FLOAT);
            LogitScores scores = new LogitScores(model);
            for (int step = 0; step < 2; step++) {
                INDArray softmax = Transforms.softmax(scores.logits(x), true);
                assertTrue(softmax.equalsWithEps(model.output(x, false), 1e-6), net + " step " + step + ": softmax(logits) is the output");
                Scores old = MultiLayerTrainable.evaluate(model, x, labels, 16);
                Scores now = scores.evaluate(x, labels, 16);
                assertEquals(old.loss(), now.loss(), 1e-5, net + ": away from the extremes both give the same loss");
                assertEquals(old.accuracy(), now.accuracy(), 0.0, net);
                // The logits share the network's parameters: after a training step they are the new weights' logits.
                model.fit(data.train().features(), data.train().labels());
            }
        }
    }
}
