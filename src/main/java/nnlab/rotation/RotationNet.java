package nnlab.rotation;

import nnlab.kernel.Seeds;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The spec's CNN (three conv 3×3 + max-pool 2 blocks, dense 64, softmax), for any channels and size. */
public final class RotationNet {
    private RotationNet() { }

    public static MultiLayerNetwork build(int channels, int height, int width, int classes, double lr, long seed) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(Seeds.nd4jSeed(seed))
                .dataType(DataType.FLOAT)
                // PyTorch's default init for conv and linear weights, as in the published study: U(±1/sqrt(fan_in)).
                .weightInit(WeightInit.UNIFORM)
                .updater(new Adam(lr))
                .list();
        int in = channels;
        for (int out : new int[] {32, 64, 64}) {
            // Same = pad 1 for a 3×3 kernel; pools truncate, so 28 → 14 → 7 → 3 and 32 → 16 → 8 → 4, as PyTorch does.
            b.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).convolutionMode(ConvolutionMode.Same)
                    .nIn(in).nOut(out).activation(Activation.RELU).build());
            b.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Truncate).build());
            in = out;
        }
        b.layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build());
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build());
        b.setInputType(InputType.convolutional(height, width, channels));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }
}
