package nnlab.app;

import java.util.List;
import javafx.stage.Window;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunEngine;

/** What the main window offers its pages and extensions; every method is for the JavaFX thread. */
public interface Shell {

    RunEngine engine();

    Window owner();

    /** The experiments in the navigation, in its order. */
    List<Experiment> experiments();

    /** Selects the experiment and returns its panel (built on first use), or null if it is not listed. */
    ExperimentPanel showExperiment(String experimentId);

    /** Shows a page in the centre, as its navigation entry does. */
    void showPage(AppPage page);

    /**
     * Puts the config into the experiment's panel and, with {@code start}, starts it there.
     * Returns null when done, else why not (e.g. a run is using the form).
     */
    String applySettings(Experiment experiment, Config config, boolean start);
}
