package nnlab.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.run.DivergedException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.run.RunSummary;

/** A fast stand-in experiment for engine and store tests: "epochs" of sleep with a scripted loss. */
public final class FakeExperiment implements Experiment {
    private final ConfigSchema schema = new ConfigSchema()
            .add(Setting.intSetting("epochs", 3, 1, 1000).label("Epochs"))
            .add(Setting.intSetting("millis", 10, 0, 10_000).label("Milliseconds per epoch"))
            .add(Setting.intSetting("nan-at", 0, 0, 1000).label("Epoch whose loss is NaN (0 = never)"))
            .add(Setting.boolSetting("fail", false).label("Throw an exception"));

    @Override public String id() { return "fake"; }
    @Override public String title() { return "Fake"; }
    @Override public String description() { return "test double"; }
    @Override public ConfigSchema schema() { return schema; }

    public static final ViewSpec LOSS = ViewSpec.chart("loss", "Loss", "epoch", "loss");

    @Override public java.util.List<ViewSpec> views(Config c) { return java.util.List.of(LOSS); }

    /** summary.json is {"epochs": N}. */
    public record Summary(int epochs) implements RunSummary {
        @Override public String headline() { return epochs + " epochs done"; }
    }

    @Override
    public Summary run(Config c, RunContext ctx) throws Exception {
        int epochs = c.getInt("epochs");
        ctx.emit(new RunEvent.Phase("only phase"));
        for (int e = 1; e <= epochs; e++) {
            long until = System.nanoTime() + c.getInt("millis") * 1_000_000L;
            while (System.nanoTime() < until) {
                ctx.checkCancelled();
                Thread.sleep(1);
            }
            if (c.getBoolean("fail") && e == 2) throw new IllegalStateException("scripted failure");
            double loss = e == c.getInt("nan-at") ? Double.NaN : 1.0 / e;
            DivergedException.check(loss, "at round 1, epoch " + e);
            ctx.metric(LOSS, "train loss", e, loss);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e);
            row.put("loss", loss);
            ctx.recordMetrics(row);
            ctx.progress((double) e / epochs, "epoch " + e);
        }
        return new Summary(epochs);
    }
}
