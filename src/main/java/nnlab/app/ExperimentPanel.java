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
}
