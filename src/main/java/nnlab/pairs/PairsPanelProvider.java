package nnlab.pairs;

import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelProvider;
import nnlab.kernel.run.Experiment;

/** Gives the PairsPanel to the app (registered in META-INF/services/nnlab.app.PanelProvider). */
public final class PairsPanelProvider implements PanelProvider {
    @Override public String experimentId() { return PairsExperiment.ID; }

    @Override public ExperimentPanel create(AppContext context, Experiment experiment) {
        return new PairsPanel(context, experiment);
    }
}
