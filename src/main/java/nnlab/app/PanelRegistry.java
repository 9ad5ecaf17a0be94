package nnlab.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import nnlab.kernel.run.Experiment;

/**
 * Which panel shows which experiment. Experiments without an entry get the
 * {@link GenericExperimentPanel}, which already renders any run's charts, tables and figures.
 */
public final class PanelRegistry {
    private static final Map<String, Function<AppContext, ExperimentPanel>> PANELS = new LinkedHashMap<>();

    static {
        // One line per experiment with a panel of its own.
        PANELS.put(nnlab.padding.PaddingExperiment.ID, nnlab.padding.PaddingPanel::new);
        PANELS.put(nnlab.oversmoothing.OversmoothingExperiment.ID, nnlab.oversmoothing.OversmoothingPanel::new);
        PANELS.put(nnlab.posenc.PosEncExperiment.ID, nnlab.posenc.PosEncPanel::new);
        PANELS.put(nnlab.rotation.RotationExperiment.ID, nnlab.rotation.RotationPanel::new);
    }

    private PanelRegistry() { }

    public static ExperimentPanel create(Experiment experiment, AppContext context) {
        Function<AppContext, ExperimentPanel> factory = PANELS.get(experiment.id());
        return factory != null ? factory.apply(context) : new GenericExperimentPanel(context, experiment);
    }

    public static boolean hasSpecificPanel(String experimentId) {
        return PANELS.containsKey(experimentId);
    }
}
