package nnlab.padding;

import nnlab.kernel.train.MultiLayerTrainable;
import nnlab.kernel.train.ProgressSink;
import nnlab.kernel.train.Scores;
import nnlab.kernel.train.Trainable;
import nnlab.kernel.train.TrainingListener;
import nnlab.kernel.train.TrainingLoop;
import nnlab.kernel.train.TrainingOptions;
import nnlab.kernel.train.TrainingOutcome;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Trains one round of one variant exactly as the published study does: fixed batch order,
 * validation after every epoch (cross-entropy from the logits, as PyTorch computes it), keep the weights with the lowest validation loss, stop once the
 * validation loss has not improved for more than {@code patience} consecutive epochs; then
 * evaluate the kept weights on the test set.
 */
public final class VariantTrainer {

    public record RoundResult(double lastValAccuracy, double testAccuracy, double bestValLoss, int epochsRun, double seconds) { }

    private final int maxEpochs;
    private final int patience;
    private final int batchSize;

    public VariantTrainer(int maxEpochs, int patience, int batchSize) {
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.batchSize = batchSize;
    }

    /**
     * @param where    names the round in divergence messages, e.g. "at Net1 valid round 2"
     * @param cancel   checked before every batch, e.g. {@code ctx::checkCancelled}
     * @param progress gets one unit per epoch (an early stop adds the epochs it skipped); null for none
     */
    public RoundResult train(MultiLayerNetwork net, BoxDataset train, BoxDataset val, BoxDataset test, String where,
                             TrainingListener<Scores> listener, Runnable cancel, ProgressSink progress) {
        long start = System.nanoTime();
        LogitScores scores = new LogitScores(net);
        Trainable<Scores> model = new LogitValidated(new MultiLayerTrainable(net,
                MultiLayerTrainable.inOrder(train.features(), train.labels()), null, batchSize), scores, val);
        TrainingOptions options = TrainingOptions.epochs(maxEpochs).earlyStopping(patience).keepBestWeights().where(where).cancel(cancel)
                .progressPerEpoch(progress);
        TrainingOutcome<Scores> r = TrainingLoop.run(model, options, listener);
        Scores t = scores.evaluate(test.features(), test.labels(), batchSize);
        double bestLoss = r.best() == null ? Double.POSITIVE_INFINITY : r.best().loss();
        double lastAccuracy = r.last() == null ? 0 : r.last().accuracy();
        return new RoundResult(lastAccuracy, t.accuracy(), bestLoss, r.epochsRun(), (System.nanoTime() - start) / 1e9);
    }

    /** Mean cross-entropy (from the logits, as PyTorch's) and accuracy (in %), evaluated in training-sized batches. */
    public Scores evaluate(MultiLayerNetwork net, BoxDataset data) {
        return new LogitScores(net).evaluate(data.features(), data.labels(), batchSize);
    }

    /** The kernel's DL4J trainable, validated by {@link LogitScores} instead of the log of the softmax output. */
    private final class LogitValidated implements Trainable<Scores> {
        private final MultiLayerTrainable training;
        private final LogitScores scores;
        private final BoxDataset validation;

        LogitValidated(MultiLayerTrainable training, LogitScores scores, BoxDataset validation) {
            this.training = training;
            this.scores = scores;
            this.validation = validation;
        }

        @Override public void beginEpoch(int epoch) { training.beginEpoch(epoch); }
        @Override public int batches() { return training.batches(); }
        @Override public int samples(int index) { return training.samples(index); }
        @Override public double fitBatch(int index) { return training.fitBatch(index); }
        @Override public Scores validate() { return scores.evaluate(validation.features(), validation.labels(), batchSize); }
        @Override public Snapshot snapshot() { return training.snapshot(); }
    }
}
