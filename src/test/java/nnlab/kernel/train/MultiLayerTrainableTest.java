package nnlab.kernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nnlab.kernel.NativeSetup;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The DL4J adapter on a two-feature softmax classifier small enough to reason about. */
class MultiLayerTrainableTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    private static MultiLayerNetwork net(double l2) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.5)).l2(l2).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    /** Ten points: class 1 where x0 > x1. */
    private static INDArray[] data() {
        double[][] x = new double[10][];
        double[][] y = new double[10][];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {i % 3, i % 4};
            boolean one = x[i][0] > x[i][1];
            y[i] = new double[] {one ? 0 : 1, one ? 1 : 0};
        }
        return new INDArray[] {Nd4j.createFromArray(x), Nd4j.createFromArray(y)};
    }

    @Test
    void batchesCoverTheSamplesInOrderWithAShortLastBatch() {
        INDArray[] d = data();
        List<String> asked = new ArrayList<>();
        MultiLayerTrainable.Samples inOrder = MultiLayerTrainable.inOrder(d[0], d[1]);
        MultiLayerTrainable.Samples watched = new MultiLayerTrainable.Samples() {
            @Override public int size() { return inOrder.size(); }

            @Override
            public MultiLayerTrainable.Batch batch(int from, int to) {
                asked.add(from + "-" + to);
                return inOrder.batch(from, to);
            }
        };
        MultiLayerTrainable model = new MultiLayerTrainable(net(0), watched, null, 4);
        TrainingOutcome<Scores> out = TrainingLoop.run(model, TrainingOptions.epochs(2).withoutValidation(), e -> { });
        assertEquals(2, out.epochsRun());
        assertEquals(List.of("0-4", "4-8", "8-10", "0-4", "4-8", "8-10"), asked);
        assertEquals(List.of(4, 4, 2), List.of(model.samples(0), model.samples(1), model.samples(2)));
        assertEquals(d[0].getRow(8), inOrder.batch(8, 10).features().getRow(0));
    }

    @Test
    void withoutRegularisationTheBatchLossIsTheNetworksScore() {
        INDArray[] d = data();
        MultiLayerNetwork net = net(0);
        double loss = new MultiLayerTrainable(net, MultiLayerTrainable.inOrder(d[0], d[1]), null, 10).fitBatch(0);
        assertEquals(net.score(), loss, 0.0);
        assertTrue(loss > 0);
    }

    @Test
    void keepingTheBestWeightsPutsTheBestEpochsParametersBack() {
        INDArray[] d = data();
        MultiLayerNetwork net = net(0);
        List<INDArray> params = new ArrayList<>();
        // Validating on the opposite labels: the better the net learns, the worse it validates.
        INDArray flipped = Nd4j.ones(DataType.DOUBLE, 10, 2).subi(d[1]);
        MultiLayerTrainable model = new MultiLayerTrainable(net, MultiLayerTrainable.inOrder(d[0], d[1]),
                new MultiLayerTrainable.Batch(d[0], flipped), 3);
        TrainingOutcome<Scores> out = TrainingLoop.run(model, TrainingOptions.epochs(6).keepBestWeights(),
                e -> params.add(net.params().dup()));
        assertTrue(out.bestEpoch() < 6, "the test needs a best epoch before the last, got " + out.bestEpoch());
        assertEquals(params.get(out.bestEpoch() - 1), net.params());
        assertNotEquals(params.get(5), net.params());
        Scores again = MultiLayerTrainable.evaluate(net, d[0], flipped, 4);
        assertEquals(out.best().loss(), again.loss(), 1e-12, "evaluation in other chunk sizes gives the same mean");
        assertEquals(out.best().accuracy(), again.accuracy(), 1e-12);
        assertTrue(out.best().accuracy() >= 0 && out.best().accuracy() <= 100);
    }
}
