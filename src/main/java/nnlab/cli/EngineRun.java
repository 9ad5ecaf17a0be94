package nnlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.FigureFormat;
import nnlab.kernel.shard.ShardedRun;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.store.RunStore;

/** Runs one experiment's shard or merge through the run engine (so it is saved like any run) and waits for it, printing progress. */
final class EngineRun {
    private EngineRun() { }

    static Run runAndWait(ShardedRun body, Config config, RunStore store, List<Path> outs, Set<FigureFormat> formats,
                          PrintStream err, boolean progress) {
        NativeSetup.initNow();
        try (RunEngine engine = new RunEngine(1, store)) {
            engine.setFigureFormats(formats);
            Run run = engine.submit(body.experiment(), config, outs, body);
            if (progress) run.subscribe(new ProgressPrinter(err));
            try {
                while (!run.await(1, TimeUnit.SECONDS)) {
                    // waiting; progress is printed by the listener
                }
            } catch (InterruptedException e) {
                run.cancel();
                Thread.currentThread().interrupt();
            }
            return run;
        }
    }
}
