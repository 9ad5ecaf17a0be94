package nnlab.kernel.train;

/**
 * One finished epoch. Epoch 0 is the untrained model (only with
 * {@link TrainingOptions#validateBeforeTraining()}): its train loss is NaN.
 *
 * @param trainLoss  mean data loss of the epoch's batches
 * @param validation what validation measured; null when the training does not validate
 * @param improved   the validation loss is the lowest so far (never for epoch 0)
 * @param seconds    from the epoch's first batch to the end of its validation
 */
public record EpochResult<V extends Validation>(int epoch, int maxEpochs, double trainLoss, V validation, boolean improved,
                                                double seconds) { }
