package nnlab.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nnlab.kernel.run.Experiment;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nnlab list}: one line per experiment, its id first. */
final class ListCommand implements Callable<Integer> {
    private final List<Experiment> experiments;
    private final PrintStream out;

    private ListCommand(List<Experiment> experiments, PrintStream out) {
        this.experiments = experiments;
        this.out = out;
    }

    static CommandSpec spec(List<Experiment> experiments, PrintStream out) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new ListCommand(experiments, out)).name("list");
        spec.usageMessage().description("Lists the experiments: id, title and what each shows.");
        return spec;
    }

    @Override
    public Integer call() {
        for (Experiment e : experiments) {
            out.printf(Locale.ROOT, "%-14s %s — %s%n", e.id(), e.title(), e.description());
        }
        return Cli.OK;
    }
}
