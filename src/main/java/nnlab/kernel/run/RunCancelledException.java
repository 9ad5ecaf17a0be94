package nnlab.kernel.run;

/** Thrown from {@link RunContext#checkCancelled()} to unwind a cancelled run. */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException() {
        super("cancelled", null, false, false);
    }
}
