package nnlab.kernel.train;

/**
 * How a training ended.
 *
 * @param epochsRun   epochs trained, counting the one that triggered an early stop
 * @param stoppedEarly the validation loss stopped improving before the last epoch
 * @param bestEpoch   the epoch with the lowest validation loss (0 when nothing was validated)
 * @param best        its validation, null when nothing was validated
 * @param last        the last epoch's validation, null when nothing was validated
 * @param epochs      every epoch's result in order, epoch 0 first when it was validated
 * @param seconds     the whole training
 */
public record TrainingOutcome<V extends Validation>(int epochsRun, boolean stoppedEarly, int bestEpoch, V best, V last,
                                                    java.util.List<EpochResult<V>> epochs, double seconds) {
    public TrainingOutcome {
        epochs = java.util.List.copyOf(epochs);
    }
}
