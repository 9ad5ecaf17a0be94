package nnlab.oversmoothing;

import static nnlab.graph.CsbmSettings.CLASSES;
import static nnlab.oversmoothing.OversmoothingSettings.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nnlab.graph.Graph;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.ReferenceLine;
import nnlab.kernel.figure.ScatterFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.shard.Sharded;
import nnlab.kernel.shard.UnitPlan;
import nnlab.kernel.shard.WorkUnit;
import nnlab.kernel.train.EpochResult;
import nnlab.kernel.train.RunProgress;
import nnlab.kernel.train.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oversmoothing study (spec §4): one GCN per depth on the same graph, compared by their loss
 * curves, validation accuracy and how far their node features collapse layer after layer.
 *
 * <p>Events: per epoch the train and validation loss on the depth's live chart
 * ({@link #lossChart}, epoch 0 = untrained); the accuracy table; the overlaid loss figures, the
 * validation-accuracy bars, feature std and Dirichlet energy per layer (log y, one series per
 * depth) and a PCA picture per depth ({@link #pcaView}). There is one phase for the whole study.
 */
public final class OversmoothingExperiment implements Experiment, Sharded {
    public static final String ID = "oversmoothing";
    public static final ViewSpec TRAIN_LOSS = ViewSpec.figure("train-loss", "Training loss per depth");
    public static final ViewSpec VAL_LOSS = ViewSpec.figure("val-loss", "Validation loss per depth");
    public static final ViewSpec ACCURACY_TABLE = ViewSpec.table("accuracy", "Accuracy after training").asKeyResult();
    public static final ViewSpec ACCURACY_FIGURE = ViewSpec.figure("val-accuracy", "Validation accuracy per depth");
    public static final ViewSpec STD_FIGURE = ViewSpec.figure("oversmoothing-std", "Feature std per layer after training");
    public static final ViewSpec ENERGY_FIGURE = ViewSpec.figure("oversmoothing-energy", "Dirichlet energy per layer after training");
    public static final List<String> TABLE_COLUMNS = List.of("Depth", "Val acc %", "Val acc % (mean per class)", "Test acc %",
            "Train loss", "Val loss", "Feature std (last layer)", "Dirichlet energy (last layer)", "s/epoch");

    private final ConfigSchema schema = OversmoothingSettings.schema();

    @Override public String id() { return ID; }
    @Override public String title() { return "Oversmoothing in deep GCNs"; }

    @Override
    public String description() {
        return "Deep GCNs make node features indistinguishable: compare depths by accuracy, feature std and Dirichlet energy per layer.";
    }

    @Override public ConfigSchema schema() { return schema; }

    @Override public int order() { return 40; }

    /** One small live loss chart per depth (laid out as a grid), so depths train side by side on their own scales. */
    public static ViewSpec lossChart(int depth) {
        return ViewSpec.chart("loss · depth " + depth, "Loss · depth " + depth, "epoch", "NLL");
    }

    /** The same with ln C, the loss of a uniform guess over the graph's classes: a curve that stays on it learned nothing. */
    public static ViewSpec lossChart(int depth, int classes) {
        return lossChart(depth).withReferences(List.of(ReferenceLine.uniformLoss(classes)));
    }

    @Override
    public String howToRead() {
        return OversmoothingReading.TEXT;
    }

    /** One GCN per depth, built as the run builds it (on a one-node stand-in graph: the parameters do not depend on the nodes). */
    @Override
    public List<nnlab.kernel.run.ModelSummary> models(Config c) {
        Graph graph = OversmoothingSettings.graph(c);
        List<nnlab.kernel.run.ModelSummary> out = new ArrayList<>();
        for (int depth : c.getInts(DEPTHS)) {
            GcnModel.Architecture arch = new GcnModel.Architecture(graph.featureDim(), c.getInt(HIDDEN), graph.classes(), depth,
                    c.getDouble(DROPOUT));
            GcnModel m = GcnModel.build(Nd4j.eye(1).castTo(DataType.FLOAT), arch, c.getInt(SEED), DataType.FLOAT);
            out.add(m.summary("depth " + depth, graph.nodes()));
        }
        return out;
    }

    /** The classes of the graph a config names, without loading Cora's features (7 classes); NaN-free fallback 2. */
    static int classes(Config c) {
        return switch (c.getString(GRAPH)) {
            case OversmoothingSettings.KARATE -> 2;
            case OversmoothingSettings.CORA -> 7;
            default -> c.getInt(CLASSES);
        };
    }

    public static ViewSpec pcaView(int depth) {
        return ViewSpec.figure("pca-depth-" + depth, "PCA of the last layer · depth " + depth);
    }

    /** The table first, then the per-depth loss charts, the collapse per layer, the PCA pictures and the overlaid curves. */
    @Override
    public List<ViewSpec> views(Config c) {
        List<Integer> depths = c.getInts(DEPTHS);
        List<ViewSpec> views = new ArrayList<>(List.of(ACCURACY_TABLE));
        for (int d : depths) views.add(lossChart(d, classes(c)));
        views.addAll(List.of(STD_FIGURE, ENERGY_FIGURE));
        for (int d : depths) views.add(pcaView(d));
        views.addAll(List.of(ACCURACY_FIGURE, TRAIN_LOSS, VAL_LOSS));
        return views;
    }

    public static GcnTrainer.Hyper hyper(Config c) {
        return new GcnTrainer.Hyper(c.getInt(HIDDEN), c.getDouble(DROPOUT), c.getDouble(LR), c.getDouble(WEIGHT_DECAY),
                c.getInt(EPOCHS), c.getInt(SEED));
    }

    @Override
    public OversmoothingSummary run(Config c, RunContext ctx) {
        return run(c, ctx, UnitPlan.all());
    }

    /** One unit per depth (see {@link OversmoothingUnits}). */
    @Override
    public List<WorkUnit> units(Config c) {
        return OversmoothingUnits.units(c);
    }

    @Override
    public OversmoothingSummary run(Config c, RunContext ctx, UnitPlan plan) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph graph = OversmoothingSettings.graph(c);
        if (graph.nodes() > MAX_NODES) {
            throw new IllegalArgumentException(graph.name() + " has " + graph.nodes() + " nodes; this panel holds Â densely and "
                    + "takes graphs of up to " + MAX_NODES + " nodes");
        }
        Graph.Split split = graph.split();
        ctx.emit(new RunEvent.Phase(graph.name()));
        ctx.log(String.format(Locale.ROOT, "%s: %d nodes, %d edges, %d classes, %d features; split %d train / %d validation / %d test",
                graph.name(), graph.nodes(), graph.edges().length, graph.classes(), graph.featureDim(), split.train().length,
                split.validation().length, split.test().length));
        List<Integer> depths = c.getInts(DEPTHS);
        GcnTrainer.Hyper hyper = hyper(c);
        List<String> unitIds = OversmoothingUnits.ids(depths);
        // By position in the depth list: a shard fills only its own depths.
        GcnTrainer.Result[] results = new GcnTrainer.Result[depths.size()];
        LineFigure.Builder trainCurves = new LineFigure.Builder();
        LineFigure.Builder valCurves = new LineFigure.Builder();
        // A deeper net's epoch costs more: an epoch of depth d counts d units.
        RunProgress progress = new RunProgress(ctx, depths.stream().mapToDouble(d -> (double) d * (hyper.epochs() + 1)).sum());
        try (OneDnn ignored = OneDnn.off()) {
            GcnTrainer trainer = new GcnTrainer(graph, DataType.FLOAT);
            publish(ctx, graph, depths, results, hyper);
            for (int i = 0; i < depths.size(); i++) {
                ctx.checkCancelled();
                int depth = depths.get(i);
                String unit = unitIds.get(i);
                if (plan.skips(unit)) continue;
                ViewSpec lossChart = lossChart(depth, graph.classes());
                if (plan.replayed(unit) != null) {
                    GcnTrainer.Result r = OversmoothingUnits.replay(plan.replayed(unit));
                    for (GcnTrainer.EpochStats s : r.epochs()) epochDone(ctx, graph, hyper, depth, s, lossChart, trainCurves, valCurves);
                    results[i] = r;
                    finishDepth(ctx, graph, depths, results, hyper, r);
                    continue;
                }
                GcnTrainer.Result r = trainer.train(depth, hyper, new TrainingListener<>() {
                @Override
                public void epochDone(EpochResult<GcnTrainer.Evaluation> e) {
                    OversmoothingExperiment.epochDone(ctx, graph, hyper, depth, GcnTrainer.EpochStats.of(e), lossChart, trainCurves, valCurves);
                }

                @Override
                public String epochMessage(EpochResult<GcnTrainer.Evaluation> e) {
                    GcnTrainer.EpochStats s = GcnTrainer.EpochStats.of(e);
                    return String.format(Locale.ROOT, "depth %d, epoch %d/%d: train loss %.4f, val loss %.4f, val acc %.1f %% (%.2f s/epoch)",
                            depth, s.epoch(), hyper.epochs(), s.trainLoss(), s.valLoss(), s.valAccuracy(), s.seconds());
                }
                }, ctx::checkCancelled, progress.weighted(depth));
                results[i] = r;
                plan.record(unit, OversmoothingUnits.result(r));
                finishDepth(ctx, graph, depths, results, hyper, r);
            }
        }
        return summary(graph, depths, Arrays.stream(results).filter(Objects::nonNull).toList());
    }

    /** One epoch of one depth, trained here or replayed from a part: its live chart, the overlaid figures, its metrics row. */
    private static void epochDone(RunContext ctx, Graph graph, GcnTrainer.Hyper hyper, int depth, GcnTrainer.EpochStats s, ViewSpec lossChart,
                                  LineFigure.Builder trainCurves, LineFigure.Builder valCurves) {
        String series = "depth " + depth;
        // One small live chart per depth; the figures below overlay all depths for comparison and export.
        ctx.metric(lossChart, "train", s.epoch(), s.trainLoss());
        ctx.metric(lossChart, "validation", s.epoch(), s.valLoss());
        trainCurves.add(series, s.epoch(), s.trainLoss());
        valCurves.add(series, s.epoch(), s.valLoss());
        List<ReferenceLine> lnC = List.of(ReferenceLine.uniformLoss(graph.classes()));
        ctx.figure(TRAIN_LOSS, trainCurves.build("Training loss per depth", "epoch", "NLL on the training nodes", false)
                .withReferences(lnC).withSubtitle(subtitle(graph, hyper)));
        ctx.figure(VAL_LOSS, valCurves.build("Validation loss per depth", "epoch", "NLL on the validation nodes", false)
                .withReferences(lnC).withSubtitle(subtitle(graph, hyper)));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("depth", depth);
        row.put("epoch", s.epoch());
        row.put("train_loss", s.trainLoss());
        row.put("val_loss", s.valLoss());
        row.put("train_acc", s.trainAccuracy());
        row.put("val_acc", s.valAccuracy());
        row.put("seconds", s.seconds());
        ctx.recordMetrics(row);
    }

    private static void finishDepth(RunContext ctx, Graph graph, List<Integer> depths, GcnTrainer.Result[] results, GcnTrainer.Hyper hyper,
                                    GcnTrainer.Result r) {
        int depth = r.depth();
        ctx.log(String.format(Locale.ROOT, "depth %d: val acc %.1f %% (mean per class %.1f %%), feature std at the last layer %.3g, "
                        + "Dirichlet energy %.3g, %.2f s/epoch", depth, r.valAccuracy(), r.valMeanClassAccuracy(),
                r.featureStd()[depth], r.dirichletEnergy()[depth], r.secondsPerEpoch()));
        logZeros(ctx, r);
        publish(ctx, graph, depths, results, hyper);
        ctx.figure(pcaView(depth), pcaFigure(graph, r));
    }

    /** A log axis cannot show a measure that is exactly zero: say so rather than leave a silent gap. */
    private static void logZeros(RunContext ctx, GcnTrainer.Result r) {
        for (int l = 0; l < r.featureStd().length; l++) {
            if (!(r.featureStd()[l] > 0) || !(r.dirichletEnergy()[l] > 0)) {
                ctx.log(String.format(Locale.ROOT, "depth %d, layer %d: feature std %s, Dirichlet energy %s (values ≤ 0 are not drawn on the log axis)",
                        r.depth(), l, r.featureStd()[l], r.dirichletEnergy()[l]));
            }
        }
    }

    private static void publish(RunContext ctx, Graph graph, List<Integer> depths, GcnTrainer.Result[] results,
                                GcnTrainer.Hyper hyper) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < depths.size(); i++) {
            int depth = depths.get(i);
            GcnTrainer.Result r = results[i];
            if (r == null) {
                rows.add(List.of(String.valueOf(depth), "…", "…", "…", "…", "…", "…", "…", ""));
                continue;
            }
            rows.add(List.of(String.valueOf(depth), f1(r.valAccuracy()), f1(r.valMeanClassAccuracy()), f1(r.testAccuracy()),
                    f4(r.last().trainLoss()), f4(r.last().valLoss()), g3(r.featureStd()[depth]), g3(r.dirichletEnergy()[depth]),
                    String.format(Locale.ROOT, "%.2f", r.secondsPerEpoch())));
            StringBuilder perLayer = new StringBuilder("Per layer (0 = input features): feature std / Dirichlet energy");
            for (int l = 0; l <= depth; l++) {
                perLayer.append(String.format(Locale.ROOT, "%n layer %d: %s / %s", l, g3(r.featureStd()[l]), g3(r.dirichletEnergy()[l])));
            }
            details.put(i + ":6", perLayer.toString());
            details.put(i + ":7", perLayer.toString());
        }
        ctx.table(ACCURACY_TABLE, "Accuracy after training — " + graph.name(), TABLE_COLUMNS, rows, details);
        if (Arrays.stream(results).allMatch(Objects::isNull)) return;

        List<String> categories = new ArrayList<>();
        for (int d : depths) categories.add("depth " + d);
        double[][] values = new double[2][depths.size()];
        for (int i = 0; i < depths.size(); i++) {
            values[0][i] = results[i] != null ? results[i].valAccuracy() : Double.NaN;
            values[1][i] = results[i] != null ? results[i].valMeanClassAccuracy() : Double.NaN;
        }
        ctx.figure(ACCURACY_FIGURE, new BarFigure("Validation accuracy per depth", "validation accuracy (%)", categories,
                List.of("overall", "mean per class"), values, null, 0, 100).withXLabel("GCN depth (layers)")
                .withReferences(List.of(ReferenceLine.chancePercent(graph.classes()))).withSubtitle(subtitle(graph, hyper)));

        LineFigure.Builder std = new LineFigure.Builder();
        LineFigure.Builder energy = new LineFigure.Builder();
        for (GcnTrainer.Result r : results) {
            if (r == null) continue;
            for (int l = 0; l <= r.depth(); l++) {
                std.add("depth " + r.depth(), l, r.featureStd()[l]);
                energy.add("depth " + r.depth(), l, r.dirichletEnergy()[l]);
            }
        }
        ctx.figure(STD_FIGURE, std.build("Feature std per layer after training (layer 0 = input)", "layer",
                "mean over features of std across nodes", true));
        ctx.figure(ENERGY_FIGURE, energy.build("Dirichlet energy per layer after training (layer 0 = input)", "layer",
                "trace(HᵀLH) / n,  L = I − Â", true));
    }

    /** The settings a shared figure needs: graph, epochs, width, seed. */
    static String subtitle(Graph graph, GcnTrainer.Hyper h) {
        return String.format(Locale.ROOT, "%s · %d classes · %d epochs · hidden %d · dropout %s · seed %d", graph.name(), graph.classes(),
                h.epochs(), h.hidden(), h.dropout(), h.seed());
    }

    static ScatterFigure pcaFigure(Graph graph, GcnTrainer.Result r) {
        List<ScatterFigure.Group> groups = new ArrayList<>();
        double[][] p = r.pca();
        for (int c = 0; c < graph.classes(); c++) {
            int count = 0;
            for (int y : graph.labels()) if (y == c) count++;
            double[] xs = new double[count], ys = new double[count];
            int k = 0;
            for (int i = 0; i < graph.nodes(); i++) {
                if (graph.labels()[i] != c) continue;
                xs[k] = p[i][0];
                ys[k] = p[i][1];
                k++;
            }
            groups.add(new ScatterFigure.Group(graph.classNames().get(c), xs, ys));
        }
        return new ScatterFigure(String.format(Locale.ROOT, "PCA of the class scores, depth %d (feature std %s)",
                r.depth(), g3(r.featureStd()[r.depth()])), "principal component 1 (same units as H)", "principal component 2", groups);
    }

    static OversmoothingSummary summary(Graph graph, List<Integer> depths, List<GcnTrainer.Result> results) {
        OversmoothingSummary.GraphInfo g = new OversmoothingSummary.GraphInfo(graph.name(), graph.nodes(), graph.edges().length,
                graph.classes(), graph.featureDim(), graph.split().train().length, graph.split().validation().length,
                graph.split().test().length);
        List<OversmoothingSummary.Depth> list = new ArrayList<>();
        for (GcnTrainer.Result r : results) {
            list.add(new OversmoothingSummary.Depth(r.depth(), r.last().trainLoss(), r.last().valLoss(), r.last().trainAccuracy(),
                    r.valAccuracy(), r.valMeanClassAccuracy(), r.testAccuracy(), toList(r.featureStd()), toList(r.dirichletEnergy()),
                    r.secondsPerEpoch()));
        }
        return new OversmoothingSummary(g, list);
    }

    private static List<Double> toList(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) out.add(x);
        return out;
    }

    private static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }
    private static String f4(double v) { return String.format(Locale.ROOT, "%.4f", v); }
    private static String g3(double v) { return String.format(Locale.ROOT, "%.3g", v); }
}
