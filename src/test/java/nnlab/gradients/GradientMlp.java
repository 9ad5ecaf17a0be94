package nnlab.gradients;

import java.util.ArrayList;
import java.util.List;
import nnlab.gradients.GradientChain.Activation;
import nnlab.kernel.Seeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The reference the training view's DL4J net ({@link GradientNet}) is checked against: the same
 * MLP with its backward pass written out in ND4J (it was the training view's own until DL4J
 * computed the gradients there). A classifier MLP of {@code depth} hidden layers with its backward pass written out in ND4J, so
 * that the gradient of every layer's weights is at hand: h_1 = act(x W_1 + b_1), then
 * h_{l+1} = act(h_l W_{l+1} + b_{l+1}), or h_l + act(…) with a residual connection, and softmax
 * logits h_n W_out + b_out, trained by plain SGD on the mean cross-entropy. Layer l's gradient norm
 * is ‖∂L/∂W_l‖_F (index 0 the first hidden layer, index depth the output layer).
 */
final class GradientMlp {
    private final Activation act;
    private final boolean residual;
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> biases = new ArrayList<>();
    private final double[] gradNorms;

    /**
     * Weights ~ N(0, gain²/fan_in) with gain² = 2 for ReLU (He) and 1 otherwise; a residual branch is
     * further scaled by 1/√depth, so that adding depth branches keeps the activations' scale.
     */
    GradientMlp(int inputs, int width, int depth, int classes, Activation act, boolean residual, long seed, DataType type) {
        if (depth < 1) throw new IllegalArgumentException("depth must be ≥ 1, got " + depth);
        this.act = act;
        this.residual = residual;
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(Seeds.nd4jSeed(seed));
        double gain = act == Activation.RELU ? Math.sqrt(2) : 1;
        for (int l = 0; l <= depth; l++) {
            int in = l == 0 ? inputs : width;
            int out = l == depth ? classes : width;
            double std = gain / Math.sqrt(in);
            if (residual && l > 0 && l < depth) std /= Math.sqrt(depth);
            if (l == depth) std = 1 / Math.sqrt(in);
            weights.add(GradientChain.gaussian(rng, in, out).muli(std).castTo(type));
            biases.add(Nd4j.zeros(type, 1, out));
        }
        gradNorms = new double[depth + 1];
    }

    int layers() {
        return weights.size();
    }

    /** ‖∂L/∂W_l‖_F of the last {@link #gradients} call, per layer. */
    double[] gradNorms() {
        return gradNorms.clone();
    }

    /** Logits of a batch (rows of x). */
    INDArray logits(INDArray x) {
        INDArray h = x;
        int last = weights.size() - 1;
        for (int l = 0; l < last; l++) {
            INDArray a = act.apply(h.mmul(weights.get(l)).addiRowVector(biases.get(l)));
            h = residual && l > 0 ? h.add(a) : a;
        }
        return h.mmul(weights.get(last)).addiRowVector(biases.get(last));
    }

    /** Mean cross-entropy of logits against one-hot labels, with a stable log-softmax. */
    static double loss(INDArray logits, INDArray y) {
        return -logSoftmax(logits).muli(y).sumNumber().doubleValue() / logits.rows();
    }

    static INDArray logSoftmax(INDArray logits) {
        INDArray shifted = logits.subColumnVector(logits.max(1).reshape(logits.rows(), 1));
        INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(1), false).reshape(logits.rows(), 1);
        return shifted.subiColumnVector(logSum);
    }

    /**
     * The gradients of the mean cross-entropy of a batch: for each layer {∂L/∂W_l, ∂L/∂b_l}; also
     * records their norms. Returns the loss in {@code lossOut[0]}.
     */
    List<INDArray[]> gradients(INDArray x, INDArray y, double[] lossOut) {
        int last = weights.size() - 1;
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> pre = new ArrayList<>();
        INDArray h = x;
        for (int l = 0; l < last; l++) {
            inputs.add(h);
            INDArray z = h.mmul(weights.get(l)).addiRowVector(biases.get(l));
            pre.add(z);
            INDArray a = act.apply(z);
            h = residual && l > 0 ? h.add(a) : a;
        }
        inputs.add(h);
        INDArray logits = h.mmul(weights.get(last)).addiRowVector(biases.get(last));
        INDArray logP = logSoftmax(logits);
        lossOut[0] = -logP.mul(y).sumNumber().doubleValue() / x.rows();
        INDArray delta = Transforms.exp(logP, false).subi(y).divi(x.rows());
        INDArray[][] grads = new INDArray[last + 1][];
        grads[last] = new INDArray[] {h.transpose().mmul(delta), delta.sum(true, 0)};
        INDArray dh = delta.mmul(weights.get(last).transpose());
        for (int l = last - 1; l >= 0; l--) {
            INDArray dz = dh.mul(act.derivative(pre.get(l)).castTo(dh.dataType()));
            grads[l] = new INDArray[] {inputs.get(l).transpose().mmul(dz), dz.sum(true, 0)};
            INDArray dIn = dz.mmul(weights.get(l).transpose());
            dh = residual && l > 0 ? dIn.addi(dh) : dIn;
        }
        List<INDArray[]> out = new ArrayList<>();
        for (int l = 0; l <= last; l++) {
            gradNorms[l] = grads[l][0].norm2Number().doubleValue();
            out.add(grads[l]);
        }
        return out;
    }

    /** One SGD step on a batch; returns its loss before the step. */
    double step(INDArray x, INDArray y, double learningRate) {
        double[] loss = new double[1];
        List<INDArray[]> g = gradients(x, y, loss);
        for (int l = 0; l < weights.size(); l++) {
            weights.get(l).subi(g.get(l)[0].muli(learningRate));
            biases.get(l).subi(g.get(l)[1].muli(learningRate));
        }
        return loss[0];
    }

    /** The parameters, for finite-difference tests. */
    List<INDArray> weights() {
        return weights;
    }

    List<INDArray> biases() {
        return biases;
    }
}
