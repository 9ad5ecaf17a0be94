package nnlab.padding;

import nnlab.kernel.run.DivergedException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Trains one round of one variant exactly as the published study does: fixed batch order,
 * validation after every epoch, keep the weights with the lowest validation loss, stop once the
 * validation loss has not improved for more than {@code patience} consecutive epochs; then
 * evaluate the kept weights on the test set.
 */
public final class VariantTrainer {

    /** Called after every epoch; returning normally continues training. */
    public interface EpochObserver {
        void epochDone(int epoch, double trainLoss, double valLoss, double valAccuracy, double seconds);
    }

    /** Checked between batches so a cancel takes effect within one batch. */
    public interface CancelCheck {
        void check();
    }

    public record RoundResult(double lastValAccuracy, double testAccuracy, double bestValLoss, int epochsRun, double seconds) { }

    /** Loss and accuracy (in %) of a network on a labelled set. */
    public record Evaluation(double loss, double accuracy) { }

    private final int maxEpochs;
    private final int patience;
    private final int batchSize;

    public VariantTrainer(int maxEpochs, int patience, int batchSize) {
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.batchSize = batchSize;
    }

    public RoundResult train(MultiLayerNetwork net, BoxDataset train, BoxDataset val, BoxDataset test, String where,
                             EpochObserver observer, CancelCheck cancel) {
        long start = System.nanoTime();
        int n = train.size();
        double best = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        INDArray bestParams = null;
        double lastValAccuracy = 0;
        int epoch = 0;
        while (epoch < maxEpochs) {
            long epochStart = System.nanoTime();
            epoch++;
            double lossSum = 0;
            int batches = 0;
            for (int from = 0; from < n; from += batchSize) {
                cancel.check();
                int to = Math.min(n, from + batchSize);
                INDArray x = train.features().get(NDArrayIndex.interval(from, to));
                INDArray y = train.labels().get(NDArrayIndex.interval(from, to));
                net.fit(x, y);
                // score() includes the L2 penalty; report the data loss alone, as PyTorch does.
                double loss = net.score() - net.calcRegularizationScore(true);
                DivergedException.check(loss, where + ", epoch " + epoch);
                lossSum += loss;
                batches++;
            }
            double trainLoss = lossSum / batches;
            cancel.check();
            Evaluation v = evaluate(net, val);
            DivergedException.check(v.loss(), where + ", epoch " + epoch);
            lastValAccuracy = v.accuracy();
            observer.epochDone(epoch, trainLoss, v.loss(), v.accuracy(), (System.nanoTime() - epochStart) / 1e9);
            if (v.loss() < best) {
                best = v.loss();
                sinceBest = 0;
                bestParams = net.params().dup();
            } else if (sinceBest < patience) {
                sinceBest++;
            } else {
                break;
            }
        }
        if (bestParams != null) net.setParams(bestParams);
        Evaluation t = evaluate(net, test);
        return new RoundResult(lastValAccuracy, t.accuracy(), best, epoch, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Mean cross-entropy and accuracy, evaluated in training-sized batches: 1000 images at once
     * make the first layer's activations (150 MB) overflow the caches and ran 1.8× slower per
     * image than batches of 200.
     */
    public Evaluation evaluate(MultiLayerNetwork net, BoxDataset data) {
        int n = data.size();
        int chunk = batchSize;
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            INDArray x = data.features().get(NDArrayIndex.interval(from, to));
            INDArray y = data.labels().get(NDArrayIndex.interval(from, to));
            INDArray p = net.output(x, false);
            // Clamp so one confident mistake gives a large finite loss rather than infinity.
            INDArray logP = Transforms.log(Transforms.max(p, 1e-30, true), false);
            lossSum -= logP.muli(y).sumNumber().doubleValue();
            correct += p.argMax(1).eq(y.argMax(1)).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        return new Evaluation(lossSum / n, 100.0 * correct / n);
    }
}
