package nnlab.pairs;

import static nnlab.pairs.PairsSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.shard.Sharded;
import nnlab.kernel.shard.UnitPlan;
import nnlab.kernel.shard.WorkUnit;
import nnlab.kernel.train.BatchResult;
import nnlab.kernel.train.EpochResult;
import nnlab.kernel.train.ParallelRounds;
import nnlab.kernel.train.RunProgress;
import nnlab.kernel.train.TrainingListener;
import nnlab.kernel.train.TrainingOutcome;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Same pair or not (issue 19): CNN sees a pair stacked along the height, CNNChannel as two
 * channels; both train on the same pairs with several seeds and are tested on positive and
 * negative pairs apart. The receptive field of a chosen layer's centre unit is measured by input
 * gradients and set beside the layer arithmetic, and a small calculator plots fields per layer.
 *
 * <p>Events, in order: the parameter table and sample pairs (before any training), the
 * receptive-field table, region heatmap and calculator; per batch window and epoch the points of
 * the live charts (series "model · seed s", no Phases so both models stay on screen); after each
 * training the test table and bars; at the end the wrong-pairs strip, the trained model's input
 * gradient and the saved-only mean curves.
 */
public final class PairsExperiment implements Experiment, Sharded {
    public static final String ID = "pairs";
    public static final ViewSpec PARAMETERS_TABLE = ViewSpec.table("parameters", "Models and parameter counts");
    public static final ViewSpec SAMPLES_FIGURE = ViewSpec.figure("samples", "Training pairs");
    public static final ViewSpec LOSS_CHART = ViewSpec.chart("loss", "Training loss", "epoch", "cross-entropy");
    public static final ViewSpec VAL_POSITIVE_CHART =
            ViewSpec.chart("val-positive", "Validation accuracy, positive pairs", "epoch", "accuracy on positive pairs (%)");
    public static final ViewSpec VAL_NEGATIVE_CHART =
            ViewSpec.chart("val-negative", "Validation accuracy, negative pairs", "epoch", "accuracy on negative pairs (%)");
    public static final ViewSpec TEST_TABLE = ViewSpec.table("test", "Test accuracy (mean ± std over seeds)");
    public static final ViewSpec TEST_FIGURE = ViewSpec.figure("test-accuracy", "Test accuracy by kind of pair");
    public static final ViewSpec WRONG_FIGURE = ViewSpec.figure("wrong-pairs", "Test pairs judged wrong");
    public static final ViewSpec FIELD_TABLE = ViewSpec.table("receptive-fields", "Receptive fields: gradients vs layer arithmetic");
    public static final ViewSpec FIELD_REGION_FIGURE = ViewSpec.figure("rf-region", "Input pixels that can change the centre unit");
    public static final ViewSpec FIELD_GRADIENT_FIGURE = ViewSpec.figure("rf-gradient", "Trained model: input gradient of the centre unit");
    public static final ViewSpec CALCULATOR_FIGURE = ViewSpec.figure("rf-calculator", "Receptive-field calculator");
    public static final ViewSpec VAL_FIGURE = ViewSpec.figure("val-curves", "Validation accuracy (mean over seeds)").savedOnly();
    public static final ViewSpec LOSS_FIGURE = ViewSpec.figure("loss-curves", "Training loss (mean over seeds)").savedOnly();
    private static final List<ViewSpec> VIEWS = List.of(PARAMETERS_TABLE, SAMPLES_FIGURE, LOSS_CHART, VAL_POSITIVE_CHART,
            VAL_NEGATIVE_CHART, TEST_TABLE, TEST_FIGURE, WRONG_FIGURE, FIELD_TABLE, FIELD_REGION_FIGURE, FIELD_GRADIENT_FIGURE,
            CALCULATOR_FIGURE, VAL_FIGURE, LOSS_FIGURE);

    private final ConfigSchema schema = PairsSettings.schema();

    @Override public String id() { return ID; }
    @Override public String title() { return "Same pair or not: CNN vs CNNChannel"; }

    @Override
    public String description() {
        return "Is the second image the first one's mirrored partner? Pairs stacked along the height (CNN) or as channels "
                + "(CNNChannel); receptive fields measured by gradients beside the layer arithmetic.";
    }

    @Override
    public String howToRead() {
        return """
                Each example is two Fashion-MNIST shoes: either an item and its own mirror image (a left and right shoe, \
                a positive pair) or an item and the mirror image of another shoe of the same class (a negative pair). \
                CNN sees the two stacked one above the other; CNNChannel sees them as two channels of one image, so its \
                very first filter can compare the two pixel by pixel.

                Read the test table first: overall accuracy, but also positive and negative accuracy separately. A model \
                that answers "same pair" for everything scores 100 % on positives, 0 % on negatives and 50 % overall, so \
                a good overall number only counts when both kinds are high. CNNChannel should win with fewer parameters \
                (the parameter table comes first): how the input is arranged matters, not only the size of the net.

                The receptive-field table shows, per layer, how many input pixels can change one unit at the centre: \
                from the layer arithmetic and measured from the network's own gradients (they agree). In CNN the two \
                shoes are 28 rows apart, so only the deepest layers see both; in CNNChannel every unit sees both.""";
    }

    @Override public ConfigSchema schema() { return schema; }

    @Override public int order() { return 50; }

    @Override public List<ViewSpec> views(Config config) { return VIEWS; }

    public static String series(PairModel m, int seed) {
        return m.label() + " · seed " + seed;
    }

    @Override
    public PairsSummary run(Config c, RunContext ctx) throws Exception {
        return run(c, ctx, UnitPlan.all());
    }

    @Override
    public PairsSummary run(Config c, RunContext ctx, UnitPlan plan) throws Exception {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        ctx.progress(0, "loading data");
        PairSplits data = PairSplits.load(c);
        if (data.generated()) {
            ctx.log("Fashion-MNIST not found: using GENERATED shapes instead (all their classes; the numbers are not Fashion-MNIST's)");
        }
        ctx.log("data: " + data.describe());
        ctx.figure(SAMPLES_FIGURE, PairSplits.samples(data.train(), 6, "Training pairs (" + data.source() + "): image 1 above its "
                + "partner; top row same pair, bottom row different"));

        PairNets.Architecture arch = PairNets.architecture(c);
        int seeds = c.getInt(SEEDS);
        int firstSeed = c.getInt(SEED);
        int epochs = c.getInt(EPOCHS);
        List<ModelRuns> runs = new ArrayList<>();
        List<List<String>> paramRows = new ArrayList<>();
        for (PairModel m : PairModel.values()) {
            MultiLayerNetwork net = PairNets.build(arch, m, firstSeed);
            paramRows.add(PairsViews.parameterRow(m, net, arch));
            runs.add(new ModelRuns(m, net.numParams(), seeds, epochs));
            ctx.log(String.format(Locale.ROOT, "%s: input %s, %d parameters", m.label(), m.inputShape(arch.imageHeight(), arch.imageWidth()),
                    net.numParams()));
        }
        ctx.table(PARAMETERS_TABLE, PARAMETERS_TABLE.title() + " (width n = " + arch.width() + ", kernel k = " + arch.kernel() + ")",
                PairsViews.PARAMETER_COLUMNS, paramRows, Map.of());

        PairModel fieldModel = PairModel.of(c.getString(RF_MODEL));
        String fieldLayer = c.getString(RF_LAYER);
        List<PairsViews.FieldRow> fields = ReceptiveFieldViews.publishStructure(ctx, c, arch, fieldModel, fieldLayer, firstSeed);

        long trained = PairsUnits.units(c).stream().filter(u -> plan.runs(u.id())).count();
        RunProgress progress = new RunProgress(ctx, Math.max(1, (double) trained * epochs * data.train().size()));
        ReceptiveFieldViews.TrainedGradient[] gradient = new ReceptiveFieldViews.TrainedGradient[1];
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            for (ModelRuns r : runs) {
                int seedIndex = s;
                String unit = PairsUnits.id(r.model, firstSeed + s);
                if (plan.skips(unit)) continue;
                if (plan.replayed(unit) != null) {
                    PairsUnits.Unit u = PairsUnits.replay(plan.replayed(unit));
                    for (double[] p : u.lossPoints()) ctx.metric(LOSS_CHART, series(u.model(), u.seed()), p[0], p[1]);
                    for (PairsUnits.Epoch e : u.epochs()) epochDone(ctx, r, seedIndex, u.seed(), e);
                    tested(ctx, runs, r, seedIndex, u, gradient);
                    continue;
                }
                tasks.add(() -> {
                    PairsUnits.Unit u = trainOne(c, ctx, data, arch, r, seedIndex, firstSeed + seedIndex, progress,
                            seedIndex == 0 && r.model == fieldModel ? fieldLayer : null);
                    plan.record(unit, PairsUnits.result(u));
                    tested(ctx, runs, r, seedIndex, u, gradient);
                    return null;
                });
            }
        }
        // From the settings alone, not from this shard's share: a training's threading (hence its digits) never depends on the split.
        ParallelRounds.run(Math.min(c.getInt(PARALLEL), 2 * seeds), tasks, "nnlab-pairs-training");

        ctx.figure(WRONG_FIGURE, PairsViews.wrongPairs(runs, data.test(), c.getInt(WRONG_SHOWN)));
        ReceptiveFieldViews.publishTrainedGradient(ctx, fieldModel, gradient[0]);
        ctx.figure(VAL_FIGURE, PairsViews.validationCurves(runs));
        ctx.figure(LOSS_FIGURE, PairsViews.lossCurves(runs));
        for (List<String> row : PairsViews.testRows(runs)) ctx.log("test: " + String.join(" | ", row));
        ctx.progress(1, "done");
        return summary(c, data, arch, runs, fields);
    }

    /** One model × seed per unit (see {@link PairsUnits}). */
    @Override
    public List<WorkUnit> units(Config c) {
        return PairsUnits.units(c);
    }

    /** One epoch of a seed, trained here or replayed: its validation points and metrics row. */
    private static void epochDone(RunContext ctx, ModelRuns r, int seedIndex, int seed, PairsUnits.Epoch e) {
        String series = series(r.model, seed);
        PairTraining.PairScores v = e.validation();
        ctx.metric(VAL_POSITIVE_CHART, series, e.epoch(), v.positiveAccuracy());
        ctx.metric(VAL_NEGATIVE_CHART, series, e.epoch(), v.negativeAccuracy());
        r.epoch(seedIndex, e.epoch(), e.trainLoss(), v, e.seconds());
        ctx.recordMetrics(PairsViews.metricsRow(r.model.label(), seed, e.epoch(), e.trainLoss(), v, e.seconds()));
    }

    /** A seed's test, trained here or replayed: the test table and bars so far, and its log line. */
    private static void tested(RunContext ctx, List<ModelRuns> runs, ModelRuns r, int seedIndex, PairsUnits.Unit u,
                               ReceptiveFieldViews.TrainedGradient[] gradient) {
        synchronized (runs) {
            r.tested(seedIndex, u.test(), u.bestEpoch(), u.predicted());
            if (u.gradient() != null) gradient[0] = u.gradient();
            ctx.log(String.format(Locale.ROOT, "%s: test %.1f %% (positive %.1f %%, negative %.1f %%), weights of epoch %d",
                    series(u.model(), u.seed()), u.test().accuracy(), u.test().positiveAccuracy(), u.test().negativeAccuracy(), u.bestEpoch()));
            ctx.table(TEST_TABLE, TEST_TABLE.title(), PairsViews.TEST_COLUMNS, PairsViews.testRows(runs), Map.of());
            ctx.figure(TEST_FIGURE, PairsViews.testBars(runs));
        }
    }

    /** Trains one unit; {@code gradientLayer} names the layer whose trained input gradient it measures, or null. */
    private static PairsUnits.Unit trainOne(Config c, RunContext ctx, PairSplits data, PairNets.Architecture arch, ModelRuns r,
                                            int seedIndex, int seed, RunProgress progress, String gradientLayer) {
        ctx.checkCancelled();
        PairModel m = r.model;
        String series = series(m, seed);
        int epochs = c.getInt(EPOCHS);
        ctx.log("training " + series);
        List<double[]> lossPoints = new ArrayList<>();
        List<PairsUnits.Epoch> epochRows = new ArrayList<>();
        MultiLayerNetwork net = PairNets.build(arch, m, seed);
        TrainingOutcome<PairTraining.PairScores> outcome = PairTraining.train(net, m, data.train(), data.validation(), epochs,
                c.getInt(BATCH_SIZE), seed, "at " + series, new TrainingListener<>() {
                    // The loss curve shows the mean over about a tenth of an epoch, so it stays readable.
                    private double windowSum;
                    private int window;

                    @Override
                    public void batchDone(BatchResult b) {
                        windowSum += b.loss();
                        window++;
                        if (window == Math.max(1, b.batches() / 10) || b.last()) {
                            double[] point = {b.epoch() - 1 + (double) b.batch() / b.batches(), windowSum / window};
                            lossPoints.add(point);
                            ctx.metric(LOSS_CHART, series, point[0], point[1]);
                            windowSum = 0;
                            window = 0;
                        }
                    }

                    @Override
                    public String batchMessage(BatchResult b) {
                        return String.format(Locale.ROOT, "training %s: epoch %d of %d", series, b.epoch(), epochs);
                    }

                    @Override
                    public void epochDone(EpochResult<PairTraining.PairScores> e) {
                        PairsUnits.Epoch row = new PairsUnits.Epoch(e.epoch(), e.trainLoss(), e.validation(), e.seconds());
                        epochRows.add(row);
                        PairsExperiment.epochDone(ctx, r, seedIndex, seed, row);
                    }
                }, ctx::checkCancelled, progress);
        PairTraining.Evaluation test = PairTraining.evaluate(net, data.test(), m);
        // The trained net is not kept: only the numbers its gradient figure draws, so a merge can draw it too.
        ReceptiveFieldViews.TrainedGradient gradient = gradientLayer == null ? null
                : ReceptiveFieldViews.trainedGradient(arch, m, gradientLayer, net, data.test(), c.getInt(RF_PAIR));
        return new PairsUnits.Unit(m, seed, lossPoints, epochRows, test.scores(), outcome.bestEpoch(), seedIndex == 0 ? test.predicted() : null,
                gradient);
    }

    static PairsSummary summary(Config c, PairSplits data, PairNets.Architecture arch, List<ModelRuns> runs,
                                List<PairsViews.FieldRow> fields) {
        List<Integer> seeds = new ArrayList<>();
        for (int s = 0; s < c.getInt(SEEDS); s++) seeds.add(c.getInt(SEED) + s);
        Map<String, PairsSummary.Model> models = new LinkedHashMap<>();
        for (ModelRuns r : runs) {
            List<PairTraining.PairScores> s = r.testScores();
            List<Double> pos = s.stream().map(PairTraining.PairScores::positiveAccuracy).toList();
            List<Double> neg = s.stream().map(PairTraining.PairScores::negativeAccuracy).toList();
            List<Double> all = s.stream().map(PairTraining.PairScores::accuracy).toList();
            List<PairsSummary.Field> f = fields.stream().filter(row -> row.model() == r.model)
                    .map(row -> new PairsSummary.Field(row.layer(), row.arithmetic(), row.measured().height(), row.measured().width())).toList();
            models.put(r.model.label(), new PairsSummary.Model(r.parameters, r.model.inputShape(arch.imageHeight(), arch.imageWidth()),
                    pos, neg, all, ModelRuns.mean(all), ModelRuns.std(all), ModelRuns.mean(pos), ModelRuns.mean(neg), r.bestEpochs(),
                    r.secondsPerEpoch(), f));
        }
        return new PairsSummary(ID, data.source(), data.location(), data.generated(), data.classNames(), data.train().size(),
                data.validation().size(), data.test().size(), c.getInt(EPOCHS), seeds, models, c.getString(RF_LAYER));
    }
}
