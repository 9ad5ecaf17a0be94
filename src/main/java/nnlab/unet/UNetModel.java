package nnlab.unet;

import nnlab.kernel.Seeds;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The write-up's U-Net as a DL4J {@link ComputationGraph}: two Down blocks (conv 3×3 + BN + ReLU,
 * the skip taken before a 2×2 max-pool), a bottleneck conv, two Up blocks (transposed conv 2×2
 * stride 2, concatenation with the skip, conv 3×3 + BN + ReLU) and a 1×1 conv to the classes,
 * trained with per-pixel softmax cross-entropy.
 *
 * <p>With skips off the concatenation receives {@code 0 · skip} (a {@link ScaleVertex} of 0):
 * zeros of exactly the skip's shape, so both models have the same weights, and the zero vertex
 * sends a zero gradient back, so the encoder learns only through the bottleneck, as with
 * PyTorch's {@code torch.zeros_like(skip)}.
 */
public final class UNetModel {
    public static final String INPUT = "input";
    public static final String OUTPUT = "out";

    /**
     * Channel widths and training settings.
     *
     * @param down1      channels of the first Down block (the first skip)
     * @param down2      channels of the second Down block (the second skip)
     * @param bottleneck channels of the bottleneck conv (and of the first transposed conv)
     * @param up1        channels after the first Up block (and of the second transposed conv)
     * @param up2        channels after the second Up block
     */
    public record Spec(int inChannels, int height, int width, int classes, int down1, int down2, int bottleneck, int up1, int up2,
                       double lr, boolean skips, long seed) {
        public Spec {
            if (height % 4 != 0 || width % 4 != 0) {
                throw new IllegalArgumentException("the two 2×2 poolings need height and width divisible by 4, got " + height + "×" + width);
            }
        }

        public Spec withSkips(boolean on) {
            return new Spec(inChannels, height, width, classes, down1, down2, bottleneck, up1, up2, lr, on, seed);
        }
    }

    private UNetModel() { }

    public static ComputationGraph build(Spec s, DataType dataType) {
        ComputationGraph net = new ComputationGraph(configuration(s, dataType));
        net.init();
        return net;
    }

    public static ComputationGraphConfiguration configuration(Spec s, DataType dataType) {
        return configuration(s, dataType, new Adam(s.lr()));
    }

    /** With another updater: gradient checks need plain gradients ({@code NoOp}). */
    static ComputationGraphConfiguration configuration(Spec s, DataType dataType, org.nd4j.linalg.learning.config.IUpdater updater) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(Seeds.nd4jSeed(s.seed()))
                .dataType(dataType)
                // He-normal for the ReLU blocks; BatchNorm makes the exact scale matter little.
                .weightInit(WeightInit.RELU)
                .updater(updater)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(s.height(), s.width(), s.inChannels()));
        String skip1 = convBnRelu(g, "down1", INPUT, s.down1());
        g.addLayer("down1-pool", pool(), skip1);
        String skip2 = convBnRelu(g, "down2", "down1-pool", s.down2());
        g.addLayer("down2-pool", pool(), skip2);
        String bottom = convBnRelu(g, "bottleneck", "down2-pool", s.bottleneck());
        String up1 = up(g, "up1", bottom, s.bottleneck(), skip2, s.up1(), s.skips());
        String up2 = up(g, "up2", up1, s.up1(), skip1, s.up2(), s.skips());
        g.addLayer("head", new ConvolutionLayer.Builder(1, 1).nOut(s.classes()).activation(Activation.IDENTITY).build(), up2);
        g.addLayer(OUTPUT, new CnnLossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(), "head");
        g.setOutputs(OUTPUT);
        return g.build();
    }

    /** conv 3×3 (pad 1) → BatchNorm → ReLU; returns the name of the ReLU's output. */
    static String convBnRelu(ComputationGraphConfiguration.GraphBuilder g, String block, String input, int channels) {
        // No conv bias: the BatchNorm right after it has its own shift (beta).
        g.addLayer(block + "-conv", new ConvolutionLayer.Builder(3, 3).nOut(channels).hasBias(false).activation(Activation.IDENTITY).build(), input);
        g.addLayer(block + "-bn", new BatchNormalization.Builder().build(), block + "-conv");
        g.addLayer(block + "-relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), block + "-bn");
        return block + "-relu";
    }

    /** transposed conv 2×2 stride 2 → concat(skip or zeros) → conv 3×3 + BN + ReLU. */
    static String up(ComputationGraphConfiguration.GraphBuilder g, String block, String input, int upChannels, String skip, int out,
                     boolean skips) {
        g.addLayer(block + "-deconv", new Deconvolution2D.Builder(2, 2).stride(2, 2).convolutionMode(ConvolutionMode.Truncate)
                .nOut(upChannels).activation(Activation.IDENTITY).build(), input);
        String skipInput = skip;
        if (!skips) {
            skipInput = block + "-zero-skip";
            g.addVertex(skipInput, new ScaleVertex(0.0), skip);
        }
        g.addVertex(block + "-cat", new MergeVertex(), block + "-deconv", skipInput);
        return convBnRelu(g, block, block + "-cat", out);
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate).build();
    }

    /** Multiply-adds ×2 of one forward pass per image (convolutions only), for the speed report. */
    public static double forwardFlops(Spec s) {
        double hw = (double) s.height() * s.width();
        double q = hw / 4;
        double e = hw / 16;
        double f = 0;
        f += hw * 9 * s.inChannels() * s.down1();
        f += q * 9 * s.down1() * s.down2();
        f += e * 9 * s.down2() * s.bottleneck();
        f += q * s.bottleneck() * s.bottleneck();
        f += q * 9 * (s.bottleneck() + s.down2()) * s.up1();
        f += hw * s.up1() * s.up1();
        f += hw * 9 * (s.up1() + s.down1()) * s.up2();
        f += hw * s.up2() * s.classes();
        return 2 * f;
    }
}
