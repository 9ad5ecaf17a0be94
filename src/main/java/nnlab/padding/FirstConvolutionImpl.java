package nnlab.padding;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward pass is DL4J's (oneDNN); the backward pass returns the weight gradient only and
 * no input gradient (null, which DL4J's MultiLayerNetwork accepts from its first layer, as from
 * an embedding layer). The weight gradient is Σ over images and output pixels of the output
 * gradient times the input patch: {@link Im2col} of the input, [images, iC·kH·kW, pixels], against
 * the output gradient, [images, oC, pixels], in one batched matrix product, summed over images.
 * For the study's first layer (3 → 32 channels, 200 images of 34×34 outputs) that measured
 * 15 ms on one thread against 30–50 ms for DL4J's conv2d_bp, which also computes and reorders
 * the unused input gradient.
 */
public class FirstConvolutionImpl extends ConvolutionLayer {

    public FirstConvolutionImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Im2col of the last training forward pass, kept in DL4J's forward-cache workspace for the backward pass; or null. */
    private INDArray cachedColumns;

    /**
     * In training with DL4J's forward cache on (CacheMode.DEVICE, as the study trains), the
     * pre-activation is computed as the weights times the input's im2col, which the backward
     * pass then reuses; otherwise (inference, no cache) it is DL4J's oneDNN convolution.
     */
    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (!forBackprop) cachedColumns = null;
        if (!training || forBackprop || !forwardCacheOpen(workspaceMgr)) {
            return super.preOutput(training, forBackprop, workspaceMgr);
        }
        assertInputSet(false);
        validateInputRank();
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray x = contiguous(input.dataType() == dataType ? input : input.castTo(dataType));
        validateInputDepth(weights.size(1));
        Geometry g = new Geometry(x, c, convolutionMode);
        INDArray columns;
        try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.FF_CACHE)) {
            columns = Nd4j.createUninitialized(dataType, g.columnShape(), 'c');
        }
        Im2col.fill(x, columns, g.kernel, g.strides, g.pad, g.dilation);
        INDArray perImageWeights = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType,
                new long[] {g.images, g.outChannels, g.patch}, 'c');
        perImageWeights.assign(weights.reshape('c', 1, g.outChannels, g.patch).broadcast(g.images, g.outChannels, g.patch));
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {g.images, g.outChannels, g.outSize[0], g.outSize[1]}, 'c');
        Nd4j.matmul(perImageWeights, columns.reshape('c', g.images, g.patch, g.pixels), z.reshape('c', g.images, g.outChannels, g.pixels),
                false, false, false);
        if (hasBias()) {
            INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr);
            z.addi(bias.reshape(1, g.outChannels, 1, 1));
        }
        cachedColumns = columns;
        return new Pair<>(z, null);
    }

    private static boolean forwardCacheOpen(LayerWorkspaceMgr mgr) {
        return mgr.hasConfiguration(ArrayType.FF_CACHE) && mgr.isWorkspaceOpen(ArrayType.FF_CACHE);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        INDArray x = contiguous(input.dataType() == dataType ? input : input.castTo(dataType));
        Geometry g = new Geometry(x, c, convolutionMode);

        INDArray preActivation = preOutput4d(true, true, workspaceMgr).getFirst();
        INDArray delta = c.getActivationFn().backprop(preActivation, epsilon).getFirst();

        INDArray columns = cachedColumns;
        cachedColumns = null;
        if (columns == null || !java.util.Arrays.equals(columns.shape(), g.columnShape())) {
            columns = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, g.columnShape(), 'c');
            Im2col.fill(x, columns, g.kernel, g.strides, g.pad, g.dilation);
        }
        INDArray perImage = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {g.images, g.outChannels, g.patch}, 'c');
        Nd4j.matmul(delta.reshape('c', g.images, g.outChannels, g.pixels), columns.reshape('c', g.images, g.patch, g.pixels), perImage,
                false, true, false);

        INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        perImage.sum(weightGrad.reshape('c', g.outChannels, g.patch), 0);
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            delta.sum(biasGrad.reshape(g.outChannels), 0, 2, 3);
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        weightNoiseParams.clear();
        return new Pair<>(gradient, null);
    }

    @Override
    public void clear() {
        super.clear();
        cachedColumns = null;
    }

    /** Sizes of one call: the input's, the layer's kernel, and the im2col matrix per image ([patch, pixels]). */
    private static final class Geometry {
        final int[] kernel;
        final int[] strides;
        final int[] pad;
        final int[] dilation;
        final int[] outSize;
        final long images;
        final long inChannels;
        final long outChannels;
        final long patch;
        final long pixels;

        Geometry(INDArray x, org.deeplearning4j.nn.conf.layers.ConvolutionLayer c, ConvolutionMode mode) {
            kernel = c.getKernelSize();
            strides = c.getStride();
            pad = c.getPadding();
            dilation = c.getDilation();
            outSize = ConvolutionUtils.getOutputSize(x, kernel, strides, pad, mode, dilation, c.getCnn2dDataFormat());
            images = x.size(0);
            inChannels = x.size(1);
            outChannels = c.getNOut();
            patch = inChannels * kernel[0] * kernel[1];
            pixels = (long) outSize[0] * outSize[1];
        }

        long[] columnShape() {
            return new long[] {images, inChannels, kernel[0], kernel[1], outSize[0], outSize[1]};
        }
    }

    private static INDArray contiguous(INDArray a) {
        boolean c = a.ordering() == 'c' && java.util.Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
        return c ? a : a.dup('c');
    }
}
