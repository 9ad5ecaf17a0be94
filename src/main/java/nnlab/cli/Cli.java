package nnlab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import nnlab.kernel.Plugins;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.bench.BenchCommand;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunFailures;
import nnlab.kernel.store.RunStore;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The headless command line: {@code nnlab list}, {@code nnlab run ID ...}, {@code nnlab bench ...}
 * on picocli. Exit codes: 0 finished, 1 the run failed, diverged or was cancelled, 2 bad usage
 * (unknown command or option, bad value), with a message naming it.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int USAGE = 2;

    private Cli() { }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = commandLine(experiments(), out, err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The one place the command line learns which experiments exist. */
    private static List<Experiment> experiments() {
        return ExperimentCatalog.all();
    }

    static CommandLine commandLine(List<Experiment> experiments, PrintStream out, PrintStream err) {
        Top usage = new Top();
        CommandSpec top = CommandSpec.wrapWithoutInspection(usage).name("nnlab")
                .mixinStandardHelpOptions(true).version(version());
        top.usageMessage()
                .description("NN Lab — classic deep-learning experiments, live.",
                        "Without a command, java -jar nnlab.jar opens the app.")
                .footerHeading("%n")
                .footer("'nnlab run ID --help' lists an experiment's settings with their defaults. --settings FILE starts "
                        + "from a saved settings file (a run's config.json works too); options given on the command line "
                        + "override it.",
                        SettingsOptions.literal("Every run is also saved under the runs folder (" + RunStore.defaultStore().root()
                                + "; change it with --runs-dir, -Dnnlab.runs.dir or $NNLAB_RUNS_DIR)."));
        CommandLine commandLine = new CommandLine(top);
        usage.commandLine = commandLine;
        commandLine.addSubcommand("list", withHelp(ListCommand.spec(experiments, out)));
        commandLine.addSubcommand("run", withHelp(RunCommand.spec(experiments, err)));
        for (CommandLine experiment : commandLine.getSubcommands().get("run").getSubcommands().values()) {
            withHelp(experiment.getCommandSpec());
        }
        CommandLine bench = new CommandLine(new BenchCommand(out, err));
        withHelp(bench.getCommandSpec());
        commandLine.addSubcommand("bench", bench);
        commandLine.addSubcommand("merge", withHelp(new CommandLine(new MergeCommand(experiments, err)).getCommandSpec()));
        commandLine.addSubcommand("sweep", withHelp(new CommandLine(new SweepCommand(experiments, out, err)).getCommandSpec()));
        for (CommandProvider provider : Plugins.load(CommandProvider.class)) {
            if (commandLine.getSubcommands().containsKey(provider.name())) {
                err.println("nnlab: the command '" + provider.name() + "' of " + provider.getClass().getName() + " clashes with another; skipped");
                continue;
            }
            CommandLine added = provider.command(out, err);
            withHelp(added.getCommandSpec());
            commandLine.addSubcommand(provider.name(), added);
        }
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        commandLine.setOut(writer(out)).setErr(writer(err)).setExpandAtFiles(false)
                .setParameterExceptionHandler((e, args) -> usageError(e, experiments, err))
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    // Bad input (a corrupt data file) is explained by its message; anything else may be a bug worth its trace.
                    if (RunFailures.isExpected(e)) err.println(cl.getCommandSpec().qualifiedName() + ": " + RunFailures.describe(e));
                    else e.printStackTrace(err);
                    return RUN_FAILED;
                });
        return commandLine;
    }

    private static CommandSpec withHelp(CommandSpec spec) {
        return spec.mixinStandardHelpOptions(true).version(version());
    }

    /** picocli stops at the first error of this kind: an unknown command or experiment, a missing value. */
    private static int usageError(ParameterException e, List<Experiment> experiments, PrintStream err) {
        CommandSpec where = e.getCommandLine().getCommandSpec();
        String message;
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            Object command = where.userObject();
            if (first.startsWith("-")) {
                List<String> similar = u.getSuggestions();
                message = "unknown option '" + first + "' (" + (similar.isEmpty() ? "" : "did you mean " + String.join(" or ", similar) + "? ")
                        + "see " + where.qualifiedName() + " --help)";
            } else if (command instanceof Top) {
                message = "unknown command '" + first + "' (expected " + String.join(", ", commandNames(e.getCommandLine())) + "; see --help)";
            } else if (command instanceof RunCommand) {
                message = "unknown experiment '" + first + "' (one of " + RunCommand.ids(experiments) + ")";
            } else {
                message = "unexpected argument '" + first + "' (see " + where.qualifiedName() + " --help)";
            }
        } else {
            message = SettingsOptions.problem(e).getMessage();
        }
        err.println(where.qualifiedName() + ": " + message);
        return USAGE;
    }

    private static List<String> commandNames(CommandLine top) {
        return top.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    }

    static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return "NN Lab " + (v == null ? "(development build)" : v);
    }

    /** Writes through to the stream, so picocli's help uses the stream's own encoding. */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                stream.print(new String(chars, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }

    /** {@code nnlab} without a command (the app opens only with no arguments at all): the help. */
    private static final class Top implements Callable<Integer> {
        private CommandLine commandLine;

        @Override
        public Integer call() {
            commandLine.usage(commandLine.getOut());
            return OK;
        }
    }
}
