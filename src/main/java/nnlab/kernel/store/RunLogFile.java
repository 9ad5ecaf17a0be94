package nnlab.kernel.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * run.log in a run folder: the run's log lines, its final status and, when it failed, the stack
 * trace, so a bug report has it even though the terminal and the app show only the message.
 * Best effort: a log that cannot be written never fails the run (the run's own files say more).
 */
public final class RunLogFile implements AutoCloseable {
    public static final String FILE_NAME = "run.log";

    private BufferedWriter out;

    private RunLogFile(BufferedWriter out) {
        this.out = out;
    }

    /** Opens (appends to) run.log in the folder; a log that cannot be opened writes nothing. */
    public static RunLogFile open(Path folder) {
        try {
            return new RunLogFile(Files.newBufferedWriter(folder.resolve(FILE_NAME), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException | RuntimeException e) {
            return new RunLogFile(null);
        }
    }

    public synchronized void line(String text) {
        if (out == null) return;
        try {
            out.write(text);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            closeQuietly();
        }
    }

    /** The whole trace, cause chain included. */
    public void trace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        line(text.toString().stripTrailing());
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing more to save
        }
        out = null;
    }
}
