package nnlab.kernel.run;

import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;

/** A study NN Lab can run, from the app or the command line. Implementations never touch JavaFX. */
public interface Experiment {

    /** Short id used on the command line and in run folders, e.g. "padding". */
    String id();

    String title();

    String description();

    ConfigSchema schema();

    /**
     * Runs the study with an already validated config, reporting through the context. Returns
     * the summary written to summary.json, whose {@link RunSummary#headline()} goes to run.json.
     * Must call {@link RunContext#checkCancelled()} often (at least every half second of work).
     */
    RunSummary run(Config config, RunContext context) throws Exception;
}
