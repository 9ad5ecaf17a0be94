package nnlab.padding;

import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelProvider;
import nnlab.kernel.run.Experiment;

/** Gives the PaddingPanel to the app (registered in META-INF/services/nnlab.app.PanelProvider). */
public final class PaddingPanelProvider implements PanelProvider {
    @Override public String experimentId() { return PaddingExperiment.ID; }

    @Override public ExperimentPanel create(AppContext context, Experiment experiment) {
        return new PaddingPanel(context, experiment);
    }
}
