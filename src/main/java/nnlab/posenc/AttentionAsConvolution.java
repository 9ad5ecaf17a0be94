package nnlab.posenc;

import java.util.function.IntToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Single-head attention over a 1-D signal x ∈ Rⁿ (d = 1) with a relative-position bias:
 * α_ij = (w_Q x_i)(w_K x_j) + b_{i−j}, y_i = Σ_j softmax_j(α_ij) · w_V x_j.
 * With suitable weights it reproduces a Conv1D exactly and approximates max pooling.
 */
public final class AttentionAsConvolution {
    /** Kernel of the reference convolution y_i = 2·x_{i−1} + 0·x_i + 1·x_{i+1} (cross-correlation order). */
    public static final double[] CONV_KERNEL = {2, 0, 1};

    private AttentionAsConvolution() { }

    /**
     * attention: the n×n softmax weights; y: the attention output; reference: the true Conv1D or
     * max-pool output; error = y − reference.
     */
    public record Result(INDArray attention, double[] y, double[] reference, double[] error) {

        public double maxAbsError() {
            return maxAbs(0, error.length);
        }

        /** max |error| over positions [from, to). */
        public double maxAbs(int from, int to) {
            double m = 0;
            for (int i = Math.max(0, from); i < Math.min(to, error.length); i++) m = Math.max(m, Math.abs(error[i]));
            return m;
        }
    }

    /**
     * w_Q = w_K = 0, w_V = 3, b_{+1} = ln 2, b_{−1} = 0, every other b = −∞: weights 2/3 on x_{i−1}
     * and 1/3 on x_{i+1}, i.e. 2·x_{i−1} + x_{i+1}. At i = 0 and i = n−1 one neighbour is missing:
     * the convolution's zero padding contributes 0 there, but softmax renormalises over the one
     * neighbour left, giving 3·x_1 and 3·x_{n−2} instead of x_1 and 2·x_{n−2}.
     */
    public static Result convolution(double[] x) {
        requireSignal(x, 2);
        int n = x.length;
        INDArray bias = relativeBias(n, d -> d == 1 ? Math.log(2) : d == -1 ? 0 : Double.NEGATIVE_INFINITY);
        INDArray attention = attend(x, 0, 0, bias);
        double[] y = attention.mmul(column(x).muli(3)).toDoubleVector();
        double[] reference = conv1d(x, CONV_KERNEL);
        return new Result(attention, y, reference, minus(y, reference));
    }

    /**
     * b = 0 inside the window |i−j| ≤ k, −∞ outside, w_V = 1, w_Q = w_K = c: the scores c²·x_i·x_j
     * favour the largest x_j in the window, so for positive x the output tends to the window
     * maximum as c grows. The window is cut at the signal's ends (no padding), on both sides.
     */
    public static Result maxPool(double[] x, int k, double c) {
        requireSignal(x, 1);
        if (k < 0) throw new IllegalArgumentException("the window half-width k must be ≥ 0, got " + k);
        if (!(c >= 0) || !Double.isFinite(c)) throw new IllegalArgumentException("c must be a number ≥ 0, got " + c);
        int n = x.length;
        INDArray bias = relativeBias(n, d -> Math.abs(d) <= k ? 0 : Double.NEGATIVE_INFINITY);
        INDArray attention = attend(x, c, c, bias);
        double[] y = attention.mmul(column(x)).toDoubleVector();
        double[] reference = maxPool1d(x, k);
        return new Result(attention, y, reference, minus(y, reference));
    }

    /** softmax_j((w_Q x_i)(w_K x_j) + b_{i−j}), row by row (d = 1, so no 1/√d). */
    static INDArray attend(double[] x, double wq, double wk, INDArray bias) {
        INDArray col = column(x);
        INDArray scores = col.mul(wq).mmul(col.transpose().mul(wk)).addi(bias);
        return Transforms.softmax(scores, false);
    }

    /** B[i, j] = b(i − j); filled element by element because ND4J has no Toeplitz constructor. */
    static INDArray relativeBias(int n, IntToDoubleFunction b) {
        double[] values = new double[2 * n - 1];
        for (int d = -(n - 1); d <= n - 1; d++) values[d + n - 1] = b.applyAsDouble(d);
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) flat[i * n + j] = values[i - j + n - 1];
        }
        return Nd4j.create(flat, new long[] {n, n}, DataType.DOUBLE);
    }

    /** ND4J's conv1d (cross-correlation, zero padding, "same" length) as the independent reference. */
    static double[] conv1d(double[] x, double[] kernel) {
        int n = x.length;
        INDArray input = Nd4j.create(x, new long[] {1, 1, n}, DataType.DOUBLE);
        INDArray weights = Nd4j.create(kernel, new long[] {kernel.length, 1, 1}, DataType.DOUBLE);
        Conv1DConfig config = Conv1DConfig.builder().k(kernel.length).s(1).p(kernel.length / 2)
                .paddingMode(PaddingMode.VALID).dataFormat("NCW").build();
        return Nd4j.cnn().conv1d(input, weights, config).reshape(n).toDoubleVector();
    }

    /** ND4J's max pooling, stride 1, window 2k+1; its padded cells never win (they are skipped, not zeros). */
    static double[] maxPool1d(double[] x, int k) {
        int n = x.length;
        INDArray input = Nd4j.create(x, new long[] {1, 1, 1, n}, DataType.DOUBLE);
        Pooling2DConfig config = Pooling2DConfig.builder().kH(1).kW(2L * k + 1).sH(1).sW(1).pH(0).pW(k)
                .type(Pooling2D.Pooling2DType.MAX).paddingMode(PaddingMode.VALID).isNHWC(false).build();
        return Nd4j.cnn().maxPooling2d(input, config).reshape(n).toDoubleVector();
    }

    private static INDArray column(double[] x) {
        return Nd4j.create(x, new long[] {x.length, 1}, DataType.DOUBLE);
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    private static void requireSignal(double[] x, int minLength) {
        if (x == null || x.length < minLength) {
            throw new IllegalArgumentException("the signal needs at least " + minLength + " values");
        }
        for (double v : x) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("the signal must contain only finite numbers");
        }
    }
}
