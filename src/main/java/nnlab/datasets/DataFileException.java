package nnlab.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that is missing, corrupt or truncated; the message names the file and the problem. */
public final class DataFileException extends IOException {
    private final Path file;

    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() { return file; }
}
