package nnlab.kernel.train;

import java.util.Locale;

/**
 * What a study does with the loop's results: turn them into metric events, table rows and
 * figures. Only {@link #epochDone} is required, so a lambda will do; the progress lines have
 * defaults a study can replace with its own.
 */
@FunctionalInterface
public interface TrainingListener<V extends Validation> {

    /** After every epoch's validation (after its last batch when the training does not validate). */
    void epochDone(EpochResult<V> epoch);

    /** After every batch, before its progress is reported. */
    default void batchDone(BatchResult batch) { }

    /** The progress line after an epoch, e.g. "epoch 3/10: train loss 0.4120, val loss 0.5231 (1.20 s/epoch)". */
    default String epochMessage(EpochResult<V> e) {
        String val = e.validation() == null ? "" : String.format(Locale.ROOT, ", val loss %.4f", e.validation().loss());
        String train = Double.isNaN(e.trainLoss()) ? "untrained" : String.format(Locale.ROOT, "train loss %.4f", e.trainLoss());
        return String.format(Locale.ROOT, "epoch %d/%d: %s%s (%.2f s/epoch)", e.epoch(), e.maxEpochs(), train, val, e.seconds());
    }

    /** The progress line after a batch (per-batch progress only). */
    default String batchMessage(BatchResult b) {
        return String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d: loss %.4f", b.epoch(), b.maxEpochs(), b.batch(), b.batches(), b.loss());
    }

    /**
     * The progress line that ends the training, reported with the units an early stop skipped. With
     * null (the default) a training that ran all its epochs reports nothing more.
     */
    default String finishMessage(TrainingOutcome<V> outcome) {
        return null;
    }
}
