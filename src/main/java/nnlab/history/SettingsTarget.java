package nnlab.history;

import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;

/** Where "Re-run" and "Use settings" send a past run's settings: the main window's experiment panels. */
@FunctionalInterface
public interface SettingsTarget {

    /**
     * Shows the experiment's panel with this config in its settings and, when start is true,
     * starts a run with it. Returns null when done, else why not (e.g. the panel is busy).
     */
    String apply(Experiment experiment, Config config, boolean start);
}
