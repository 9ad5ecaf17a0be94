package nnlab.kernel.run;

import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.kernel.config.Config;

/** A run's declared views by id: what its events may name, and which of them the run folder keeps. */
final class DeclaredViews {
    private final String experimentId;
    private final Map<String, ViewSpec> byId = new LinkedHashMap<>();

    DeclaredViews(Experiment experiment, Config config) {
        this.experimentId = experiment.id();
        for (ViewSpec v : experiment.views(config)) {
            ViewSpec earlier = byId.putIfAbsent(v.id(), v);
            if (earlier != null && !earlier.equals(v)) {
                throw new IllegalStateException(experimentId + " declares the view '" + v.id() + "' twice, differently");
            }
        }
    }

    /** Throws when an event names a view the experiment did not declare, or one of another kind. */
    void check(RunEvent event) {
        String id;
        ViewSpec.Kind kind;
        if (event instanceof RunEvent.Metric m) {
            id = m.chart();
            kind = ViewSpec.Kind.CHART;
        } else if (event instanceof RunEvent.FigureUpdate f) {
            id = f.id();
            kind = ViewSpec.Kind.FIGURE;
        } else if (event instanceof RunEvent.Table t) {
            id = t.id();
            kind = ViewSpec.Kind.TABLE;
        } else {
            return;
        }
        ViewSpec declared = byId.get(id);
        if (declared == null) {
            throw new IllegalStateException(experimentId + " sent the view '" + id + "', which it does not declare (declared: "
                    + String.join(", ", byId.keySet()) + ")");
        }
        if (declared.kind() != kind) {
            throw new IllegalStateException(experimentId + " sent the view '" + id + "' as a " + kind.name().toLowerCase()
                    + ", but declares it as a " + declared.kind().name().toLowerCase());
        }
    }

    boolean isSaved(RunEvent event) {
        String id = event instanceof RunEvent.FigureUpdate f ? f.id() : event instanceof RunEvent.Table t ? t.id() : null;
        if (id == null) return true;
        ViewSpec v = byId.get(id);
        return v != null && v.saved();
    }
}
