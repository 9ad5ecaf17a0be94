package nnlab.history;

import java.util.HashMap;
import java.util.Map;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.ViewSpec;

/**
 * The titles a saved run's tables and figures were declared with, for its settings: History
 * names them as the live panel did. Ids the experiment no longer declares (an old run, an
 * unknown experiment) fall back to a title made from the id.
 */
final class DeclaredTitles {
    private final Map<String, String> byId;

    private DeclaredTitles(Map<String, String> byId) {
        this.byId = byId;
    }

    static DeclaredTitles of(Experiment experiment, Map<String, Object> settings) {
        Map<String, String> byId = new HashMap<>();
        if (experiment != null && settings != null) {
            Map<String, Object> values = new HashMap<>(settings);
            values.remove("experiment"); // config.json names its experiment beside the settings
            try {
                for (ViewSpec v : experiment.views(experiment.schema().fromValues(values))) byId.put(v.id(), v.title());
            } catch (RuntimeException e) {
                // settings that no longer fit the schema: the ids still make readable titles
            }
        }
        return new DeclaredTitles(byId);
    }

    String of(String id) {
        return byId.getOrDefault(id, ViewSpec.titleFromId(id));
    }
}
