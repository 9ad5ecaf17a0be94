package nnlab.pairs;

import java.util.ArrayList;
import java.util.List;
import nnlab.kernel.Seeds;
import nnlab.kernel.config.Config;
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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The assignment's two models: four conv layers (widths n, 2n, 4n, 8n, kernel k, same padding,
 * stride 1), each followed by ReLU and max-pool 2, then a linear layer to {@code hidden} units
 * (ReLU) and one to the 2 classes (softmax). Layer i of the DL4J network is {@link #LAYER_NAMES}[i]
 * for the first eight.
 */
public final class PairNets {
    public static final List<String> LAYER_NAMES = List.of("conv1", "pool1", "conv2", "pool2", "conv3", "pool3", "conv4", "pool4");
    /** Fashion-MNIST and the generated shapes are both 28×28. */
    public static final int IMAGE_SIZE = 28;
    static final int POOL = 2;

    private PairNets() { }

    /** Everything that shapes the networks. */
    public record Architecture(int width, int kernel, int hidden, int imageHeight, int imageWidth, double lr) {

        public int[] widths() {
            return new int[] {width, 2 * width, 4 * width, 8 * width};
        }

        /** The layers as the receptive-field arithmetic sees them: conv k (stride 1), pool 2 (stride 2), four times. */
        public List<ReceptiveField.Layer> layers() {
            List<ReceptiveField.Layer> out = new ArrayList<>();
            for (int i = 0; i < LAYER_NAMES.size(); i++) {
                boolean conv = i % 2 == 0;
                out.add(new ReceptiveField.Layer(LAYER_NAMES.get(i), conv ? kernel : POOL, conv ? 1 : POOL, 1));
            }
            return out;
        }

        /** Height and width of the map entering each layer, then the last one's output (9 entries). */
        public int[][] mapSizes(PairModel m) {
            int[][] sizes = new int[LAYER_NAMES.size() + 1][];
            int h = m.inputHeight(imageHeight);
            int w = imageWidth;
            sizes[0] = new int[] {h, w};
            for (int i = 0; i < LAYER_NAMES.size(); i++) {
                // Same padding keeps the size; pooling truncates (7 → 3), as PyTorch does.
                if (i % 2 == 1) {
                    h /= POOL;
                    w /= POOL;
                }
                sizes[i + 1] = new int[] {h, w};
            }
            return sizes;
        }

        /** Why this kernel cannot slide over some layer's map of model m, or null when it fits everywhere. */
        public String kernelProblem(PairModel m) {
            int[][] sizes = mapSizes(m);
            for (int i = 0; i < LAYER_NAMES.size(); i++) {
                int h = sizes[i][0];
                int w = sizes[i][1];
                boolean conv = i % 2 == 0;
                int need = conv ? kernel : POOL;
                if (h < need || w < need) {
                    return String.format("%s of %s %s a %d×%d feature map (input %s)", LAYER_NAMES.get(i), m.label(),
                            conv ? "would slide a " + kernel + "×" + kernel + " kernel over" : "cannot pool", h, w,
                            m.inputShape(imageHeight, imageWidth));
                }
            }
            return null;
        }
    }

    public static Architecture architecture(Config c) {
        return new Architecture(c.getInt(PairsSettings.WIDTH), c.getInt(PairsSettings.KERNEL), c.getInt(PairsSettings.HIDDEN),
                IMAGE_SIZE, IMAGE_SIZE, c.getDouble(PairsSettings.LR));
    }

    /** The whole classifier, initialised from the seed. */
    public static MultiLayerNetwork build(Architecture a, PairModel m, long seed) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(Seeds.nd4jSeed(seed))
                .dataType(DataType.FLOAT)
                // PyTorch's default init for conv and linear weights, as in the assignment: U(±1/sqrt(fan_in)).
                .weightInit(WeightInit.UNIFORM)
                .updater(new Adam(a.lr()))
                .list();
        addConvStack(b, a, m.channels(), LAYER_NAMES.size(), Activation.RELU, SubsamplingLayer.PoolingType.MAX);
        b.layer(new DenseLayer.Builder().nOut(a.hidden()).activation(Activation.RELU).build());
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build());
        b.setInputType(InputType.convolutional(m.inputHeight(a.imageHeight()), a.imageWidth(), m.channels()));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    private static void addConvStack(NeuralNetConfiguration.ListBuilder b, Architecture a, int channels, int layers, Activation act,
                                     SubsamplingLayer.PoolingType pooling) {
        int in = channels;
        int[] widths = a.widths();
        for (int i = 0; i < layers; i++) {
            if (i % 2 == 0) {
                int out = widths[i / 2];
                b.layer(new ConvolutionLayer.Builder(a.kernel(), a.kernel()).stride(1, 1).convolutionMode(ConvolutionMode.Same)
                        .nIn(in).nOut(out).activation(act).build());
                in = out;
            } else {
                b.layer(new SubsamplingLayer.Builder(pooling).kernelSize(POOL, POOL).stride(POOL, POOL)
                        .convolutionMode(ConvolutionMode.Truncate).build());
            }
        }
    }

    /**
     * The first {@code layers} layers of a trained model as a network of their own, for an input of
     * any size, with the trained conv weights. With {@code probe} the weights become |w| + 0.001
     * and the biases 0, ReLU becomes the identity and max-pooling averaging (in double precision):
     * a max-pool passes a unit's gradient to one input of its window and a ReLU only through
     * active units, so one input's gradient shows part of the region that can change the unit;
     * the probe's gradient is non-zero on every input pixel some path reaches, i.e. the whole
     * receptive field, with no cancellation between positive terms.
     */
    public static MultiLayerNetwork truncated(MultiLayerNetwork trained, Architecture a, PairModel m, int layers, int inHeight,
                                              int inWidth, boolean probe) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .dataType(probe ? DataType.DOUBLE : DataType.FLOAT)
                .weightInit(WeightInit.UNIFORM)
                .list();
        addConvStack(b, a, m.channels(), layers, probe ? Activation.IDENTITY : Activation.RELU,
                probe ? SubsamplingLayer.PoolingType.AVG : SubsamplingLayer.PoolingType.MAX);
        b.setInputType(InputType.convolutional(inHeight, inWidth, m.channels()));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        for (int i = 0; i < layers; i += 2) {
            INDArray w = trained.getLayer(i).getParam("W").castTo(net.getLayer(i).getParam("W").dataType());
            INDArray bias = trained.getLayer(i).getParam("b").castTo(net.getLayer(i).getParam("b").dataType());
            net.getLayer(i).setParam("W", probe ? Transforms.abs(w, true).addi(1e-3) : w.dup());
            net.getLayer(i).setParam("b", probe ? bias.mul(0) : bias.dup());
        }
        return net;
    }
}
