package nnlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.run.DivergedException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;

/**
 * A synthetic study that emits every kind of event quickly: per padding a phase, loss and
 * accuracy curves per epoch (also recorded in metrics.csv), progress and log lines; then a
 * results table with cell details and a figure. It sleeps in short slices and checks for
 * cancellation between them, like a real training loop. Also the demo experiment of
 * assets/screenshot.sh.
 */
public class FakeExperiment implements Experiment {
    public static final List<String> PADDINGS = List.of("zero", "reflect", "replicate", "circular");
    public static final ViewSpec LOSS = ViewSpec.chart("loss", "Loss", "epoch", "loss");
    public static final ViewSpec ACCURACY = ViewSpec.chart("accuracy", "Accuracy", "epoch", "accuracy");
    public static final ViewSpec RESULTS = ViewSpec.table("results", "Final accuracy by padding");
    public static final ViewSpec BARS = ViewSpec.figure("accuracy-bars", "Final accuracy by padding");

    @Override public String id() { return "fake"; }

    @Override public String title() { return "Synthetic study"; }

    @Override public String description() {
        return "Made-up learning curves for trying out the app: no model is trained.";
    }

    @Override
    public List<ViewSpec> views(Config config) {
        return List.of(LOSS, ACCURACY, RESULTS, BARS);
    }

    @Override
    public ConfigSchema schema() {
        return new ConfigSchema()
                .add(Setting.intSetting("epochs", 6, 1, 1000).label("Epochs").group("Training")
                        .help("Epochs per padding type."))
                .add(Setting.doubleSetting("lr", 0.3, 0.0001, 1).label("Learning rate").group("Training")
                        .help("How fast the made-up loss falls."))
                .add(Setting.intSetting("warmup", 0, 0, 1000).label("Warm-up epochs").group("Training")
                        .help("Epochs before the loss starts to fall; at most the number of epochs."))
                .add(Setting.intSetting("step-ms", 40, 0, 2000).label("Pause per epoch (ms)").group("Training")
                        .help("How long each epoch pretends to take."))
                .add(Setting.multiChoice("paddings", List.of("zero", "reflect"), PADDINGS).label("Padding types")
                        .group("Model").help("One phase per selected padding."))
                .add(Setting.choice("model", "Net1", List.of("Net1", "Net2")).label("Network").group("Model"))
                .add(Setting.boolSetting("augment", false).label("Augment data").group("Model"))
                .add(Setting.intList("seeds", List.of(1, 2), 0, 9999).label("Seeds").group("Reproducibility")
                        .help("One replicate per seed."))
                .add(Setting.intSetting("diverge-at", 0, 0, 1000).label("Diverge at epoch").group("Reproducibility")
                        .help("Makes the loss NaN at this epoch (0 = never), to see a diverged run."))
                .add(Setting.text("note", "").optional().label("Note").group("Reproducibility"))
                .check(c -> c.getInt("warmup") > c.getInt("epochs")
                        ? new SettingException("warmup", "Warm-up epochs (warmup) must not exceed Epochs ("
                                + c.getInt("epochs") + "), got " + c.getInt("warmup"))
                        : null);
    }

    @Override
    public Summary run(Config config, RunContext ctx) throws Exception {
        int epochs = config.getInt("epochs");
        List<String> paddings = config.getStrings("paddings");
        Random random = new Random(config.getInts("seeds").get(0));
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        double[] finalAcc = new double[paddings.size()];
        int total = epochs * paddings.size();
        int done = 0;
        ctx.log("model " + config.getString("model") + ", " + epochs + " epochs, paddings " + paddings);
        for (int p = 0; p < paddings.size(); p++) {
            String padding = paddings.get(p);
            ctx.emit(new RunEvent.Phase(config.getString("model") + " · " + padding + " · round 1/1"));
            double acc = 0;
            double loss = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                pause(config.getInt("step-ms"), ctx);
                double t = Math.max(0, epoch - config.getInt("warmup")) * config.getDouble("lr");
                loss = 2.3 * Math.exp(-t * (1 + 0.15 * p)) + 0.05 + 0.03 * random.nextDouble();
                if (epoch == config.getInt("diverge-at")) loss = Double.NaN;
                DivergedException.check(loss, "at " + padding + ", epoch " + epoch);
                acc = 1 - loss / 2.6;
                ctx.metric(LOSS, "train", epoch, loss);
                ctx.metric(LOSS, "validation", epoch, loss * 1.12 + 0.02);
                ctx.metric(ACCURACY, "validation", epoch, acc);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("padding", padding);
                row.put("epoch", epoch);
                row.put("train_loss", loss);
                row.put("val_loss", loss * 1.12 + 0.02);
                row.put("val_acc", acc);
                ctx.recordMetrics(row);
                ctx.progress(++done / (double) total, padding + ", epoch " + epoch + "/" + epochs);
            }
            finalAcc[p] = acc;
            rows.add(List.of(padding, String.format(Locale.ROOT, "%.3f", acc), String.format(Locale.ROOT, "%.4f", loss)));
            details.put((rows.size() - 1) + ":1", "per seed: " + String.format(Locale.ROOT, "%.3f, %.3f", acc - 0.004, acc + 0.004));
            ctx.table(RESULTS, "Final accuracy by padding", List.of("padding", "accuracy", "loss"), List.copyOf(rows), Map.copyOf(details));
            ctx.log(padding + ": accuracy " + String.format(Locale.ROOT, "%.3f", acc));
        }
        double[][] errors = new double[1][paddings.size()];
        java.util.Arrays.fill(errors[0], 0.004);
        ctx.figure(BARS, new BarFigure("Final accuracy by padding", "accuracy", paddings,
                List.of(config.getString("model")), new double[][] {finalAcc}, errors, 0, 1));
        return new Summary(paddings.get(argmax(finalAcc)));
    }

    /** summary.json is {"best": PADDING}; no headline. */
    public record Summary(String best) implements nnlab.kernel.run.RunSummary {
        @Override public String headline() { return ""; }
    }

    /** Sleeps in slices short enough that a cancel is noticed within a few tens of milliseconds. */
    private static void pause(int millis, RunContext ctx) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        ctx.checkCancelled();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(10, Math.max(1, (end - System.nanoTime()) / 1_000_000L)));
            ctx.checkCancelled();
        }
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
