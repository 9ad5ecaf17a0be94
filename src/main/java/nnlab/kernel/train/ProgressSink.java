package nnlab.kernel.train;

/** Where a training reports how far it got, in units of work just done (epochs, or samples). */
@FunctionalInterface
public interface ProgressSink {

    /** {@code units} more units are done; {@code message} says what (shown next to the bar). */
    void advance(double units, String message);
}
