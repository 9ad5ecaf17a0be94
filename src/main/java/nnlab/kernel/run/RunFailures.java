package nnlab.kernel.run;

import java.nio.file.FileSystemException;

/**
 * Tells a run's expected failures (bad input, explained by their message) from bugs (worth a
 * stack trace on the terminal), and finds the message that explains either.
 */
public final class RunFailures {
    private RunFailures() { }

    /**
     * The cause that makes {@code e} expected, or null: an {@link ExpectedDataError} anywhere in
     * the cause chain (experiments may wrap it in an unchecked exception), or a file-system error
     * that names its file (no such file, access denied).
     */
    public static Throwable expectedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExpectedDataError) return t;
            if (t instanceof FileSystemException fs && fs.getFile() != null) return t;
        }
        return null;
    }

    public static boolean isExpected(Throwable e) {
        return expectedCause(e) != null;
    }

    /**
     * The message a user reads: an {@link ExpectedDataError}'s own message (an experiment's
     * wrapper adds only its class name), else the exception's (whose wrappers, e.g. "could not
     * create the runs folder", say more than their causes).
     */
    public static String describe(Throwable e) {
        Throwable shown = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExpectedDataError) {
                shown = t;
                break;
            }
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    }
}
