package nnlab.rotation;

import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelProvider;
import nnlab.kernel.run.Experiment;

/** Gives the RotationPanel to the app (registered in META-INF/services/nnlab.app.PanelProvider). */
public final class RotationPanelProvider implements PanelProvider {
    @Override public String experimentId() { return RotationExperiment.ID; }

    @Override public ExperimentPanel create(AppContext context, Experiment experiment) {
        return new RotationPanel(context, experiment);
    }
}
