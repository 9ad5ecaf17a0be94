package nnlab.plugintest;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import nnlab.cli.CommandProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** A test-only top-level command, registered only by src/test/resources/META-INF/services/nnlab.cli.CommandProvider. */
public final class EchoCommandProvider implements CommandProvider {
    @Override
    public String name() {
        return "shout";
    }

    @Override
    public CommandLine command(PrintStream out, PrintStream err) {
        return new CommandLine(new Shout(out));
    }

    @Command(description = "Prints its words in capitals (a test plug-in command).")
    static final class Shout implements Callable<Integer> {
        private final PrintStream out;
        @Parameters(arity = "1..*", paramLabel = "WORD")
        java.util.List<String> words;

        Shout(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            out.println(String.join(" ", words).toUpperCase(java.util.Locale.ROOT));
            return 0;
        }
    }
}
