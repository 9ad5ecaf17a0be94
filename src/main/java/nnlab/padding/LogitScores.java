package nnlab.padding;

import nnlab.kernel.train.Scores;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
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
    /** The same layers and parameters with an identity output: its output is the logits. */
    private final MultiLayerNetwork logitNet;

    /**
     * The twin shares the network's parameter array, so it follows every training step and every
     * restore of kept weights. Its output runs in DL4J's inference workspaces like the network's
     * own: taking the last hidden activations with feedForwardToLayer instead allocated fresh
     * off-heap arrays for every layer, 300 MB per evaluation, faster than the GC freed them.
     */
    LogitScores(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        int out = conf.getConfs().size() - 1;
        if (!(conf.getConf(out).getLayer() instanceof BaseOutputLayer o) || !(o.getActivationFn() instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("logits need a softmax output layer, got " + conf.getConf(out).getLayer());
        }
        o.setActivationFn(new ActivationIdentity());
        logitNet = new MultiLayerNetwork(conf);
        logitNet.init(net.params(), false);
    }

    /** Mean cross-entropy and accuracy (%) over one-hot labels, {@code chunk} samples at a time. */
    Scores evaluate(INDArray features, INDArray labels, int chunk) {
        int n = (int) features.size(0);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            float[][] z = logits(features.get(NDArrayIndex.interval(from, to))).toFloatMatrix();
            float[][] y = labels.get(NDArrayIndex.interval(from, to)).castTo(DataType.FLOAT).toFloatMatrix();
            for (int i = 0; i < z.length; i++) {
                int label = argMax(y[i]);
                lossSum += crossEntropy(z[i], label);
                if (argMax(z[i]) == label) correct++;
            }
        }
        return new Scores(lossSum / n, 100.0 * correct / n);
    }

    /** The output layer's pre-softmax activations for these inputs. */
    INDArray logits(INDArray x) {
        return logitNet.output(x, false).castTo(DataType.FLOAT);
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
