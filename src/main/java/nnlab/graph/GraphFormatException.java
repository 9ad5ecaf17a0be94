package nnlab.graph;

import java.nio.file.Path;

/** A graph file that cannot be read; the message names the file, the line (1-based) and why. */
public class GraphFormatException extends RuntimeException implements nnlab.kernel.run.ExpectedDataError {
    private final Path file;
    private final int line;

    public GraphFormatException(Path file, int line, String reason) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }

    /** 0 when the problem is with the file as a whole (missing, empty). */
    public int line() { return line; }
}
