package nnlab.pairs;

import java.util.SplittableRandom;
import nnlab.datasets.ImageSet;
import nnlab.kernel.train.MultiLayerTrainable;
import nnlab.kernel.train.ProgressSink;
import nnlab.kernel.train.Trainable;
import nnlab.kernel.train.TrainingListener;
import nnlab.kernel.train.TrainingLoop;
import nnlab.kernel.train.TrainingOptions;
import nnlab.kernel.train.TrainingOutcome;
import nnlab.kernel.train.Validation;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training and scoring of one model on pair sets. Positive and negative pairs are scored apart:
 * a model that answers "same pair" to everything is right on every positive pair and 50 %
 * overall, which only the two separate accuracies reveal.
 */
public final class PairTraining {
    static final int EVAL_CHUNK = 500;

    private PairTraining() { }

    /** Mean cross-entropy and accuracies in %, overall and on positive and negative pairs. */
    public record PairScores(double loss, double accuracy, double positiveAccuracy, double negativeAccuracy) implements Validation { }

    /** Scores plus each pair's predicted label. */
    public record Evaluation(PairScores scores, int[] predicted) { }

    public static Evaluation evaluate(MultiLayerNetwork net, PairData.PairSet set, PairModel m) {
        int n = set.size();
        int[] predicted = new int[n];
        double lossSum = 0;
        for (int from = 0; from < n; from += EVAL_CHUNK) {
            int to = Math.min(n, from + EVAL_CHUNK);
            INDArray p = net.output(set.features(ImageSet.range(from, to), m), false);
            float[] probs = p.dup('c').data().asFloat();
            for (int i = from; i < to; i++) {
                float pDifferent = probs[2 * (i - from)];
                float pSame = probs[2 * (i - from) + 1];
                predicted[i] = pSame > pDifferent ? 1 : 0;
                // Clamp so one confident mistake gives a large finite loss rather than infinity.
                lossSum -= Math.log(Math.max(1e-30, set.labels()[i] == 1 ? pSame : pDifferent));
            }
        }
        return new Evaluation(scores(lossSum / n, predicted, set.labels()), predicted);
    }

    static PairScores scores(double loss, int[] predicted, int[] labels) {
        int[] right = new int[2];
        int[] count = new int[2];
        for (int i = 0; i < labels.length; i++) {
            count[labels[i]]++;
            if (predicted[i] == labels[i]) right[labels[i]]++;
        }
        return new PairScores(loss, 100.0 * (right[0] + right[1]) / labels.length, percent(right[1], count[1]),
                percent(right[0], count[0]));
    }

    private static double percent(int right, int count) {
        return count == 0 ? Double.NaN : 100.0 * right / count;
    }

    /**
     * Trains with a fresh seeded shuffle each epoch, validates after every epoch and keeps the
     * weights of the epoch with the lowest validation loss. Progress counts trained pairs.
     */
    public static TrainingOutcome<PairScores> train(MultiLayerNetwork net, PairModel m, PairData.PairSet train, PairData.PairSet val,
                                                    int epochs, int batchSize, long seed, String where,
                                                    TrainingListener<PairScores> listener, Runnable cancel, ProgressSink progress) {
        SplittableRandom order = new SplittableRandom(seed);
        MultiLayerTrainable.Samples shuffled = new MultiLayerTrainable.Samples() {
            private int[] perm;

            @Override public int size() { return train.size(); }

            @Override public void beginEpoch(int epoch) { perm = ImageSet.permutation(train.size(), order); }

            @Override
            public MultiLayerTrainable.Batch batch(int from, int to) {
                int[] idx = java.util.Arrays.copyOfRange(perm, from, to);
                return new MultiLayerTrainable.Batch(train.features(idx, m), train.oneHot(idx));
            }
        };
        MultiLayerTrainable fit = new MultiLayerTrainable(net, shuffled, null, batchSize);
        Trainable<PairScores> model = new Trainable<>() {
            @Override public void beginEpoch(int epoch) { fit.beginEpoch(epoch); }
            @Override public int batches() { return fit.batches(); }
            @Override public int samples(int index) { return fit.samples(index); }
            @Override public double fitBatch(int index) { return fit.fitBatch(index); }
            @Override public PairScores validate() { return evaluate(net, val, m).scores(); }
            @Override public Snapshot snapshot() { return fit.snapshot(); }
        };
        TrainingOptions options = TrainingOptions.epochs(epochs).keepBestWeights().where(where).cancel(cancel).progressPerBatch(progress);
        return TrainingLoop.run(model, options, listener);
    }

}
