package nnlab.attncost;

import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelProvider;
import nnlab.kernel.run.Experiment;

/** Gives the AttentionCostPanel to the app (registered in META-INF/services/nnlab.app.PanelProvider). */
public final class AttentionCostPanelProvider implements PanelProvider {
    @Override public String experimentId() { return AttentionCostExperiment.ID; }

    @Override public ExperimentPanel create(AppContext context, Experiment experiment) {
        return new AttentionCostPanel(context, experiment);
    }
}
