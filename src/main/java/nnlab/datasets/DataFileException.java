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

    public Path file() { return file; }
}
