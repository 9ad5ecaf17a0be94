package nnlab.padding;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The border-padding layer: out[r][c] = in[src(r)][src(c)] with src from
 * {@link PaddingMode#sourceIndex}. Forward is one interior copy plus one strided copy per border
 * row and column; backward adds each border gradient onto the input position it was copied
 * from, which is the exact adjoint of the forward copy. A handful of ND4J ops per call, so it
 * costs far less than the convolution after it.
 */
public class BorderPaddingImpl extends AbstractLayer<BorderPadding> {

    public BorderPaddingImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override public boolean isPretrainLayer() { return false; }
    @Override public void clearNoiseWeightParams() { }
    @Override public Type type() { return Type.CONVOLUTIONAL; }
    @Override public double calcRegularizationScore(boolean backpropParamsOnly) { return 0; }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), paddedShape(input.shape()), 'c');
        pad(input, out, layerConf().getKind(), layerConf().getAmount());
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), input.shape(), 'c');
        unpad(epsilon, inputGradient, layerConf().getKind(), layerConf().getAmount());
        return new Pair<>(new DefaultGradient(), inputGradient);
    }

    private long[] paddedShape(long[] in) {
        int p = layerConf().getAmount();
        return new long[] {in[0], in[1], in[2] + 2L * p, in[3] + 2L * p};
    }

    /** Fills out (N, C, H+2p, W+2p) from x (N, C, H, W). */
    public static void pad(INDArray x, INDArray out, PaddingMode.Kind kind, int p) {
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        out.get(all(), all(), NDArrayIndex.interval(p, p + h), NDArrayIndex.interval(p, p + w)).assign(x);
        for (int j : borderIndices(h, p)) {
            int src = PaddingMode.sourceIndex(kind, j, h, p);
            out.get(all(), all(), NDArrayIndex.point(j), NDArrayIndex.interval(p, p + w))
                    .assign(x.get(all(), all(), NDArrayIndex.point(src), all()));
        }
        // Columns last, copied from the padded rows, so the corners come out as in[src(r)][src(c)].
        for (int j : borderIndices(w, p)) {
            int src = p + PaddingMode.sourceIndex(kind, j, w, p);
            out.get(all(), all(), all(), NDArrayIndex.point(j)).assign(out.get(all(), all(), all(), NDArrayIndex.point(src)));
        }
    }

    /** The adjoint of {@link #pad}: gradient w.r.t. x from the gradient g w.r.t. the padded output. */
    public static void unpad(INDArray g, INDArray gx, PaddingMode.Kind kind, int p) {
        int h = (int) gx.size(2);
        int w = (int) gx.size(3);
        INDArray columns = g.get(all(), all(), all(), NDArrayIndex.interval(p, p + w)).dup('c');
        for (int j : borderIndices(w, p)) {
            int src = PaddingMode.sourceIndex(kind, j, w, p);
            columns.get(all(), all(), all(), NDArrayIndex.point(src)).addi(g.get(all(), all(), all(), NDArrayIndex.point(j)));
        }
        gx.assign(columns.get(all(), all(), NDArrayIndex.interval(p, p + h), all()));
        for (int j : borderIndices(h, p)) {
            int src = PaddingMode.sourceIndex(kind, j, h, p);
            gx.get(all(), all(), NDArrayIndex.point(src), all()).addi(columns.get(all(), all(), NDArrayIndex.point(j), all()));
        }
    }

    private static int[] borderIndices(int n, int p) {
        int[] out = new int[2 * p];
        for (int k = 0; k < p; k++) {
            out[k] = k;
            out[p + k] = n + p + k;
        }
        return out;
    }

    private static INDArrayIndex all() {
        return NDArrayIndex.all();
    }
}
