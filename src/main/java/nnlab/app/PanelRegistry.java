package nnlab.app;

import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.kernel.Plugins;
import nnlab.kernel.run.Experiment;

/**
 * Which panel shows which experiment: the registered {@link PanelProvider}s, else the
 * {@link GenericExperimentPanel}, which renders any experiment from its declared views.
 */
public final class PanelRegistry {
    private static final Map<String, PanelProvider> PROVIDERS = load();

    private PanelRegistry() { }

    private static Map<String, PanelProvider> load() {
        Map<String, PanelProvider> out = new LinkedHashMap<>();
        for (PanelProvider p : Plugins.load(PanelProvider.class)) out.putIfAbsent(p.experimentId(), p);
        return out;
    }

    public static ExperimentPanel create(Experiment experiment, AppContext context) {
        PanelProvider provider = PROVIDERS.get(experiment.id());
        return provider != null ? provider.create(context, experiment) : new GenericExperimentPanel(context, experiment);
    }
}
