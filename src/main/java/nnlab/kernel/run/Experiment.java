package nnlab.kernel.run;

import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;

/**
 * A study NN Lab can run, from the app or the command line: a plug-in found by
 * {@link ExperimentCatalog} through {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/nnlab.kernel.run.Experiment}). Implementations never touch JavaFX;
 * an experiment that wants a panel of its own registers an {@code nnlab.app.PanelProvider}.
 */
public interface Experiment {

    /** Short id used on the command line and in run folders, e.g. "padding". */
    String id();

    String title();

    String description();

    /**
     * "How to read this", for a student who does not know the result yet: what the main figure
     * shows, which line is chance, what a good and a bad outcome look like. Plain text, paragraphs
     * separated by blank lines; empty when the experiment has none.
     */
    default String howToRead() {
        return "";
    }

    ConfigSchema schema();

    /**
     * The network(s) a run with this config trains, built from the config (untrained) and
     * summarised layer by layer for the panels' model view; empty for a study without a trained
     * model. May take a moment (it builds the models), so panels call it off the JavaFX thread.
     */
    default List<ModelSummary> models(Config config) {
        return List.of();
    }

    /**
     * Where the experiment stands in lists (the app's navigation, {@code nnlab list}): lower
     * first, ties by id.
     */
    default int order() {
        return 1000;
    }

    /**
     * Every view a run with this config produces, in the order panels show them. Events for
     * other ids fail the run (see {@link ViewSpec}).
     */
    List<ViewSpec> views(Config config);

    /**
     * Runs the study with an already validated config, reporting through the context. Returns
     * the summary written to summary.json, whose {@link RunSummary#headline()} goes to run.json.
     * Must call {@link RunContext#checkCancelled()} often (at least every half second of work).
     */
    RunSummary run(Config config, RunContext context) throws Exception;
}
