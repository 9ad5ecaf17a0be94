package nnlab.posenc;

import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelProvider;
import nnlab.kernel.run.Experiment;

/** Gives the PosEncPanel to the app (registered in META-INF/services/nnlab.app.PanelProvider). */
public final class PosEncPanelProvider implements PanelProvider {
    @Override public String experimentId() { return PosEncExperiment.ID; }

    @Override public ExperimentPanel create(AppContext context, Experiment experiment) {
        return new PosEncPanel(context);
    }
}
