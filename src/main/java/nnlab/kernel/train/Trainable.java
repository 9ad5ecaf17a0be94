package nnlab.kernel.train;

/**
 * A study's model and data as {@link TrainingLoop} drives them: an epoch is {@link #batches()}
 * calls of {@link #fitBatch}, then (if the options ask for it) one {@link #validate()}.
 * Implementations hold the batch order; the loop only counts.
 *
 * @param <V> what validation measures
 */
public interface Trainable<V extends Validation> {

    /** Called before the first batch of every epoch (1, 2, …), e.g. to draw a fresh shuffle. */
    default void beginEpoch(int epoch) { }

    /** Batches in the current epoch. */
    int batches();

    /** Samples in batch {@code index} (0-based) of the current epoch: the unit of per-batch progress. */
    default int samples(int index) {
        return 1;
    }

    /** Trains on batch {@code index} (0-based) of the current epoch and returns its data loss (no regularisation term). */
    double fitBatch(int index);

    /** Measures the current weights on the validation data. */
    V validate();

    /** A copy of the current weights that can put them back later; needed only to keep the best weights. */
    default Snapshot snapshot() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot keep its best weights");
    }

    /** Weights saved by {@link #snapshot()}. */
    @FunctionalInterface
    interface Snapshot {
        /** Puts the saved weights back into the model. */
        void restore();
    }
}
