package nnlab.byhand;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The assignment's 1-D convolution written out: every window's inputs and products, the sum plus
 * bias, the activation and the total. The windows are cut and multiplied with ND4J one by one (the
 * hand computation); the same output then comes from ND4J's own conv1d op, so the table shows
 * both and says whether they agree. Like every deep-learning library this is cross-correlation:
 * the kernel is not flipped.
 */
public final class ConvByHand {
    public static final int MAX_INPUT = 64;
    public static final int MAX_KERNEL = 16;

    private ConvByHand() { }

    /** One output position: the window x[start … start+k−1] of the padded input (0-based). */
    public record Window(int start, double[] inputs, double[] products, double preActivation, double output, double opOutput) { }

    /**
     * @param padded     the input with its zero padding
     * @param total      Σ of the activated outputs
     * @param opMaxDiff  largest |window result − conv1d op result| over the outputs (before activation)
     */
    public record Result(double[] input, double[] kernel, double bias, int padding, int stride, boolean relu,
                         double[] padded, List<Window> windows, double total, double opMaxDiff) { }

    /** Why these numbers cannot be convolved, or null when they can. */
    public static String problem(int inputLength, int kernelLength, int padding) {
        int padded = inputLength + 2 * padding;
        if (kernelLength > padded) {
            return "the kernel has " + kernelLength + " values but the padded input only " + padded
                    + " (input " + inputLength + " + 2 × padding " + padding + ")";
        }
        return null;
    }

    public static Result compute(double[] x, double[] k, double bias, int padding, int stride, boolean relu) {
        String p = problem(x.length, k.length, padding);
        if (p != null) throw new IllegalArgumentException(p);
        INDArray input = Nd4j.createFromArray(x);
        INDArray padded = padding == 0 ? input : Nd4j.concat(0, Nd4j.zeros(input.dataType(), padding), input,
                Nd4j.zeros(input.dataType(), padding));
        INDArray kernel = Nd4j.createFromArray(k);
        int outputs = (int) ((padded.length() - k.length) / stride + 1);
        double[] op = conv1dOp(input, kernel, bias, padding, stride);
        List<Window> windows = new ArrayList<>();
        double total = 0;
        double maxDiff = 0;
        for (int i = 0; i < outputs; i++) {
            int start = i * stride;
            INDArray window = padded.get(NDArrayIndex.interval(start, start + k.length));
            INDArray products = window.mul(kernel);
            double pre = products.sumNumber().doubleValue() + bias;
            double out = relu ? Math.max(0, pre) : pre;
            total += out;
            maxDiff = Math.max(maxDiff, Math.abs(pre - op[i]));
            windows.add(new Window(start, window.toDoubleVector(), products.toDoubleVector(), pre, out, op[i]));
        }
        return new Result(x.clone(), k.clone(), bias, padding, stride, relu, padded.toDoubleVector(), windows, total, maxDiff);
    }

    /** ND4J's conv1d (NCW input, weights [k, in, out]) before the activation. */
    private static double[] conv1dOp(INDArray input, INDArray kernel, double bias, int padding, int stride) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.constant("x", input.reshape(1, 1, input.length()));
        SDVariable w = sd.constant("w", kernel.reshape(kernel.length(), 1, 1));
        SDVariable b = sd.constant("b", Nd4j.createFromArray(bias));
        Conv1DConfig config = Conv1DConfig.builder().k(kernel.length()).s(stride).p(padding)
                .paddingMode(PaddingMode.VALID).build();
        return sd.cnn().conv1d(in, w, b, config).eval().reshape(-1).toDoubleVector();
    }
}
