package nnlab.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;

/** Prints a run's log lines as they come and its progress at most once a second, to stderr. */
final class ProgressPrinter implements Consumer<RunEvent> {
    private final PrintStream err;
    private long lastPrint;

    ProgressPrinter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void accept(RunEvent event) {
        if (event instanceof RunEvent.Log log) {
            err.println(log.line());
        } else if (event instanceof RunEvent.Phase phase) {
            err.println("== " + phase.title());
        } else if (event instanceof RunEvent.Progress p) {
            long now = System.nanoTime();
            if (now - lastPrint > 1_000_000_000L || p.fraction() >= 1) {
                lastPrint = now;
                err.printf(Locale.ROOT, "%5.1f%%  ETA %-8s %s%n", 100 * p.fraction(), RunEngine.formatSeconds(p.etaSeconds()), p.message());
            }
        }
    }
}
