package nnlab.app;

import javafx.scene.Node;

/**
 * One experiment's view in the main window. A panel builds its settings form and charts, submits
 * runs to the shared engine and renders the run's event stream; it never trains on the JavaFX
 * thread.
 */
public interface ExperimentPanel {

    /** The name in the navigation list. */
    String title();

    /** The panel's root node, created once. */
    Node view();

    /** Called on the JavaFX thread once ND4J has been initialised in the background. */
    default void onBackendReady() { }

    /**
     * Starts a run with this config, as if the user had entered it and pressed Start (used by
     * -Dnnlab.autostart). Returns false when the panel cannot start runs this way or one is active.
     */
    default boolean startRun(nnlab.kernel.config.Config config) { return false; }

    /**
     * Puts this config into the panel's settings without starting anything (e.g. "use these
     * settings" from a past run). Returns false when the panel cannot take settings now (a run
     * is active) or has none.
     */
    default boolean loadSettings(nnlab.kernel.config.Config config) { return false; }

    /** The panel's standard settings form, or null when it has its own controls. */
    default SettingsForm settingsForm() { return null; }

    /** The settings the panel holds now if they are valid (what the window remembers), else null. */
    default nnlab.kernel.config.Config currentSettings() {
        SettingsForm form = settingsForm();
        if (form == null) return null;
        try {
            return form.currentConfig();
        } catch (nnlab.kernel.config.ConfigException e) {
            return null;
        }
    }

    /** Calls back on the JavaFX thread with every new valid config the user makes. */
    default void addSettingsListener(java.util.function.Consumer<nnlab.kernel.config.Config> listener) {
        SettingsForm form = settingsForm();
        if (form != null) form.addConfigListener(listener);
    }

    /** Puts the experiment's defaults into the settings; false when a run uses them now or there are none. */
    default boolean resetSettings() {
        SettingsForm form = settingsForm();
        return form != null && loadSettings(form.schema().defaults());
    }
}
