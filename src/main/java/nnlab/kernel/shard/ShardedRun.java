package nnlab.kernel.shard;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunSummary;

/**
 * An experiment run under a {@link UnitPlan}, as a {@link RunEngine.Body}: the run engine saves an
 * ordinary run folder of the experiment (its id, settings and views), but only the plan's units
 * train (a shard) or none do and every unit replays (a merge). A study that is not
 * {@link Sharded} is the single unit {@value #WHOLE}.
 */
public final class ShardedRun implements RunEngine.Body {
    /** The one unit of a study without a meaningful split (the interactive labs, for instance). */
    public static final String WHOLE = "whole";

    private final Experiment experiment;
    private final UnitPlan plan;

    public ShardedRun(Experiment experiment, UnitPlan plan) {
        this.experiment = experiment;
        this.plan = plan;
    }

    /** The study's units: its own when it is {@link Sharded}, else the single unit {@value #WHOLE}. */
    public static List<WorkUnit> units(Experiment experiment, Config config) {
        return experiment instanceof Sharded s ? s.units(config) : List.of(new WorkUnit(WHOLE, 1));
    }

    /** The ids of the units of this shard, in the study's order. */
    public static Set<String> unitIds(Experiment experiment, Config config, ShardIndex shard) {
        return ShardAssignment.of(units(experiment, config), shard).stream().map(WorkUnit::id)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public Experiment experiment() { return experiment; }

    public UnitPlan plan() { return plan; }

    @Override
    public RunSummary run(Config config, RunContext context) throws Exception {
        if (experiment instanceof Sharded s) return s.run(config, context, plan);
        if (!plan.runs(WHOLE)) return new EmptyPart();
        RunSummary summary = experiment.run(config, context);
        plan.record(WHOLE, java.util.Map.of());
        return summary;
    }

    /** summary.json of a shard that got no unit of a single-unit study. */
    public record EmptyPart(String note) implements RunSummary {
        EmptyPart() {
            this("this shard holds no unit of the study");
        }

        @Override
        public String headline() {
            return "";
        }
    }
}
