package nnlab.pairs;

import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunSummary;
import nnlab.kernel.run.ViewSpec;

public final class PairsExperiment implements Experiment {
    public static final String ID = "pairs";
    private final ConfigSchema schema = PairsSettings.schema();
    @Override public String id() { return ID; }
    @Override public String title() { return "Same pair or not"; }
    @Override public String description() { return ""; }
    @Override public ConfigSchema schema() { return schema; }
    @Override public List<ViewSpec> views(Config config) { return List.of(); }
    @Override public RunSummary run(Config config, RunContext context) { return null; }
}
