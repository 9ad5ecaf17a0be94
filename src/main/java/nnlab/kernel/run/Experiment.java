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
     * the summary written to summary.json. Must call {@link RunContext#checkCancelled()} often
     * (at least every half second of work).
     */
    java.util.Map<String, Object> run(Config config, RunContext context) throws Exception;

    /**
     * One short result line for lists of runs, e.g. "test acc 90.5 % (Net1 replicate)", made
     * from the summary {@link #run} returned; saved in run.json. "" when there is nothing to say.
     */
    default String headline(java.util.Map<String, Object> summary) {
        return "";
    }
}
