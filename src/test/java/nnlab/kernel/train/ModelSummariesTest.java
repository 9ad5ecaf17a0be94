package nnlab.kernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.run.ModelSummary;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ModelSummariesTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void rowsFollowTheBuiltNetworkAndTheirParametersAddUpToNumParams() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nIn(2).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(10, 10, 2)).build());
        net.init();
        ModelSummary s = ModelSummaries.of("tiny", net, InputType.convolutional(10, 10, 2));
        assertEquals(4, s.layers().size());
        assertEquals(net.numParams(), s.totalParameters());
        // conv 3×3 over 2 channels → 4: 2·3·3·4 weights + 4 biases; 10 → 8 → pooled 4; dense 4·4·4 → 5; output 5 → 3.
        assertEquals(List.of(76L, 0L, 64 * 5 + 5L, 5 * 3 + 3L), s.layers().stream().map(ModelSummary.Layer::parameters).toList());
        assertEquals(List.of("4 × 8 × 8", "4 × 4 × 4", "5", "3"), s.layers().stream().map(ModelSummary.Layer::outputShape).toList());
        assertTrue(s.layers().get(0).type().startsWith("Convolution 3×3"), s.layers().get(0).type());
        assertEquals("tiny: 4 layers, 419 parameters", s.caption());
        assertEquals("12\u202F610", ModelSummary.grouped(12610));
    }
}
