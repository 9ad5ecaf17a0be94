package nnlab.kernel.train;

/**
 * What one validation pass measured. {@link #loss()} is the value early stopping watches; a study
 * returns its own record when it measures more (accuracies, losses on other node sets).
 */
public interface Validation {

    /** The watched loss: lower is better. */
    double loss();

    /** Every loss the loop must find finite, else the training diverged; the watched loss by default. */
    default double[] checkedLosses() {
        return new double[] {loss()};
    }
}
