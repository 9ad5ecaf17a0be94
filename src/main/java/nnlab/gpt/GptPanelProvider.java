package nnlab.gpt;

import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelProvider;
import nnlab.kernel.run.Experiment;

/** Gives the GptPanel to the app (registered in META-INF/services/nnlab.app.PanelProvider). */
public final class GptPanelProvider implements PanelProvider {
    @Override public String experimentId() { return GptExperiment.ID; }

    @Override public ExperimentPanel create(AppContext context, Experiment experiment) {
        return new GptPanel(context, experiment);
    }
}
