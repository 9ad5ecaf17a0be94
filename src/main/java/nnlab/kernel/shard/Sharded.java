package nnlab.kernel.shard;

import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunSummary;

/**
 * The optional capability of an {@link nnlab.kernel.run.Experiment} whose study splits into
 * independent {@link WorkUnit}s: {@code run ID --shard i/n} runs some of them, {@code merge}
 * replays every unit's recorded result through the same code, so the merged run folder holds
 * exactly what one process would have written. A study without it is one unit.
 */
public interface Sharded {

    /** Every unit a run with this config does, in the study's own order; ids are unique. */
    List<WorkUnit> units(Config config);

    /**
     * Runs the study doing only the units {@code plan} runs; for a unit the plan holds a recorded
     * result of, emits exactly the events (metrics rows, table, figures) training it would have;
     * the other units are left out. Records every unit it trains with {@link UnitPlan#record}.
     * {@code Experiment.run(config, ctx)} must equal {@code run(config, ctx, UnitPlan.all())}.
     */
    RunSummary run(Config config, RunContext context, UnitPlan plan) throws Exception;
}
