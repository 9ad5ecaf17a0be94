package nnlab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Keeps library chatter off the terminal. SameDiff 1.0.0-M2.1 prints "Added differentiated op …"
 * with System.out.println (not through a logger, so no logging setting silences it) for every op
 * each time it builds a gradient: hundreds of lines per model. Only whole lines that start with
 * such a known prefix are dropped; everything else passes unchanged.
 */
public final class QuietConsole {
    /** Lines printed by libraries that tell a user nothing. */
    static final List<String> NOISE = List.of("Added differentiated op ");

    private static boolean installed;
    /**
     * JavaFX warns on every start that it was loaded from the class path ("Unsupported JavaFX
     * configuration"), which is how NN Lab runs by design. It logs that through its logger
     * "javafx" (PlatformImpl calls Logging.getJavaFXLogger()), not one named after the class:
     * a level on "com.sun.javafx.application.PlatformImpl" left the two lines on the terminal.
     * Only that message is dropped; CSS and other JavaFX warnings still show. Held here:
     * java.util.logging keeps loggers weakly, and a collected logger forgets its filter.
     */
    static final java.util.logging.Logger JAVAFX = java.util.logging.Logger.getLogger("javafx");
    static final String JAVAFX_CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    private QuietConsole() { }

    /** Replaces System.out with a filtering stream and quietens JavaFX's start-up warning (once). */
    public static synchronized void install() {
        if (installed) return;
        installed = true;
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(JAVAFX_CLASS_PATH_WARNING));
        // The encoding the JVM gave System.out (Java 17 has no PrintStream.charset()).
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : Charset.defaultCharset();
        System.setOut(new PrintStream(new LineFilter(System.out), true, charset));
    }

    /** True for a line (without its line break) the console drops. */
    static boolean isNoise(String line) {
        for (String prefix : NOISE) if (line.startsWith(prefix)) return true;
        return false;
    }

    /** Holds each line until its end (or a flush that cannot be noise) and passes on all but noise. */
    static final class LineFilter extends FilterOutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(OutputStream out) {
            super(out);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') endLine();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) write(b[i]);
        }

        private void endLine() throws IOException {
            String text = line.toString(java.nio.charset.StandardCharsets.ISO_8859_1).stripTrailing();
            if (!isNoise(text)) line.writeTo(out);
            line.reset();
        }

        /** A partial line is passed on unless it could still become noise (e.g. a prompt without a line break). */
        @Override
        public synchronized void flush() throws IOException {
            String text = line.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            boolean couldBeNoise = NOISE.stream().anyMatch(p -> p.startsWith(text) || text.startsWith(p));
            if (!couldBeNoise) {
                line.writeTo(out);
                line.reset();
            }
            out.flush();
        }
    }
}
