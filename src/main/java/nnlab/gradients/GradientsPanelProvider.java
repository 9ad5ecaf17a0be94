package nnlab.gradients;

import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelProvider;
import nnlab.kernel.run.Experiment;

/** Gives the GradientsPanel to the app (registered in META-INF/services/nnlab.app.PanelProvider). */
public final class GradientsPanelProvider implements PanelProvider {
    @Override public String experimentId() { return GradientsExperiment.ID; }

    @Override public ExperimentPanel create(AppContext context, Experiment experiment) {
        // The app initialises ND4J and calls onBackendReady.
        return new GradientsPanel(context, experiment, false);
    }
}
