package nnlab.unet;

import static nnlab.unet.UNetSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.ReferenceLine;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.shard.Sharded;
import nnlab.kernel.shard.UnitPlan;
import nnlab.kernel.shard.WorkUnit;
import nnlab.kernel.train.EpochResult;
import nnlab.kernel.train.ParallelRounds;
import nnlab.kernel.train.RunProgress;
import nnlab.kernel.train.TrainingListener;
import nnlab.kernel.train.TrainingLoop;
import nnlab.kernel.train.TrainingOptions;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * U-Net with and without skip connections (issue 17): the same network trained twice on the same
 * canvases, once with its skips and once with zeros in their place, compared by validation IoU.
 * Both models (and every seed) are rounds of {@link ParallelRounds}, so they train side by side.
 * Each model × seed is a work unit ({@link UNetUnits}): {@code run unet --shard i/n} trains some,
 * {@code merge} replays them into the run folder one process would have written.
 */
public final class UNetExperiment implements Experiment, Sharded {
    public static final String ID = "unet";
    public static final String WITH = "with skips";
    public static final String WITHOUT = "without skips";
    public static final ViewSpec LOSS_CHART = ViewSpec.chart("loss", "Training loss", "epoch", "cross-entropy per pixel");
    public static final ViewSpec IOU_CHART =
            ViewSpec.chart("val-iou", "Validation mean IoU", "epoch", "mean IoU").withYRange(0, 1).asKeyResult();
    public static final ViewSpec STRIP_FIGURE = ViewSpec.figure("strip", "Validation strip");
    public static final ViewSpec CLASS_TABLE = ViewSpec.table("per-class-iou", "Per-class validation IoU");
    public static final ViewSpec RESULTS = ViewSpec.table("results", "Results");
    public static final ViewSpec LOSS_FIGURE = ViewSpec.figure("loss-curves", "Training loss").savedOnly();
    public static final ViewSpec IOU_FIGURE = ViewSpec.figure("iou-curves", "Validation mean IoU").savedOnly();

    private final ConfigSchema schema = UNetSettings.schema();

    @Override public String id() { return ID; }
    @Override public String title() { return "U-Net skip connections"; }

    @Override
    public String description() {
        return "Segmentation of composed Fashion-MNIST canvases by a small U-Net with and without its skip connections: IoU and the predictions side by side.";
    }

    @Override public ConfigSchema schema() { return schema; }
    @Override public int order() { return 60; }

    @Override
    public String howToRead() {
        return UNetReading.TEXT;
    }

    /** Both models as these settings build them (11 classes: every data source has background + 10). */
    @Override
    public List<nnlab.kernel.run.ModelSummary> models(Config c) {
        return UNetModelSummary.both(UNetSettings.spec(c, c.getInt(HEIGHT), c.getInt(WIDTH), UNetData.classNames().size(), true,
                c.getInt(SEED)));
    }

    @Override
    public List<ViewSpec> views(Config config) {
        return List.of(LOSS_CHART.withReferences(List.of(ReferenceLine.uniformLoss(11))), IOU_CHART, STRIP_FIGURE, CLASS_TABLE, RESULTS,
                LOSS_FIGURE, IOU_FIGURE);
    }

    /** What one training (one model, one seed) produced. */
    static final class Round {
        final String model;
        final int seed;
        final List<Double> trainLoss = new ArrayList<>();
        final List<Double> valLoss = new ArrayList<>();
        final List<Double> valIou = new ArrayList<>();
        final List<Double> valPixelAccuracy = new ArrayList<>();
        final List<Double> seconds = new ArrayList<>();
        SegmentationTrainable.Scores val;
        SegmentationTrainable.Scores test;

        Round(String model, int seed) {
            this.model = model;
            this.seed = seed;
        }

        String series(int seeds) {
            return seeds == 1 ? model : model + ", seed " + seed;
        }
    }

    @Override
    public UNetSummary run(Config c, RunContext ctx) throws Exception {
        return run(c, ctx, UnitPlan.all());
    }

    /** One unit per model and seed (see {@link UNetUnits}). */
    @Override
    public List<WorkUnit> units(Config c) {
        return UNetUnits.units(c);
    }

    @Override
    public UNetSummary run(Config c, RunContext ctx, UnitPlan plan) throws Exception {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        ctx.progress(0, "composing canvases");
        UNetData.Splits data = UNetData.load(c);
        SegmentationSet train = data.train();
        SegmentationSet val = data.validation();
        String used = String.format(Locale.ROOT, "data: %s (%s), %d training, %d validation, %d test canvases of %d×%d, %d classes",
                data.source(), data.location(), train.size(), val.size(), data.test().size(), train.height(), train.width(), train.classes());
        if (UNetSettings.SHAPES.equals(data.source())) used += "; NOTE: generated shapes stand in for Fashion-MNIST";
        ctx.log(used);
        int epochs = c.getInt(EPOCHS);
        int seeds = c.getInt(SEEDS);
        int[] stripIdx = nnlab.datasets.ImageSet.range(0, Math.min(c.getInt(STRIP), val.size()));
        Strip strip = new Strip(ctx, val, stripIdx);
        ctx.figure(STRIP_FIGURE, UNetFigures.strip(val, stripIdx, null, null, UNetFigures.state(0, 0)));
        long trained = UNetUnits.units(c).stream().filter(u -> plan.runs(u.id())).count();
        RunProgress progress = new RunProgress(ctx, Math.max(1, (double) trained * epochs * train.size()));
        List<Round> rounds = new ArrayList<>();
        List<String> seriesOrder = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            for (String model : List.of(WITH, WITHOUT)) {
                // A shard's charts wait only for the curves it draws: a unit left to another shard never appears.
                if (!plan.skips(UNetUnits.id(model, UNetUnits.seed(c, s)))) seriesOrder.add(new Round(model, c.getInt(SEED) + s).series(seeds));
            }
        }
        SeriesOrder charts = new SeriesOrder(ctx, seriesOrder);
        List<Callable<Void>> work = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            long seed = UNetUnits.seed(c, s);
            for (boolean skips : new boolean[] {true, false}) {
                String model = skips ? WITH : WITHOUT;
                String unit = UNetUnits.id(model, seed);
                if (plan.skips(unit)) continue;
                int slot = skips ? 0 : 1;
                boolean showsStrip = s == 0;
                if (plan.replayed(unit) != null) {
                    UNetUnits.Unit u = UNetUnits.replay(plan.replayed(unit));
                    Round r = u.round();
                    rounds.add(r);
                    for (int e = 0; e < r.trainLoss.size(); e++) epochDone(ctx, charts, r, e + 1, seeds);
                    if (u.strip() != null) strip.show(slot, u.strip(), r.trainLoss.size());
                    UNetTables.publish(ctx, rounds, train.classNames());
                    continue;
                }
                Round r = new Round(model, (int) seed);
                rounds.add(r);
                work.add(() -> {
                    ComputationGraph net = UNetModel.build(UNetSettings.spec(c, train.height(), train.width(), train.classes(), skips, seed),
                            DataType.FLOAT);
                    SegmentationTrainable t = new SegmentationTrainable(net, train, val, c.getInt(BATCH), seed, ctx::checkCancelled);
                    TrainingOptions options = TrainingOptions.epochs(epochs).where("at " + r.series(seeds)).cancel(ctx::checkCancelled)
                            .progressPerBatch(progress);
                    int[][][] lastStrip = new int[1][][];
                    TrainingLoop.run(t, options, new TrainingListener<SegmentationTrainable.Scores>() {
                        @Override
                        public void epochDone(EpochResult<SegmentationTrainable.Scores> e) {
                            r.trainLoss.add(e.trainLoss());
                            r.valLoss.add(e.validation().loss());
                            r.valIou.add(e.validation().meanIou());
                            r.valPixelAccuracy.add(e.validation().pixelAccuracy());
                            r.seconds.add(e.seconds());
                            r.val = e.validation();
                            synchronized (rounds) {
                                UNetExperiment.epochDone(ctx, charts, r, e.epoch(), seeds);
                                if (showsStrip) {
                                    lastStrip[0] = SegmentationTrainable.predict(net, val, stripIdx);
                                    strip.show(slot, lastStrip[0], e.epoch());
                                }
                            }
                        }

                        @Override
                        public String batchMessage(nnlab.kernel.train.BatchResult b) {
                            return String.format(Locale.ROOT, "training %s: epoch %d of %d", r.series(seeds), b.epoch(), epochs);
                        }
                    });
                    r.test = SegmentationTrainable.evaluate(net, data.test(), ctx::checkCancelled);
                    plan.record(unit, UNetUnits.result(new UNetUnits.Unit(r, lastStrip[0])));
                    synchronized (rounds) {
                        UNetTables.publish(ctx, rounds, train.classNames());
                    }
                    return null;
                });
            }
        }
        ParallelRounds.run(c.getInt(PARALLEL), work, "unet-round");
        String sub = String.format(Locale.ROOT, "%s · %d train, %d val canvases · %d epochs · %d %s", data.source(), train.size(),
                val.size(), epochs, seeds, seeds == 1 ? "seed" : "seeds");
        ctx.figure(LOSS_FIGURE, curves(rounds, seeds, r -> r.trainLoss).build("Training loss", "epoch", "per-pixel cross-entropy (nats)",
                false).withSubtitle(sub));
        ctx.figure(IOU_FIGURE, curves(rounds, seeds, r -> r.valIou).build("Validation mean IoU", "epoch", "mean IoU over present classes",
                false).withSubtitle(sub));
        UNetTables.publish(ctx, rounds, train.classNames());
        ctx.progress(1, "done");
        return UNetTables.summary(c, data, rounds);
    }

    /** The first seed's predictions of the strip canvases, per model, as trained here or replayed from a part. */
    private static final class Strip {
        private final RunContext ctx;
        private final SegmentationSet val;
        private final int[] indices;
        private final int[][][] predictions = new int[2][][];
        private final int[] epoch = {0, 0};

        Strip(RunContext ctx, SegmentationSet val, int[] indices) {
            this.ctx = ctx;
            this.val = val;
            this.indices = indices;
        }

        void show(int slot, int[][] predicted, int atEpoch) {
            predictions[slot] = predicted;
            epoch[slot] = atEpoch;
            ctx.figure(STRIP_FIGURE, UNetFigures.strip(val, indices, predictions[0], predictions[1], UNetFigures.state(epoch[0], epoch[1])));
        }
    }

    /** One epoch (1-based) of a round, trained here or replayed: its chart points, log line and metrics row. */
    private static void epochDone(RunContext ctx, SeriesOrder charts, Round r, int epoch, int seeds) {
        int e = epoch - 1;
        String series = r.series(seeds);
        charts.metric(LOSS_CHART, series, epoch, r.trainLoss.get(e));
        charts.metric(IOU_CHART, series, epoch, r.valIou.get(e));
        ctx.log(String.format(Locale.ROOT, "%s, epoch %d: train loss %.4f, val loss %.4f, val mean IoU %.4f (%.1f s)",
                series, epoch, r.trainLoss.get(e), r.valLoss.get(e), r.valIou.get(e), r.seconds.get(e)));
        ctx.recordMetrics(metricsRow(r, epoch));
    }

    /**
     * One curve per round in the rounds' order (seed by seed, with skips first), whichever round
     * finished first: the same colours as the live charts, whose order {@link SeriesOrder} fixes.
     */
    static LineFigure.Builder curves(List<Round> rounds, int seeds, java.util.function.Function<Round, List<Double>> values) {
        LineFigure.Builder b = new LineFigure.Builder();
        for (Round r : rounds) {
            List<Double> v = values.apply(r);
            for (int e = 0; e < v.size(); e++) b.add(r.series(seeds), e + 1, v.get(e));
        }
        return b;
    }

    private static Map<String, Object> metricsRow(Round r, int epoch) {
        int e = epoch - 1;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", r.model);
        row.put("seed", r.seed);
        row.put("epoch", epoch);
        row.put("train_loss", r.trainLoss.get(e));
        row.put("val_loss", r.valLoss.get(e));
        row.put("val_mean_iou", r.valIou.get(e));
        row.put("val_pixel_accuracy", r.valPixelAccuracy.get(e));
        row.put("seconds", r.seconds.get(e));
        return row;
    }
}
