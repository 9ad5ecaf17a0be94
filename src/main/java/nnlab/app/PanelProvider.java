package nnlab.app;

import nnlab.kernel.run.Experiment;

/**
 * A panel of its own for one experiment, found with {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/nnlab.app.PanelProvider}). Experiments without one get the
 * {@link GenericExperimentPanel}, built from their declared views.
 */
public interface PanelProvider {

    /** The {@link Experiment#id()} this panel shows. */
    String experimentId();

    /** Builds the panel for the catalogue's instance of the experiment; called once, on the JavaFX thread. */
    ExperimentPanel create(AppContext context, Experiment experiment);
}
