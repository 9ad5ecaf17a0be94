package nnlab.kernel.run;

/** Training produced a NaN or infinite loss; the message says where ("at round 3, epoch 12"). */
public class DivergedException extends RuntimeException {
    public DivergedException(String message) {
        super(message);
    }

    /** Throws if the value is NaN or infinite. */
    public static void check(double loss, String where) {
        if (!Double.isFinite(loss)) {
            throw new DivergedException("diverged " + where + " (loss " + loss + ")");
        }
    }
}
