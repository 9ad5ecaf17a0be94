package nnlab.padding;

import static nnlab.padding.PaddingSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.ImageGridFigure;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.PublishedResults;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.shard.Sharded;
import nnlab.kernel.shard.UnitPlan;
import nnlab.kernel.shard.WorkUnit;
import nnlab.kernel.train.EpochResult;
import nnlab.kernel.train.ParallelRounds;
import nnlab.kernel.train.RunProgress;
import nnlab.kernel.train.Scores;
import nnlab.kernel.train.TrainingListener;
import nnlab.kernel.train.TrainingOutcome;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The padding study (spec §1): for every net × padding variant, train {@code rounds} models and
 * report validation accuracy and the accuracy on the position-switched test set.
 *
 * <p>Events: a Phase per round (or, with rounds on the queue, a phase title naming those under
 * way); per epoch the points of {@link #LOSS_CHART} and {@link #ACCURACY_CHART}; the declared
 * results table, bars and dataset preview, and the saved-only loss figure of the current round.
 */
public final class PaddingExperiment implements Experiment, PublishedResults, Sharded {
    public static final String ID = "padding";
    public static final ViewSpec PREVIEW_FIGURE = ViewSpec.figure("dataset-preview", "Dataset: train vs switched test");
    public static final ViewSpec RESULTS_TABLE = ViewSpec.table("results", "Results").asKeyResult();
    public static final ViewSpec BARS_FIGURE =
            ViewSpec.figure("test-accuracy", "Test accuracy on the switched test set (mean ± std over rounds)");
    /** Chance for the two classes; a variant whose validation accuracy ends below this has not learned the task yet. */
    public static final double CHANCE = 50;
    /** The current round's loss curves for the run folder and the command line; the live loss chart shows them in the app. */
    public static final ViewSpec LOSS_FIGURE = ViewSpec.figure("loss-curves", "Loss").savedOnly();

    private final ConfigSchema schema = PaddingSettings.schema();

    @Override public String id() { return ID; }
    @Override public String title() { return "Padding study"; }

    @Override
    public String description() {
        return "How padding leaks absolute position into a CNN: train on boxes near the top/bottom, test with the positions swapped.";
    }

    @Override public ConfigSchema schema() { return schema; }

    @Override public int order() { return 10; }

    @Override public Published published() { return PublishedPaddingTable.PUBLISHED; }

    /** The key results first (they are above the fold when a run ends), one pair of live charts per net, then the data. */
    @Override
    public List<ViewSpec> views(Config config) {
        List<ViewSpec> views = new ArrayList<>(List.of(RESULTS_TABLE, BARS_FIGURE));
        for (String net : config.getStrings(NET)) {
            views.add(lossChart(net));
            views.add(accuracyChart(net));
        }
        views.add(PREVIEW_FIGURE);
        views.add(LOSS_FIGURE);
        return views;
    }

    /** One curve per padding (and protocol) of this net: every variant trained so far stays in view to compare. */
    public static ViewSpec lossChart(String net) {
        return ViewSpec.chart("loss-" + net, "Validation loss · " + net, "epoch", "cross-entropy")
                .withReferences(List.of(nnlab.kernel.figure.ReferenceLine.uniformLoss(2)));
    }

    public static ViewSpec accuracyChart(String net) {
        return ViewSpec.chart("accuracy-" + net, "Validation accuracy · " + net, "epoch", "accuracy (%)").withPercentAxis()
                .withReferences(List.of(nnlab.kernel.figure.ReferenceLine.chancePercent(2)));
    }

    @Override
    public String howToRead() {
        return PaddingReading.TEXT;
    }

    @Override
    public List<nnlab.kernel.run.ModelSummary> models(Config c) {
        List<nnlab.kernel.run.ModelSummary> out = new ArrayList<>();
        String padding = c.getStrings(PADDING).get(0);
        for (String net : c.getStrings(NET)) {
            MultiLayerNetwork model = PaddingNets.build(architecture(c, net, PaddingMode.fromId(padding)), 1, DataType.FLOAT);
            nnlab.kernel.run.ModelSummary m = nnlab.kernel.train.ModelSummaries.of(net, model,
                    org.deeplearning4j.nn.conf.inputs.InputType.convolutional(c.getInt(IMAGE_SIZE), c.getInt(IMAGE_SIZE), 3));
            out.add(new nnlab.kernel.run.ModelSummary(m.name(), m.layers(), "Built with " + padding
                    + " padding; other paddings change the output sizes (and add padding layers), not the parameters."));
        }
        return out;
    }

    /** The three data sets of a config: validation restarts the training stream unless told otherwise. */
    public record Data(BoxDataset train, BoxDataset validation, BoxDataset test) { }

    /** The data sets of the data seed (the published protocol's, and round 0's when the seed varies per round). */
    public static Data data(Config c) {
        return data(c, c.getInt(DATA_SEED));
    }

    /** The data sets drawn from this data seed with the config's generator. */
    public static Data data(Config c, long seed) {
        BoxDataset.Spec spec = PaddingSettings.dataSpec(c);
        DataGenerator generator = PaddingSettings.generator(c);
        boolean independent = c.getBoolean(INDEPENDENT_SEEDS);
        BoxDataset train = BoxDataset.generate(spec, c.getInt(TRAIN_SIZE), seed, 0, generator);
        BoxDataset val = BoxDataset.generate(spec, c.getInt(VAL_SIZE), independent ? seed + 1 : seed, 0, generator);
        BoxDataset test = BoxDataset.generate(spec, c.getInt(TEST_SIZE), independent ? seed + 2 : seed, c.getInt(TEST_SHIFT), generator);
        return new Data(train, val, test);
    }

    /** Just enough of each set for {@link #preview}: the streams are sequential, so these equal the sets' first images. */
    public static Data previewData(Config c) {
        Config small = c.with(TRAIN_SIZE, 8).with(VAL_SIZE, 8).with(TEST_SIZE, 8);
        return data(small);
    }

    /** Train and test samples of both classes side by side, so the test shift is visible. */
    public static ImageGridFigure preview(Data d, int perClass) {
        List<ImageGridFigure.Tile> tiles = new ArrayList<>();
        int size = (int) d.train().features().size(2);
        for (String set : List.of("train", "test")) {
            BoxDataset ds = set.equals("train") ? d.train() : d.test();
            for (int cls = 0; cls < 2; cls++) {
                int shown = 0;
                for (int i = cls; i < ds.size() && shown < perClass; i += 2, shown++) {
                    tiles.add(new ImageGridFigure.Tile(set + " · class " + cls, size, size, ds.argb(i)));
                }
            }
        }
        return new ImageGridFigure(PREVIEW_FIGURE.title(), perClass * 2, tiles);
    }

    public static PaddingNets.Architecture architecture(Config c, String net, PaddingMode mode) {
        return new PaddingNets.Architecture(net, mode, c.getInts(WIDTHS), c.getInts(STRIDES), c.getInt(KERNEL), c.getInt(HIDDEN),
                c.getInt(IMAGE_SIZE), c.getDouble(LR), c.getDouble(RHO), c.getDouble(EPS), c.getDouble(WEIGHT_DECAY));
    }

    /** One unit per round of each variant (see {@link PaddingUnits}). */
    @Override
    public List<WorkUnit> units(Config c) {
        return PaddingUnits.units(c);
    }

    @Override
    public PaddingSummary run(Config c, RunContext ctx) throws Exception {
        return run(c, ctx, UnitPlan.all());
    }

    @Override
    public PaddingSummary run(Config c, RunContext ctx, UnitPlan plan) throws Exception {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Data data = data(c);
        ctx.figure(PREVIEW_FIGURE, preview(data, 4));
        List<String> nets = c.getStrings(NET);
        List<String> paddings = c.getStrings(PADDING);
        int rounds = c.getInt(ROUNDS);
        int maxEpochs = c.getInt(EPOCHS);
        VariantTrainer trainer = new VariantTrainer(maxEpochs, c.getInt(PATIENCE), c.getInt(BATCH_SIZE));

        List<VariantResult> results = ResultsView.variants(c);
        // From the settings alone, not from this shard's share: a round's threading (hence its digits) never depends on the split.
        int parallel = Math.min(c.getInt(PARALLEL_ROUNDS), rounds * results.size());
        long trained = units(c).stream().filter(u -> plan.runs(u.id())).count();
        RunProgress progress = new RunProgress(ctx, Math.max(1, (double) trained * maxEpochs));
        publishResults(ctx, c, results);
        long dataSeed = c.getInt(DATA_SEED);
        // One queue of every round of every variant: a free thread takes the next round at once,
        // so a round that stops early never leaves a core idle until its partner ends.
        Lanes lanes = new Lanes(ctx, rounds, paddings.size() > 1 || DataProtocol.of(c).size() == 1);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (VariantResult variant : results) {
            for (int round = 0; round < rounds; round++) {
                int roundNo = round;
                String unit = PaddingUnits.id(variant, round);
                if (plan.skips(unit)) continue;
                if (plan.replayed(unit) != null) {
                    replay(c, ctx, variant, round, rounds, plan.replayed(unit));
                    publishResults(ctx, c, results);
                    continue;
                }
                int turn = tasks.size();
                tasks.add(() -> {
                    lanes.begin(turn, variant, roundNo);
                    ctx.checkCancelled();
                    long seed = variant.protocol.seed(dataSeed, roundNo);
                    // Each round of a varying protocol draws its own images; they are quick to make and not kept.
                    Data roundData = seed == dataSeed ? data : data(c, seed);
                    VariantTrainer.RoundResult r;
                    List<Map<String, Object>> rows = new ArrayList<>();
                    try {
                        r = trainRound(c, ctx, roundData, trainer, variant, roundNo, rounds, lanes, progress, rows);
                    } finally {
                        lanes.end(variant, roundNo);
                    }
                    plan.record(unit, PaddingUnits.result(r, rows));
                    synchronized (results) {
                        variant.add(roundNo, r);
                        publishResults(ctx, c, results);
                    }
                    return null;
                });
            }
        }
        ParallelRounds.run(parallel, tasks, "nnlab-padding-round");
        // The charts' subtitle named the rounds under way; at the end it says what they hold.
        ctx.emit(new RunEvent.Phase("done: " + results.size() + (results.size() == 1 ? " variant × " : " variants × ") + rounds
                + (rounds == 1 ? " round" : " rounds"), false));
        return summary(c, results);
    }

    /**
     * The rounds training at this moment. Each net's live charts hold one curve per variant (its
     * padding, and data protocol where a run has both), so every variant trained so far stays in
     * view. A variant has one curve: a round draws it when no other round of the variant is
     * drawing (a finished round's curve stays until the variant's next round retires it). The
     * phase title names every round under way. Rounds begin in queue order, whatever thread wins
     * the race to its first line, so the same settings always draw the same rounds.
     */
    static final class Lanes {
        private final RunContext ctx;
        private final int rounds;
        private final boolean byPadding;
        private final Map<VariantResult, Integer> shownRound = new java.util.HashMap<>();
        private final Map<VariantResult, java.util.SortedSet<Integer>> running = new LinkedHashMap<>();
        private int nextTurn;

        Lanes(RunContext ctx, int rounds, boolean byPadding) {
            this.ctx = ctx;
            this.rounds = rounds;
            this.byPadding = byPadding;
        }

        /** The curve of this variant's round on its net's charts, e.g. "fconv" or "fconv · round 3". */
        String series(VariantResult v, int round) {
            String name = byPadding ? v.mode.id() : "";
            if (v.protocol != DataProtocol.FIXED || !byPadding) name = (name.isEmpty() ? "" : name + " · ") + v.protocol.id() + " data";
            return rounds > 1 ? name + " · round " + (round + 1) : name;
        }

        /**
         * Waits until every round queued before this one has begun: the queue hands rounds out in
         * order, so each earlier round is already on a thread and this wait always ends.
         */
        synchronized void begin(int turn, VariantResult variant, int round) throws InterruptedException {
            while (nextTurn != turn) wait();
            nextTurn++;
            notifyAll();
            Integer owner = shownRound.get(variant);
            java.util.SortedSet<Integer> under = running.get(variant);
            // A round takes the variant's curve only from a finished round, so every curve shown is whole.
            if (owner == null || under == null || !under.contains(owner)) {
                if (owner != null) ctx.emit(new RunEvent.RetireCurves(series(variant, owner)));
                shownRound.put(variant, round);
            }
            running.computeIfAbsent(variant, v -> new java.util.TreeSet<>()).add(round);
            ctx.emit(new RunEvent.Phase(title(), false));
        }

        /** True when this round draws its variant's curve. */
        synchronized boolean shown(VariantResult variant, int round) {
            Integer r = shownRound.get(variant);
            return r != null && r == round;
        }

        synchronized void end(VariantResult variant, int round) {
            java.util.SortedSet<Integer> r = running.get(variant);
            if (r == null) return;
            r.remove(round);
            if (r.isEmpty()) running.remove(variant);
        }

        /** E.g. "Net1 · fconv · rounds 3, 4/10" or "Net1 · fconv · round 10/10; Net1 · sconv · round 1/10". */
        private String title() {
            List<String> parts = new ArrayList<>();
            running.forEach((v, rs) -> {
                List<String> numbers = rs.stream().map(r -> String.valueOf(r + 1)).toList();
                parts.add(v.name() + " · " + (numbers.size() == 1 ? "round " : "rounds ")
                        + String.join(", ", numbers) + "/" + rounds);
            });
            return String.join("; ", parts);
        }
    }

    /** One round of one variant, reporting every epoch; {@code suffix} names its curves apart from overlapping rounds. */
    private static VariantTrainer.RoundResult trainRound(Config c, RunContext ctx, Data data, VariantTrainer trainer,
                                                         VariantResult variant, int round, int rounds, Lanes lanes,
                                                         RunProgress progress, List<Map<String, Object>> rows) {
        String series = lanes.series(variant, round);
        String where = variant.name() + " · round " + (round + 1) + "/" + rounds;
        long seed = (long) c.getInt(MODEL_SEED) + round;
        MultiLayerNetwork model = PaddingNets.build(architecture(c, variant.net, variant.mode), seed, DataType.FLOAT);
        LineFigure.Builder curves = new LineFigure.Builder();
        boolean variesData = DataProtocol.of(c).contains(DataProtocol.PER_ROUND);
        VariantTrainer.RoundResult r = trainer.train(model, data.train(), data.validation(), data.test(),
                "at " + variant.name().replace(" · ", " ") + " round " + (round + 1), new TrainingListener<>() {
                @Override
                public void epochDone(EpochResult<Scores> e) {
                    int epoch = e.epoch();
                    double trainLoss = e.trainLoss();
                    double valLoss = e.validation().loss();
                    double valAcc = e.validation().accuracy();
                    // Atomic with a later round's takeover, so a retired curve never gets a stray point.
                    synchronized (lanes) {
                        if (lanes.shown(variant, round)) {
                            ctx.metric(lossChart(variant.net), series, epoch, valLoss);
                            ctx.metric(accuracyChart(variant.net), series, epoch, valAcc);
                        }
                    }
                    curves.add("train loss", epoch, trainLoss).add("validation loss", epoch, valLoss);
                    ctx.figure(LOSS_FIGURE, curves.build("Loss — " + where, "epoch", "cross-entropy", false));
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("net", variant.net);
                    row.put("padding", variant.mode.id());
                    // Counted from 1, as the live phase titles and the table's per-round details count (History names curves by it).
                    row.put("round", round + 1);
                    // Only a run whose data seed varies has these columns, so a fixed-data run's metrics.csv reads as before.
                    if (variesData) {
                        row.put("data_seeds", variant.protocol.id());
                        row.put("data_seed", variant.protocol.seed(c.getInt(DATA_SEED), round));
                    }
                    row.put("epoch", epoch);
                    row.put("train_loss", trainLoss);
                    row.put("val_loss", valLoss);
                    row.put("val_acc", valAcc);
                    ctx.recordMetrics(row);
                    rows.add(row);
                }

                @Override
                public String epochMessage(EpochResult<Scores> e) {
                    return String.format(Locale.ROOT, "%s, epoch %d: val loss %.4f, val acc %.1f %% (%.2f s/epoch)", where, e.epoch(),
                            e.validation().loss(), e.validation().accuracy(), e.seconds());
                }

                @Override
                public String finishMessage(TrainingOutcome<Scores> outcome) {
                    return where + " done";
                }
            }, ctx::checkCancelled, progress);
        ctx.log(String.format(Locale.ROOT, "%s: val acc %.1f %%, test acc %.1f %% (kept epoch with val loss %.4f; %d epochs, %.1f s)",
                where, r.lastValAccuracy(), r.testAccuracy(), r.bestValLoss(), r.epochsRun(), r.seconds()));
        return r;
    }

    /** A round another process trained: the events its training sent to the run folder, from its recorded result. */
    private static void replay(Config c, RunContext ctx, VariantResult variant, int round, int rounds, Map<String, Object> recorded) {
        List<Map<String, Object>> rows = PaddingUnits.metrics(recorded);
        for (Map<String, Object> row : rows) ctx.recordMetrics(new LinkedHashMap<>(row));
        if (!rows.isEmpty()) ctx.figure(LOSS_FIGURE, PaddingUnits.lossFigure(variant.name() + " · round " + (round + 1) + "/" + rounds, rows));
        variant.add(round, PaddingUnits.roundResult(recorded));
    }

    /**
     * The results table and bars before a run: one row and one bar slot per variant the settings
     * will train, results open; exactly what a run shows at its start.
     */
    public static List<RunEvent> plannedResults(Config c) {
        List<VariantResult> variants = ResultsView.variants(c);
        return List.of(ResultsView.table(c, RESULTS_TABLE.id(), variants),
                new RunEvent.FigureUpdate(BARS_FIGURE.id(), ResultsView.bars(c, BARS_FIGURE.title(), variants)));
    }

    private static void publishResults(RunContext ctx, Config c, List<VariantResult> results) {
        ctx.emit(ResultsView.table(c, RESULTS_TABLE.id(), results));
        ctx.figure(BARS_FIGURE, ResultsView.bars(c, BARS_FIGURE.title(), results));
    }

    static PaddingSummary summary(Config c, List<VariantResult> results) {
        List<PaddingSummary.Variant> variants = new ArrayList<>();
        for (VariantResult v : results) {
            // Without the key a variant kept its data fixed, as every summary before issue #22 did.
            String dataSeeds = v.protocol == DataProtocol.FIXED ? null : v.protocol.id();
            variants.add(new PaddingSummary.Variant(v.net, v.mode.id(), dataSeeds, v.val(), v.test(), v.valMean(), v.valStd(),
                    v.testMean(), v.testStd(), v.epochs(), v.seconds()));
        }
        return new PaddingSummary(variants);
    }
}
