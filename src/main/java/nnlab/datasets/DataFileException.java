package nnlab.datasets;

import java.io.IOException;
import java.nio.file.Path;
import nnlab.kernel.run.ExpectedDataError;

/**
 * A data file that is missing, corrupt or truncated; the message names the file and the problem.
 * An expected error: a run it ends reports the message, not a stack trace.
 */
public final class DataFileException extends IOException implements ExpectedDataError {
    private final Path file;

    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    private DataFileException(String message) {
        super(message);
        this.file = null;
    }

    /** A problem found before any file could be named (no data folder given, say); the message says what to set. */
    public static DataFileException withoutFile(String message) {
        return new DataFileException(message);
    }

    /** The file concerned, or null for {@link #withoutFile}. */
    public Path file() { return file; }
}
