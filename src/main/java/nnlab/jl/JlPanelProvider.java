package nnlab.jl;

import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.PanelProvider;
import nnlab.kernel.run.Experiment;

/** Gives the JlPanel to the app (registered in META-INF/services/nnlab.app.PanelProvider). */
public final class JlPanelProvider implements PanelProvider {
    @Override public String experimentId() { return JlExperiment.ID; }

    @Override public ExperimentPanel create(AppContext context, Experiment experiment) {
        return new JlPanel(experiment);
    }
}
