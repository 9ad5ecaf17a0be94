package nnlab.app;

import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;

/**
 * A panel's settings between starts: the remembered ones go into a new panel, and every valid
 * change the user makes is remembered. A panel without settings of its own is left alone.
 */
final class PanelMemory {
    private PanelMemory() { }

    static void attach(ExperimentPanel panel, Experiment experiment, AppPreferences preferences, Runnable changed) {
        Config remembered = preferences.settings(experiment.id(), experiment.schema());
        if (remembered != null) panel.loadSettings(remembered);
        panel.addSettingsListener(config -> {
            preferences.setSettings(experiment.id(), config);
            changed.run();
        });
    }
}
