package nnlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.FigureFormat;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.shard.PartFiles;
import nnlab.kernel.shard.ShardIndex;
import nnlab.kernel.shard.ShardedRun;
import nnlab.kernel.shard.UnitPlan;
import nnlab.kernel.store.RunStore;

/** {@code run ID --shard i/n}: runs one shard's units and marks its run folder (and --out) as a part. */
final class ShardedRuns {
    static final String HELP = "Run only shard i of n (counted from 0, e.g. 0/4) of the study's work units and mark the folder "
            + "as a part for 'nnlab merge'. 'auto' takes it from an array job: SLURM_ARRAY_TASK_ID (from SLURM_ARRAY_TASK_MIN) "
            + "of SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX of $NNLAB_SHARD_COUNT (Kubernetes). Units: padding "
            + "net × padding × round, rotation model A and B; a study without a split (the interactive labs) is one unit, run by the shard it falls to.";

    private ShardedRuns() { }

    static int runShard(Experiment experiment, Config config, String shardText, Map<String, String> env, RunStore store, Path outDir,
                        Set<FigureFormat> formats, PrintStream err) {
        String where = "nnlab run " + experiment.id();
        ShardIndex shard;
        try {
            shard = ShardIndex.parse(shardText, env);
        } catch (IllegalArgumentException e) {
            err.println(where + ": --shard: " + e.getMessage());
            return Cli.USAGE;
        }
        Set<String> units = ShardedRun.unitIds(experiment, config, shard);
        int total = ShardedRun.units(experiment, config).size();
        err.println("shard " + shard + ": " + units.size() + " of " + total + " units" + (units.isEmpty() ? "" : ": " + String.join(", ", units)));
        UnitPlan plan = UnitPlan.only(units);
        Run run = EngineRun.runAndWait(new ShardedRun(experiment, plan), config, store, outDir == null ? List.of() : List.of(outDir),
                formats, err, true);
        err.println("[" + run.status().label() + "] " + run.statusMessage());
        if (run.status() != RunStatus.FINISHED) {
            if (run.folder() != null) err.println("unfinished part in " + run.folder());
            return Cli.RUN_FAILED;
        }
        List<Path> folders = new ArrayList<>();
        if (run.folder() != null) folders.add(run.folder());
        if (outDir != null) folders.add(outDir);
        try {
            PartFiles.write(folders, PartFiles.content(experiment.id(), config, shard, Cli.version(), List.copyOf(units), plan.recorded()));
        } catch (IOException e) {
            err.println(where + ": could not write " + PartFiles.FILE_NAME + ": " + e.getMessage());
            return Cli.RUN_FAILED;
        }
        for (Path f : folders) err.println("part " + shard + " saved in " + f.toAbsolutePath());
        return Cli.OK;
    }
}
