package nnlab.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.run.DivergedException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.run.RunSummary;

/**
 * A fast stand-in experiment for engine and store tests: "epochs" of sleep with a scripted loss.
 * Each epoch starts with a cancellation check, so a cancel never lets a further epoch through.
 * Made with {@link #holdingAt}, a run waits at the start of one epoch until the test releases it:
 * the test acts at a known point of the run instead of racing a sleep.
 */
public final class FakeExperiment implements Experiment {
    private final ConfigSchema schema = new ConfigSchema()
            .add(Setting.intSetting("epochs", 3, 1, 1000).label("Epochs"))
            .add(Setting.intSetting("millis", 10, 0, 10_000).label("Milliseconds per epoch"))
            .add(Setting.intSetting("nan-at", 0, 0, 1000).label("Epoch whose loss is NaN (0 = never)"))
            .add(Setting.boolSetting("fail", false).label("Throw an exception"));
    private final int holdAt;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public FakeExperiment() {
        this(0);
    }

    private FakeExperiment(int holdAt) {
        this.holdAt = holdAt;
    }

    /** An experiment whose (first) run stops at the start of {@code epoch} until {@link #release} (or a cancel). */
    public static FakeExperiment holdingAt(int epoch) {
        return new FakeExperiment(epoch);
    }

    /** Waits until a run is held at the chosen epoch; the epochs before it have emitted and saved their rows. */
    public void awaitHeld() throws InterruptedException {
        if (!held.await(30, TimeUnit.SECONDS)) throw new AssertionError("no run reached epoch " + holdAt + " within 30 s");
    }

    /** Lets the held run go on. */
    public void release() {
        released.countDown();
    }

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
            if (e == holdAt) {
                held.countDown();
                while (!released.await(10, TimeUnit.MILLISECONDS)) ctx.checkCancelled(); // a failed test's engine.close() still ends it
            }
            ctx.checkCancelled();
            long until = System.nanoTime() + c.getInt("millis") * 1_000_000L;
            while (System.nanoTime() < until) {
                ctx.checkCancelled();
                Thread.sleep(1);
            }
            if (c.getBoolean("fail") && e == 2) throw new IllegalStateException("scripted failure");
            double loss = e == c.getInt("nan-at") ? Double.NaN : 1.0 / e;
            DivergedException.check(loss, "at round 1, epoch " + e);
            ctx.metric(LOSS, "train", e, loss);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e);
            row.put("loss", loss);
            ctx.recordMetrics(row);
            ctx.progress((double) e / epochs, "epoch " + e);
        }
        return new Summary(epochs);
    }
}
