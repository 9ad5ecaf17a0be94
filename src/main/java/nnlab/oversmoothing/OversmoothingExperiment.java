package nnlab.oversmoothing;

import static nnlab.oversmoothing.OversmoothingSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.ScatterFigure;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.train.EpochResult;
import nnlab.kernel.train.RunProgress;
import nnlab.kernel.train.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oversmoothing study (spec §4): one GCN per depth on the same graph, compared by their loss
 * curves, validation accuracy and how far their node features collapse layer after layer.
 *
 * <p>Events: Metrics on charts "train-loss" and "val-loss" (one series per depth, x = epoch, epoch 0
 * = untrained) on charts "loss · depth D"; the table "accuracy"; figures "train-loss", "val-loss", "val-accuracy" (bars),
 * "oversmoothing-std" and "oversmoothing-energy" (log y, x = layer, one series per depth) and
 * "pca-depth-D" per depth. There is one phase for the whole study, so the live charts keep every
 * depth on shared axes.
 */
public final class OversmoothingExperiment implements Experiment {
    public static final String ID = "oversmoothing";
    public static final String TRAIN_LOSS = "train-loss";
    public static final String VAL_LOSS = "val-loss";
    public static final String ACCURACY_TABLE = "accuracy";
    public static final String ACCURACY_FIGURE = "val-accuracy";
    public static final String STD_FIGURE = "oversmoothing-std";
    public static final String ENERGY_FIGURE = "oversmoothing-energy";
    public static final String PCA_PREFIX = "pca-depth-";
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

    public static GcnTrainer.Hyper hyper(Config c) {
        return new GcnTrainer.Hyper(c.getInt(HIDDEN), c.getDouble(DROPOUT), c.getDouble(LR), c.getDouble(WEIGHT_DECAY),
                c.getInt(EPOCHS), c.getInt(SEED));
    }

    /** Validation accuracy from the shallowest to the deepest net, e.g. "val acc 81.2 % at depth 2 → 30.1 % at depth 64". */
    @Override
    public String headline(Map<String, Object> summary) {
        if (!(summary.get("depths") instanceof List<?> results)) return "";
        Map<?, ?> shallowest = null;
        Map<?, ?> deepest = null;
        for (Object o : results) {
            if (!(o instanceof Map<?, ?> r) || !(r.get("depth") instanceof Number depth) || !(r.get("val_acc") instanceof Number)) continue;
            if (shallowest == null || depth.intValue() < ((Number) shallowest.get("depth")).intValue()) shallowest = r;
            if (deepest == null || depth.intValue() > ((Number) deepest.get("depth")).intValue()) deepest = r;
        }
        if (shallowest == null) return "";
        String first = String.format(Locale.ROOT, "val acc %.1f %% at depth %s", ((Number) shallowest.get("val_acc")).doubleValue(),
                shallowest.get("depth"));
        if (deepest == shallowest) return first;
        return first + String.format(Locale.ROOT, " → %.1f %% at depth %s", ((Number) deepest.get("val_acc")).doubleValue(),
                deepest.get("depth"));
    }

    @Override
    public Map<String, Object> run(Config c, RunContext ctx) {
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
        List<GcnTrainer.Result> results = new ArrayList<>();
        LineFigure.Builder trainCurves = new LineFigure.Builder();
        LineFigure.Builder valCurves = new LineFigure.Builder();
        // A deeper net's epoch costs more: an epoch of depth d counts d units.
        RunProgress progress = new RunProgress(ctx, depths.stream().mapToDouble(d -> (double) d * (hyper.epochs() + 1)).sum());
        try (OneDnn ignored = OneDnn.off()) {
            GcnTrainer trainer = new GcnTrainer(graph, DataType.FLOAT);
            publish(ctx, graph, depths, results);
            for (int depth : depths) {
                ctx.checkCancelled();
                String series = "depth " + depth;
                GcnTrainer.Result r = trainer.train(depth, hyper, new TrainingListener<>() {
                @Override
                public void epochDone(EpochResult<GcnTrainer.Evaluation> e) {
                    GcnTrainer.EpochStats s = GcnTrainer.EpochStats.of(e);
                    // One small live chart per depth (the panel lays them out as a grid); the
                    // figures below overlay all depths for comparison and export.
                    ctx.metric("loss · " + series, "train", s.epoch(), s.trainLoss());
                    ctx.metric("loss · " + series, "validation", s.epoch(), s.valLoss());
                    trainCurves.add(series, s.epoch(), s.trainLoss());
                    valCurves.add(series, s.epoch(), s.valLoss());
                    ctx.figure(TRAIN_LOSS, trainCurves.build("Training loss per depth", "epoch", "NLL on the training nodes", false));
                    ctx.figure(VAL_LOSS, valCurves.build("Validation loss per depth", "epoch", "NLL on the validation nodes", false));
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

                @Override
                public String epochMessage(EpochResult<GcnTrainer.Evaluation> e) {
                    GcnTrainer.EpochStats s = GcnTrainer.EpochStats.of(e);
                    return String.format(Locale.ROOT, "depth %d, epoch %d/%d: train loss %.4f, val loss %.4f, val acc %.1f %% (%.2f s/epoch)",
                            depth, s.epoch(), hyper.epochs(), s.trainLoss(), s.valLoss(), s.valAccuracy(), s.seconds());
                }
                }, ctx::checkCancelled, progress.weighted(depth));
                results.add(r);
                ctx.log(String.format(Locale.ROOT, "depth %d: val acc %.1f %% (mean per class %.1f %%), feature std at the last layer %.3g, "
                                + "Dirichlet energy %.3g, %.2f s/epoch", depth, r.valAccuracy(), r.valMeanClassAccuracy(),
                        r.featureStd()[depth], r.dirichletEnergy()[depth], r.secondsPerEpoch()));
                logZeros(ctx, r);
                publish(ctx, graph, depths, results);
                ctx.figure(PCA_PREFIX + depth, pcaFigure(graph, r));
            }
        }
        return summary(graph, depths, results);
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

    private static void publish(RunContext ctx, Graph graph, List<Integer> depths, List<GcnTrainer.Result> results) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < depths.size(); i++) {
            int depth = depths.get(i);
            GcnTrainer.Result r = i < results.size() ? results.get(i) : null;
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
        if (results.isEmpty()) return;

        List<String> categories = new ArrayList<>();
        for (int d : depths) categories.add("depth " + d);
        double[][] values = new double[2][depths.size()];
        for (int i = 0; i < depths.size(); i++) {
            values[0][i] = i < results.size() ? results.get(i).valAccuracy() : Double.NaN;
            values[1][i] = i < results.size() ? results.get(i).valMeanClassAccuracy() : Double.NaN;
        }
        ctx.figure(ACCURACY_FIGURE, new BarFigure("Validation accuracy per depth (chance " + f1(100.0 / graph.classes()) + " %)",
                "validation accuracy (%)", categories, List.of("overall", "mean per class"), values, null, 0, 100));

        LineFigure.Builder std = new LineFigure.Builder();
        LineFigure.Builder energy = new LineFigure.Builder();
        for (GcnTrainer.Result r : results) {
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

    private static Map<String, Object> summary(Graph graph, List<Integer> depths, List<GcnTrainer.Result> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiment", ID);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("name", graph.name());
        g.put("nodes", graph.nodes());
        g.put("edges", graph.edges().length);
        g.put("classes", graph.classes());
        g.put("feature_dim", graph.featureDim());
        g.put("train_nodes", graph.split().train().length);
        g.put("val_nodes", graph.split().validation().length);
        g.put("test_nodes", graph.split().test().length);
        out.put("graph", g);
        List<Map<String, Object>> list = new ArrayList<>();
        for (GcnTrainer.Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("depth", r.depth());
            m.put("final_train_loss", r.last().trainLoss());
            m.put("final_val_loss", r.last().valLoss());
            m.put("train_acc", r.last().trainAccuracy());
            m.put("val_acc", r.valAccuracy());
            m.put("val_acc_mean_per_class", r.valMeanClassAccuracy());
            m.put("test_acc", r.testAccuracy());
            m.put("feature_std_per_layer", toList(r.featureStd()));
            m.put("dirichlet_energy_per_layer", toList(r.dirichletEnergy()));
            m.put("seconds_per_epoch", r.secondsPerEpoch());
            list.add(m);
        }
        out.put("depths", list);
        out.put("note", "layer 0 is the input features; layer = depth is the class scores");
        return out;
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
