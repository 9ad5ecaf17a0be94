package nnlab.byhand;

import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelProvider;
import nnlab.kernel.run.Experiment;

/** Gives the ByHandPanel to the app (registered in META-INF/services/nnlab.app.PanelProvider). */
public final class ByHandPanelProvider implements PanelProvider {
    @Override public String experimentId() { return ByHandExperiment.ID; }

    @Override public ExperimentPanel create(AppContext context, Experiment experiment) {
        return new ByHandPanel(context);
    }
}
