package nnlab.padding;

import java.util.List;
import nnlab.kernel.train.Scores;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Validation as the published study measures it: PyTorch's cross-entropy, a log-softmax of the
 * output layer's logits in float32, rather than the log of the softmax output. The log of a
 * float32 softmax underflows for a confident mistake (a logit gap past ~87 gives p = 0, clamped
 * to a loss of 69), while the log-softmax gives the gap itself; early stopping watches this
 * loss, so it decides which epoch's weights are kept.
 */
final class LogitScores {
    private LogitScores() { }

    /** Mean cross-entropy and accuracy (%) over one-hot labels, {@code chunk} samples at a time. */
    static Scores evaluate(MultiLayerNetwork net, INDArray features, INDArray labels, int chunk) {
        int n = (int) features.size(0);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            float[][] z = logits(net, features.get(NDArrayIndex.interval(from, to))).castTo(DataType.FLOAT).toFloatMatrix();
            float[][] y = labels.get(NDArrayIndex.interval(from, to)).castTo(DataType.FLOAT).toFloatMatrix();
            for (int i = 0; i < z.length; i++) {
                int label = argMax(y[i]);
                lossSum += crossEntropy(z[i], label);
                if (argMax(z[i]) == label) correct++;
            }
        }
        return new Scores(lossSum / n, 100.0 * correct / n);
    }

    /** The output layer's pre-softmax activations z = hW + b for these inputs. */
    static INDArray logits(MultiLayerNetwork net, INDArray x) {
        int out = net.getnLayers() - 1;
        Layer layer = net.getLayer(out);
        if (!(layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer o)
                || !(o.getActivationFn() instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("logits need a softmax output layer, got " + layer.conf().getLayer());
        }
        INDArray h = x;
        if (out > 0) {
            List<INDArray> activations = net.feedForwardToLayer(out - 1, x, false);
            h = activations.get(activations.size() - 1);
        }
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(out);
        if (pre != null) h = pre.preProcess(h, (int) h.size(0), LayerWorkspaceMgr.noWorkspaces());
        INDArray z = h.mmul(layer.getParam("W"));
        return o.hasBias() ? z.addiRowVector(layer.getParam("b")) : z;
    }

    /**
     * −log softmax(z)[label], computed as PyTorch's CPU log-softmax does, in float32:
     * (z_label − max) − log Σ exp(z − max). It stays finite for any finite logits, and it is
     * exactly 0 where PyTorch's is (a correct prediction by a gap past ~17).
     */
    static float crossEntropy(float[] z, int label) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) max = Math.max(max, v);
        float sum = 0f;
        for (float v : z) sum += (float) Math.exp(v - max);
        return -((z[label] - max) - (float) Math.log(sum));
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) best = i;
        }
        return best;
    }
}
