package nnlab.padding;

import java.util.List;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds the study's CNNs (spec §1) as DL4J networks. */
public final class PaddingNets {
    private PaddingNets() { }

    /** The architecture and optimiser of one variant. */
    public record Architecture(String net, PaddingMode padding, List<Integer> widths, List<Integer> strides, int kernel,
                               int hidden, int imageSize, double lr, double rho, double eps, double weightDecay) { }

    public static long convOutputSize(long in, int kernel, int stride, int padding) {
        return Math.floorDiv(in + 2L * padding - kernel, stride) + 1;
    }

    public static MultiLayerNetwork build(Architecture a, long seed, DataType dataType) {
        return build(a, seed, dataType, new ScaledAdaDelta(a.lr(), a.rho(), a.eps()));
    }

    /** With another updater, e.g. NoOp for gradient checks. */
    public static MultiLayerNetwork build(Architecture a, long seed, DataType dataType, IUpdater updater) {
        // With CacheMode.NONE, DL4J's oneDNN convolution recomputes its forward pass during
        // backprop to get the pre-activation; caching it saves a sixth of the training time.
        return build(a, seed, dataType, updater, CacheMode.DEVICE, FirstLayer.WEIGHT_GRADIENT_ONLY);
    }

    /** How the first convolution is built; DL4J's own is kept to test that the other gives the same training. */
    enum FirstLayer { WEIGHT_GRADIENT_ONLY, DL4J_CONVOLUTION }

    /** cacheMode NONE is the slower path, kept to test that caching does not change results. */
    static MultiLayerNetwork build(Architecture a, long seed, DataType dataType, IUpdater updater, CacheMode cacheMode,
                                   FirstLayer firstLayer) {
        long nd4jSeed = nnlab.kernel.Seeds.nd4jSeed(seed);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(nd4jSeed)
                .dataType(dataType)
                // PyTorch's default init for conv and linear weights: U(±1/sqrt(fan_in)).
                .weightInit(WeightInit.UNIFORM)
                .updater(updater)
                // PyTorch's Adadelta weight_decay adds wd·w to every parameter's gradient: that is L2.
                .l2(a.weightDecay())
                .l2Bias(a.weightDecay())
                .convolutionMode(ConvolutionMode.Truncate)
                .cacheMode(cacheMode)
                .list();
        PaddingMode mode = a.padding();
        boolean copyPadding = mode.kind() != PaddingMode.Kind.ZERO;
        long size = a.imageSize();
        int channels = 3;
        for (int i = 0; i < a.widths().size(); i++) {
            if (copyPadding) {
                layers.layer(new BorderPadding(mode.kind(), mode.amount()));
            }
            int zeroPad = copyPadding ? 0 : mode.amount();
            ConvolutionLayer.Builder conv = new ConvolutionLayer.Builder(a.kernel(), a.kernel())
                    .stride(a.strides().get(i), a.strides().get(i))
                    .padding(zeroPad, zeroPad)
                    .nIn(channels)
                    .nOut(a.widths().get(i))
                    .hasBias(false)
                    .activation(Activation.RELU);
            boolean first = i == 0 && firstLayer == FirstLayer.WEIGHT_GRADIENT_ONLY;
            layers.layer(first ? FirstConvolution.of(conv) : conv.build());
            size = convOutputSize(size, a.kernel(), a.strides().get(i), mode.amount());
            channels = a.widths().get(i);
        }
        if (a.net().equals("Net1")) {
            layers.layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build());
        } else {
            layers.layer(new DenseLayer.Builder().nOut(a.hidden()).activation(Activation.IDENTITY).build());
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(2)
                .activation(Activation.SOFTMAX)
                .build());
        layers.setInputType(InputType.convolutional(a.imageSize(), a.imageSize(), 3));
        MultiLayerNetwork net = new MultiLayerNetwork(layers.build());
        net.init();
        return net;
    }
}
