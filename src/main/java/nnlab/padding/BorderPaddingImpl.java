package nnlab.padding;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The border-padding layer: out[r][c] = in[src(r)][src(c)] with src from
 * {@link PaddingMode#sourceIndex}; backward adds each gradient onto the input position it was
 * copied from, the exact adjoint of the forward copy. ND4J has no replicate or circular pad op
 * and its reflect gradient is wrong; built from ND4J view copies (one op per border row and
 * column) this layer cost 70–170 ms per call, more than the convolution after it, because
 * single-column views take ND4J's slow strided path. A direct loop over the contiguous buffers
 * (bulk row copies, scalar borders) takes 1–13 ms for the same shapes.
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
        // The first layer's gradient is not needed: FirstConvolution above it passes none.
        if (epsilon == null) return new Pair<>(new DefaultGradient(), null);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), input.shape(), 'c');
        unpad(epsilon, inputGradient, layerConf().getKind(), layerConf().getAmount());
        return new Pair<>(new DefaultGradient(), inputGradient);
    }

    private long[] paddedShape(long[] in) {
        int p = layerConf().getAmount();
        return new long[] {in[0], in[1], in[2] + 2L * p, in[3] + 2L * p};
    }

    /** Fills out (N, C, H+2p, W+2p) from x (N, C, H, W): out[n][c][r][s] = x[n][c][rows[r]][cols[s]]. */
    public static void pad(INDArray x, INDArray out, PaddingMode.Kind kind, int p) {
        INDArray in = contiguous(x);
        INDArray target = isContiguous(out) ? out : out.ulike();
        Geometry geo = new Geometry(in, kind, p);
        int h = geo.h, w = geo.w, hp = geo.hp, wp = geo.wp;
        int[] rows = geo.rows, cols = geo.cols;
        Elements e = Elements.of(in, target);
        int inBase = (int) in.offset();
        int outBase = (int) target.offset();
        forEachPlane(geo.planes, k -> {
            int ib = inBase + k * h * w;
            int ob = outBase + k * hp * wp;
            for (int r = 0; r < hp; r++) {
                int srcRow = ib + rows[r] * w;
                int dstRow = ob + r * wp;
                e.copyRun(dstRow + p, srcRow, w);
                for (int c = 0; c < p; c++) {
                    e.copy(dstRow + c, srcRow + cols[c]);
                    e.copy(dstRow + p + w + c, srcRow + cols[p + w + c]);
                }
            }
        });
        if (target != out) out.assign(target);
    }

    /**
     * The adjoint of {@link #pad}: gx[n][c][i][j] = sum of g[n][c][r][s] over every padded
     * position (r, s) that was copied from (i, j). The interior is one row copy; only the border
     * rows and columns are added one by one.
     */
    public static void unpad(INDArray g, INDArray gx, PaddingMode.Kind kind, int p) {
        INDArray in = contiguous(g);
        INDArray target = isContiguous(gx) ? gx : gx.ulike();
        Geometry geo = new Geometry(target, kind, p);
        int h = geo.h, w = geo.w, hp = geo.hp, wp = geo.wp;
        int[] rows = geo.rows, cols = geo.cols;
        Elements e = Elements.of(in, target);
        int inBase = (int) in.offset();
        int outBase = (int) target.offset();
        forEachPlane(geo.planes, k -> {
            int gb = inBase + k * hp * wp;
            int xb = outBase + k * h * w;
            for (int i = 0; i < h; i++) e.copyRun(xb + i * w, gb + (i + p) * wp + p, w);
            for (int r = 0; r < hp; r++) {
                int srcRow = gb + r * wp;
                int dstRow = xb + rows[r] * w;
                for (int c = 0; c < p; c++) {
                    e.add(dstRow + cols[c], srcRow + c);
                    e.add(dstRow + cols[p + w + c], srcRow + p + w + c);
                }
                if (r < p || r >= p + h) {
                    for (int c = 0; c < w; c++) e.add(dstRow + c, srcRow + p + c);
                }
            }
        });
        if (target != gx) gx.assign(target);
    }

    /** Element access from a source buffer to a target buffer, for the two precisions the layer runs in. */
    private interface Elements {
        void copyRun(int dst, int src, int length);

        void copy(int dst, int src);

        void add(int dst, int src);

        static Elements of(INDArray source, INDArray target) {
            if (source.dataType() == DataType.FLOAT && target.dataType() == DataType.FLOAT) {
                FloatBuffer from = source.data().asNioFloat();
                FloatBuffer to = target.data().asNioFloat();
                return new Elements() {
                    @Override public void copyRun(int dst, int src, int length) { to.put(dst, from, src, length); }
                    @Override public void copy(int dst, int src) { to.put(dst, from.get(src)); }
                    @Override public void add(int dst, int src) { to.put(dst, to.get(dst) + from.get(src)); }
                };
            }
            if (source.dataType() == DataType.DOUBLE && target.dataType() == DataType.DOUBLE) {
                DoubleBuffer from = source.data().asNioDouble();
                DoubleBuffer to = target.data().asNioDouble();
                return new Elements() {
                    @Override public void copyRun(int dst, int src, int length) { to.put(dst, from, src, length); }
                    @Override public void copy(int dst, int src) { to.put(dst, from.get(src)); }
                    @Override public void add(int dst, int src) { to.put(dst, to.get(dst) + from.get(src)); }
                };
            }
            throw new IllegalArgumentException("border padding supports FLOAT and DOUBLE arrays of one type, not "
                    + source.dataType() + " into " + target.dataType());
        }
    }

    /** Sizes of one padding call, from the unpadded array, and where each padded row and column reads from. */
    private static final class Geometry {
        final int planes;
        final int h;
        final int w;
        final int hp;
        final int wp;
        final int[] rows;
        final int[] cols;

        Geometry(INDArray unpadded, PaddingMode.Kind kind, int p) {
            planes = (int) (unpadded.size(0) * unpadded.size(1));
            h = (int) unpadded.size(2);
            w = (int) unpadded.size(3);
            hp = h + 2 * p;
            wp = w + 2 * p;
            rows = sourceMap(kind, h, p);
            cols = sourceMap(kind, w, p);
        }
    }

    /** Padded index j (0 ≤ j < n + 2p) → the input index it shows. */
    private static int[] sourceMap(PaddingMode.Kind kind, int n, int p) {
        int[] map = new int[n + 2 * p];
        for (int j = 0; j < map.length; j++) map[j] = PaddingMode.sourceIndex(kind, j, n, p);
        return map;
    }

    /**
     * One plane (image channel) after another on the calling thread: splitting planes over a
     * second thread measured no faster, as oneDNN's threads already keep both cores busy.
     */
    private static void forEachPlane(int planes, IntConsumer work) {
        for (int k = 0; k < planes; k++) work.accept(k);
    }

    private static boolean isContiguous(INDArray a) {
        return a.ordering() == 'c' && Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
    }

    private static INDArray contiguous(INDArray a) {
        return isContiguous(a) ? a : a.dup('c');
    }
}
