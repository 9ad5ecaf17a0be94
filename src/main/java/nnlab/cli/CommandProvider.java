package nnlab.cli;

import java.io.PrintStream;
import picocli.CommandLine;

/**
 * A top-level command a plug-in adds to {@code nnlab} (e.g. an experiment's {@code sample}), found with
 * {@link java.util.ServiceLoader} through {@code META-INF/services/nnlab.cli.CommandProvider}, so the
 * command line gains it without this package naming the plug-in.
 */
public interface CommandProvider {
    /** The command's name on the command line; must not clash with list, run, bench or help. */
    String name();

    /** A fresh picocli command; it prints to {@code out}, its messages and errors to {@code err}. */
    CommandLine command(PrintStream out, PrintStream err);
}
