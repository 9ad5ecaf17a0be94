package nnlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.report.RunReport;
import nnlab.kernel.figure.FigureFormat;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.RunStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code nnlab run ID [options]}: one subcommand per experiment, whose options are that
 * experiment's settings, so that {@code run ID --help} is picocli's help for exactly those.
 */
final class RunCommand implements Callable<Integer> {
    /** Two lines, the second under the first's options: picocli does not wrap a custom synopsis well. */
    static String[] synopsis(String id) {
        String command = "nnlab run " + id + " ";
        return new String[] {command + "[--SETTING VALUE]... [--settings FILE]",
                " ".repeat("Usage: ".length() + command.length()) + "[--out DIR] [--force] [--format LIST] [--runs-dir DIR] [--report] [--shard i/n|auto]"};
    }

    private final List<Experiment> experiments;
    private final PrintStream err;

    private RunCommand(List<Experiment> experiments, PrintStream err) {
        this.experiments = experiments;
        this.err = err;
    }

    static CommandSpec spec(List<Experiment> experiments, PrintStream err) {
        CommandSpec run = CommandSpec.wrapWithoutInspection(new RunCommand(experiments, err)).name("run");
        run.usageMessage()
                .description("Runs an experiment without the window and saves it in the runs folder; "
                        + "progress goes to stderr. 'nnlab run ID --help' lists the experiment's settings.")
                .customSynopsis(synopsis("ID"))
                .commandListHeading("Experiments:%n");
        for (Experiment e : experiments) run.addSubcommand(e.id(), ExperimentRun.spec(e, err));
        return run;
    }

    /** Reached only without an experiment id: an unknown one is an unmatched argument. */
    @Override
    public Integer call() {
        err.println("nnlab run: name an experiment (one of " + ids(experiments) + ")");
        return Cli.USAGE;
    }

    static String ids(List<Experiment> experiments) {
        return String.join(", ", experiments.stream().map(Experiment::id).toList());
    }

    /** {@code run ID}: the experiment's settings, --out and --runs-dir. */
    private static final class ExperimentRun implements Callable<Integer> {
        private final Experiment experiment;
        private final PrintStream err;
        private CommandSpec spec;
        private SettingsOptions settings;
        private Path outDir;
        private Path runsDir;
        private boolean report;
        private String formats = "png";
        private boolean force;
        private String shard;

        private ExperimentRun(Experiment experiment, PrintStream err) {
            this.experiment = experiment;
            this.err = err;
        }

        static CommandSpec spec(Experiment experiment, PrintStream err) {
            ExperimentRun command = new ExperimentRun(experiment, err);
            CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(experiment.id());
            spec.usageMessage()
                    .headerHeading(SettingsOptions.literal("nnlab run " + experiment.id() + " — "))
                    .header(SettingsOptions.literal(experiment.title()))
                    .description(SettingsOptions.literal(experiment.description()))
                    .synopsisHeading("%nUsage: ").customSynopsis(synopsis(experiment.id()))
                    .descriptionHeading("%n").optionListHeading("%n");
            command.spec = spec;
            command.settings = SettingsOptions.addTo(spec, experiment,
                    OptionSpec.builder("--out").paramLabel("DIR").type(Path.class)
                            .description("Also write config.json, metrics.csv, summary.json and the figures to DIR.")
                            .setter(new SettingsOptions.Setter<Path>(dir -> command.outDir = dir)).build(),
                    OptionSpec.builder("--force").type(boolean.class).arity("0")
                            .description("Overwrite the files an earlier run left in the --out folder, report.html included (refused without it).")
                            .setter(new SettingsOptions.Setter<Boolean>(on -> command.force = on)).build(),
                    OptionSpec.builder("--format").paramLabel("LIST").type(String.class)
                            .description(SettingsOptions.literal("The formats figures are saved in, comma-separated, from "
                                    + FigureFormat.choices() + " (default png). Each figure's CSV is saved too."))
                            .setter(new SettingsOptions.Setter<String>(list -> command.formats = list)).build(),
                    OptionSpec.builder("--runs-dir").paramLabel("DIR").type(Path.class)
                            .description(SettingsOptions.literal("The runs folder (default " + RunStore.defaultStore().root() + ")."))
                            .setter(new SettingsOptions.Setter<Path>(dir -> command.runsDir = dir)).build(),
                    OptionSpec.builder("--report").arity("0").type(boolean.class)
                            .description("Also write report.html, the run's report in one HTML file, into the run folder and --out.")
                            .setter(new SettingsOptions.Setter<Boolean>(on -> command.report = on)).build(),
                    OptionSpec.builder("--shard").paramLabel("i/n|auto").type(String.class)
                            .description(SettingsOptions.literal(ShardedRuns.HELP))
                            .setter(new SettingsOptions.Setter<String>(s -> command.shard = s)).build());
            return spec;
        }

        @Override
        public Integer call() {
            Config config;
            try {
                config = settings.toConfig(spec.commandLine().getUnmatchedArguments(), spec.commandLine());
            } catch (ConfigException e) {
                for (SettingException p : e.problems()) err.println("nnlab run " + experiment.id() + ": " + p.getMessage());
                return Cli.USAGE;
            }
            // Refused before the run, not after an hour of training.
            Path existing = outDir == null ? null : outDir.resolve(RunReport.FILE_NAME);
            if (report && !force && existing != null && Files.exists(existing)) {
                err.println("nnlab run " + experiment.id() + ": " + existing + " already exists; add --force to replace it");
                return Cli.USAGE;
            }
            Set<FigureFormat> figureFormats;
            try {
                figureFormats = FigureFormat.parseList(formats);
            } catch (IllegalArgumentException e) {
                err.println("nnlab run " + experiment.id() + ": --format: " + e.getMessage());
                return Cli.USAGE;
            }
            if (outDir != null && !force) {
                List<String> clash = OutFolder.existing(outDir, OutFolder.fileNames(experiment, config, figureFormats));
                if (!clash.isEmpty()) {
                    err.println("nnlab run " + experiment.id() + ": --out " + outDir + " already holds " + String.join(", ", clash)
                            + "; choose another folder or add --force to overwrite them");
                    return Cli.USAGE;
                }
            }
            RunStore store = runsDir == null ? RunStore.defaultStore() : new RunStore(runsDir);
            if (shard != null) {
                return ShardedRuns.runShard(experiment, config, shard, System.getenv(), store, outDir, figureFormats, err);
            }
            return execute(config, store, figureFormats);
        }

        private int execute(Config config, RunStore store, Set<FigureFormat> figureFormats) {
            NativeSetup.initNow();
            try (RunEngine engine = new RunEngine(1, store)) {
                engine.setFigureFormats(figureFormats);
                Run run = engine.submit(experiment, config, outDir == null ? List.of() : List.of(outDir));
                run.subscribe(new ProgressPrinter(err));
                try {
                    while (!run.await(1, TimeUnit.SECONDS)) {
                        // waiting; progress is printed by the listener
                    }
                } catch (InterruptedException e) {
                    run.cancel();
                    Thread.currentThread().interrupt();
                }
                err.println("[" + run.status().label() + "] " + run.statusMessage());
                if (run.folder() != null) err.println("saved in " + run.folder());
                if (outDir != null && run.status() == RunStatus.FINISHED) err.println("written to " + outDir.toAbsolutePath());
                else if (outDir != null && Files.isDirectory(outDir)) err.println("what was written is in " + outDir.toAbsolutePath());
                if (report && run.folder() != null && !writeReport(run.folder())) return Cli.RUN_FAILED;
                return run.status() == RunStatus.FINISHED ? Cli.OK : Cli.RUN_FAILED;
            }
        }

        private boolean writeReport(Path runFolder) {
            List<Path> targets = outDir == null ? List.of(runFolder) : List.of(runFolder, outDir);
            try {
                for (Path file : RunReport.write(runFolder, targets, force)) err.println("report: " + file.toAbsolutePath());
                return true;
            } catch (IOException | RuntimeException e) {
                err.println("nnlab run " + experiment.id() + ": no report: " + e.getMessage());
                return false;
            }
        }
    }
}
