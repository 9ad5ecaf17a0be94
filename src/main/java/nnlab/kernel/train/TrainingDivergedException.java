package nnlab.kernel.train;

import java.util.OptionalInt;
import nnlab.kernel.run.DivergedException;

/**
 * A loss became NaN or infinite, with where: the training ({@code where}, e.g. "at Net1 valid
 * round 2"), the epoch, and the batch or else the validation.
 */
public final class TrainingDivergedException extends DivergedException {
    private final String where;
    private final int epoch;
    private final int batch;
    private final double loss;

    private TrainingDivergedException(String where, int epoch, int batch, int batches, double loss) {
        super("diverged " + place(where, epoch, batch, batches) + " (loss " + loss + ")");
        this.where = where;
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
    }

    static void checkBatch(double loss, String where, int epoch, int batch, int batches) {
        if (!Double.isFinite(loss)) throw new TrainingDivergedException(where, epoch, batch, batches, loss);
    }

    static void checkValidation(double loss, String where, int epoch) {
        if (!Double.isFinite(loss)) throw new TrainingDivergedException(where, epoch, 0, 0, loss);
    }

    /** E.g. "at Net1 valid round 2, epoch 3, batch 7" or "…, epoch 3, validation"; a one-batch epoch names no batch. */
    private static String place(String where, int epoch, int batch, int batches) {
        String step = batch == 0 ? ", validation" : batches > 1 ? ", batch " + batch : "";
        return (where.isEmpty() ? "" : where + ", ") + "epoch " + epoch + step;
    }

    /** The training's own description, as given in {@link TrainingOptions#where(String)}. */
    public String where() {
        return where;
    }

    public int epoch() {
        return epoch;
    }

    /** The batch (from 1) whose loss diverged; empty when the validation loss did. */
    public OptionalInt batch() {
        return batch == 0 ? OptionalInt.empty() : OptionalInt.of(batch);
    }

    public double loss() {
        return loss;
    }
}
