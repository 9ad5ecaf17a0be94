package nnlab.kernel.train;

import java.util.Objects;

/**
 * How {@link TrainingLoop} trains: immutable, built from {@link #epochs(int)} and the withers.
 * By default every epoch is validated, nothing stops early, the last weights stay, nothing checks
 * for a cancel and progress goes nowhere.
 *
 * @param patience       epochs in a row without a lower validation loss that are still tolerated,
 *                       or {@link #NO_EARLY_STOPPING}
 * @param where          names the training in divergence messages, e.g. "at Net1 valid round 2"
 * @param cancel         run between batches; throws to stop, e.g. {@code ctx::checkCancelled}
 * @param progressEvery  whether progress is reported per epoch (one unit each) or per batch (one unit per sample)
 */
public record TrainingOptions(int maxEpochs, int patience, boolean keepsBestWeights, boolean validates, boolean validatesBeforeTraining,
                              String where, Runnable cancel, ProgressSink progress, ProgressStep progressEvery) {

    public static final int NO_EARLY_STOPPING = -1;

    /** The step after which progress is reported. */
    public enum ProgressStep {
        /** One unit per epoch (counting the untrained epoch 0 when it is validated). */
        EPOCH,
        /** One unit per trained sample, after every batch. */
        BATCH
    }

    public TrainingOptions {
        if (maxEpochs < 0) throw new IllegalArgumentException("maxEpochs must be ≥ 0, got " + maxEpochs);
        if (patience < NO_EARLY_STOPPING) throw new IllegalArgumentException("patience must be ≥ 0, got " + patience);
        if (!validates && (patience != NO_EARLY_STOPPING || keepsBestWeights || validatesBeforeTraining)) {
            throw new IllegalArgumentException("early stopping, best weights and epoch 0 need validation");
        }
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(progressEvery, "progressEvery");
    }

    public static TrainingOptions epochs(int maxEpochs) {
        return new TrainingOptions(maxEpochs, NO_EARLY_STOPPING, false, true, false, "", () -> { }, null, ProgressStep.EPOCH);
    }

    /**
     * Stops once the validation loss has not improved for more than {@code patience} epochs in a
     * row: with patience 2 the third epoch in a row without a new lowest loss is the last.
     */
    public TrainingOptions earlyStopping(int patience) {
        if (patience < 0) throw new IllegalArgumentException("patience must be ≥ 0, got " + patience);
        return new TrainingOptions(maxEpochs, patience, keepsBestWeights, validates, validatesBeforeTraining, where, cancel, progress,
                progressEvery);
    }

    /** After training, puts back the weights of the epoch with the lowest validation loss. */
    public TrainingOptions keepBestWeights() {
        return new TrainingOptions(maxEpochs, patience, true, validates, validatesBeforeTraining, where, cancel, progress, progressEvery);
    }

    /** Trains only: {@link Trainable#validate()} is never called. */
    public TrainingOptions withoutValidation() {
        return new TrainingOptions(maxEpochs, patience, keepsBestWeights, false, validatesBeforeTraining, where, cancel, progress,
                progressEvery);
    }

    /** Validates the untrained model too and reports it as epoch 0 (it takes no part in early stopping). */
    public TrainingOptions validateBeforeTraining() {
        return new TrainingOptions(maxEpochs, patience, keepsBestWeights, validates, true, where, cancel, progress, progressEvery);
    }

    public TrainingOptions where(String where) {
        return new TrainingOptions(maxEpochs, patience, keepsBestWeights, validates, validatesBeforeTraining, where, cancel, progress,
                progressEvery);
    }

    public TrainingOptions cancel(Runnable cancel) {
        return new TrainingOptions(maxEpochs, patience, keepsBestWeights, validates, validatesBeforeTraining, where, cancel, progress,
                progressEvery);
    }

    /** Reports one unit per epoch to {@code sink} (null: no progress). */
    public TrainingOptions progressPerEpoch(ProgressSink sink) {
        return new TrainingOptions(maxEpochs, patience, keepsBestWeights, validates, validatesBeforeTraining, where, cancel, sink,
                ProgressStep.EPOCH);
    }

    /** Reports after every batch to {@code sink}, one unit per sample trained (null: no progress). */
    public TrainingOptions progressPerBatch(ProgressSink sink) {
        return new TrainingOptions(maxEpochs, patience, keepsBestWeights, validates, validatesBeforeTraining, where, cancel, sink,
                ProgressStep.BATCH);
    }

    public boolean stopsEarly() {
        return patience != NO_EARLY_STOPPING;
    }
}
