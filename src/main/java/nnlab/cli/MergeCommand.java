package nnlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import nnlab.kernel.figure.FigureFormat;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.shard.PartFiles;
import nnlab.kernel.shard.PartMerge;
import nnlab.kernel.shard.Sharded;
import nnlab.kernel.shard.ShardedRun;
import nnlab.kernel.shard.UnitPlan;
import nnlab.kernel.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nnlab merge PART... --out DIR}: checks that the parts make up one study and writes one
 * run folder as if it had run in one process, by replaying every unit's recorded result through
 * the experiment's own code (so the table, figures, metrics and summary are its own).
 */
@Command(name = "merge", sortOptions = false,
        description = "Merges the part folders of a sharded study ('nnlab run ID --shard i/n') into one run folder, saved in the "
                + "runs folder (History lists it as one run, with its parts) and in --out. Refused, with exit code 2, when "
                + "a unit is missing or in two parts, the settings or versions differ, or a part is damaged or unfinished.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PART", arity = "1..*", description = "The parts' run folders (or their --out folders).")
    List<Path> parts = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the merged run's files go.")
    Path outDir;

    @Option(names = "--force", description = "Overwrite the files an earlier run left in --out.")
    boolean force;

    @Option(names = "--format", paramLabel = "LIST", description = "The formats figures are saved in (default png).")
    String formats = "png";

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "The runs folder the merged run is saved in.")
    Path runsDir;

    private final List<Experiment> experiments;
    private final PrintStream err;

    MergeCommand(List<Experiment> experiments, PrintStream err) {
        this.experiments = experiments;
        this.err = err;
    }

    @Override
    public Integer call() {
        PartMerge.Plan plan;
        try {
            plan = PartMerge.check(parts, id -> experiments.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null));
        } catch (PartMerge.Refused e) {
            err.println("nnlab merge: " + e.getMessage());
            return Cli.USAGE;
        }
        if (!plan.version().equals(Cli.version())) {
            err.println("nnlab merge: the parts were run by " + plan.version() + ", this is " + Cli.version() + "; merge with the version that ran them");
            return Cli.USAGE;
        }
        Set<FigureFormat> figureFormats;
        try {
            figureFormats = FigureFormat.parseList(formats);
        } catch (IllegalArgumentException e) {
            err.println("nnlab merge: --format: " + e.getMessage());
            return Cli.USAGE;
        }
        if (!force) {
            List<String> clash = OutFolder.existing(outDir, OutFolder.fileNames(plan.experiment(), plan.config(), figureFormats));
            if (!clash.isEmpty()) {
                err.println("nnlab merge: --out " + outDir + " already holds " + String.join(", ", clash) + "; choose another folder or add --force");
                return Cli.USAGE;
            }
        }
        RunStore store = runsDir == null ? RunStore.defaultStore() : new RunStore(runsDir);
        List<Path> folders = new ArrayList<>();
        if (plan.experiment() instanceof Sharded) {
            Run run = EngineRun.runAndWait(new ShardedRun(plan.experiment(), UnitPlan.replay(plan.results())), plan.config(), store,
                    List.of(outDir), figureFormats, err, false);
            if (run.status() != RunStatus.FINISHED) {
                err.println("nnlab merge: [" + run.status().label() + "] " + run.statusMessage());
                return Cli.RUN_FAILED;
            }
            if (run.folder() != null) folders.add(run.folder());
        } else {
            try {
                folders.add(store.newRunFolder(plan.experiment().id()));
            } catch (IOException e) {
                err.println("nnlab merge: " + e.getMessage());
                return Cli.RUN_FAILED;
            }
        }
        folders.add(outDir.toAbsolutePath());
        try {
            if (!(plan.experiment() instanceof Sharded)) copyWholePart(plan, folders);
            for (Path f : folders) PartFiles.addToRunInfo(f, "parts", plan.partNotes());
        } catch (IOException e) {
            err.println("nnlab merge: " + e.getMessage());
            return Cli.RUN_FAILED;
        }
        err.println("merged " + plan.parts().size() + " parts, " + plan.results().size() + " units of " + plan.experiment().id());
        for (Path f : folders) err.println("written to " + f);
        return Cli.OK;
    }

    /** A study without units ran whole in the one part that held it: its files are the study's. */
    private static void copyWholePart(PartMerge.Plan plan, List<Path> folders) throws IOException {
        Path source = plan.parts().stream().filter(p -> p.units().contains(ShardedRun.WHOLE)).findFirst().orElseThrow().folder();
        try (var files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.equals(PartFiles.FILE_NAME) || name.startsWith(".")) continue;
                for (Path f : folders) {
                    Files.createDirectories(f);
                    Files.copy(file, f.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
