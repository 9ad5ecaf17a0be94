package nnlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuietConsoleTest {
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(new QuietConsole.LineFilter(sink), true, StandardCharsets.UTF_8);

    private String shown() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    /** The record JavaFX 21 writes on every class-path start, through its "javafx" logger, is dropped; its other warnings are kept. */
    @Test
    void javafxsClassPathWarningIsDroppedAndItsOtherWarningsKept() {
        QuietConsole.install();
        java.util.logging.Filter filter = java.util.logging.Logger.getLogger("javafx").getFilter();
        java.util.logging.Level warning = java.util.logging.Level.WARNING;
        assertEquals(false, filter.isLoggable(new java.util.logging.LogRecord(warning,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'")));
        assertEquals(true, filter.isLoggable(new java.util.logging.LogRecord(warning, "Could not resolve '-nn-accent' while resolving lookups")));
    }

    @Test
    void samediffsDifferentiatedOpLinesAreDroppedAndEverythingElseKept() {
        console.println("depth 2: val acc 69.2 %");
        for (int i = 0; i < 304; i++) console.println("Added differentiated op matmul_" + i);
        console.println("Added 3 layers (not SameDiff's wording)");
        console.println("π ≈ 3.14");
        assertEquals("depth 2: val acc 69.2 %\nAdded 3 layers (not SameDiff's wording)\nπ ≈ 3.14\n",
                shown().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aPromptWithoutLineBreakIsShownAtTheFlush() {
        console.print("Continue? ");
        console.flush();
        assertEquals("Continue? ", shown());
    }

    @Test
    void aNoiseLineWrittenInPiecesIsStillDropped() {
        console.print("Added diff");
        console.flush();
        console.print("erentiated op add\n");
        console.print("kept\n");
        assertEquals("kept\n", shown());
    }
}
