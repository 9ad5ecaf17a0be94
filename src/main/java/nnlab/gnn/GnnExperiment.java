package nnlab.gnn;

import static nnlab.gnn.GnnSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.graph.Graph;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.PublishedResults;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.train.EpochResult;
import nnlab.kernel.train.RunProgress;
import nnlab.kernel.train.TrainingListener;

/**
 * GCN vs GAT on a citation graph: N seeds per model, live curves of the current seed, the results
 * table beside the published numbers, and after the run the views that look inside the attention.
 * Models train one after the other (all GCN seeds, then all GAT seeds); everything runs on the
 * run's own thread, so the window stays responsive.
 */
public final class GnnExperiment implements Experiment, PublishedResults {
    public static final String ID = "gnn";
    public static final ViewSpec RESULTS = ViewSpec.table("results", "Test accuracy per model");
    public static final ViewSpec SEED_TABLE = ViewSpec.table("seeds", "Every seed");
    public static final ViewSpec ACCURACY_BARS = ViewSpec.figure("test-accuracy", "Test accuracy: this run vs published");
    public static final ViewSpec NODE_TABLE = ViewSpec.table("attention-node-table", "One node's attention per head").savedOnly();
    public static final ViewSpec NODE_FIGURE = ViewSpec.figure("attention-node", "One node's attention vs GCN weights").savedOnly();
    public static final ViewSpec NODE_GRAPH = ViewSpec.figure("attention-neighbourhood", "One node's neighbourhood, drawn").savedOnly();
    public static final ViewSpec ENTROPY = ViewSpec.figure("attention-entropy", "Attention entropy vs uniform").savedOnly();

    private final ConfigSchema schema = GnnSettings.schema();

    @Override public String id() { return ID; }
    @Override public String title() { return "GCN vs GAT on citation graphs"; }

    @Override
    public String description() {
        return "Does attention over neighbours beat equal weights? GCN and GAT on Cora over many seeds, beside the published numbers, "
                + "and a look inside the attention.";
    }

    @Override
    public String howToRead() {
        return """
                Both models classify the papers of a citation graph from a few labelled examples per class. A GCN averages \
                each node's neighbours with fixed weights 1/√(d̃ᵢd̃ⱼ) set by the degrees; a GAT learns how much each \
                neighbour counts (attention), separately in each head.

                Read the results table first: test accuracy, mean ± std over seeds, beside the published numbers (marked \
                "not computed"). With the paper settings on real Cora, GAT should beat GCN by one to two points, as in the \
                papers (81.5 % and 83.0 %); the spread over seeds tells you whether a difference is real. Seconds per epoch \
                show what the attention costs.

                The live curves are the current seed's: the training loss falls fast, the validation loss decides when GAT \
                stops (patience) and which weights it keeps. The attention views open the box: one node's neighbours with \
                each edge's weight per head beside the GCN's fixed weight, and the entropy of every node's attention \
                against uniform weights; close to uniform means GAT behaves much like a GCN. The PCA plots show the hidden \
                features of each model coloured by class: separated clusters mean the classes are easy to read off.""";
    }

    @Override public ConfigSchema schema() { return schema; }
    @Override public int order() { return 45; }
    @Override public Published published() { return PublishedGnn.PUBLISHED; }

    public static ViewSpec lossChart(String model) {
        return ViewSpec.chart(model.toLowerCase(Locale.ROOT) + "-loss", model + " loss (current seed)", "epoch", "NLL");
    }

    public static ViewSpec accuracyChart(String model) {
        return ViewSpec.chart(model.toLowerCase(Locale.ROOT) + "-accuracy", model + " accuracy (current seed)", "epoch", "accuracy (%)");
    }

    public static ViewSpec pcaView(String model) {
        return ViewSpec.figure("pca-" + model.toLowerCase(Locale.ROOT), "PCA of the " + model + "'s hidden features").savedOnly();
    }

    @Override
    public List<ViewSpec> views(Config c) {
        List<String> models = c.getStrings(MODELS);
        List<ViewSpec> v = new ArrayList<>(List.of(RESULTS));
        for (String m : models) v.addAll(List.of(lossChart(m), accuracyChart(m)));
        v.addAll(List.of(ACCURACY_BARS, SEED_TABLE));
        if (models.contains(GAT)) v.addAll(List.of(NODE_GRAPH, NODE_FIGURE, NODE_TABLE, ENTROPY));
        for (String m : models) v.add(pcaView(m));
        return v;
    }

    @Override
    public GnnSummary run(Config config, RunContext ctx) {
        Config c = Presets.apply(config);
        if (!c.getString(PRESET).equals(AS_SET)) ctx.log("preset '" + c.getString(PRESET) + "': " + effective(c));
        Graph g = GnnData.graph(c);
        GnnData.Input in = GnnData.input(g, c.getBoolean(ROW_NORMALISE));
        ctx.log(String.format(Locale.ROOT, "%s: %d nodes, %d edges, %d features (%d non-zero), %d classes; split %d/%d/%d", g.name(),
                g.nodes(), g.edges().length, g.featureDim(), in.features().nonZeros(), g.classes(), g.split().train().length,
                g.split().validation().length, g.split().test().length));
        List<String> models = c.getStrings(MODELS);
        int seeds = c.getInt(SEEDS);
        double units = 0;
        for (String m : models) units += seeds * (GnnStudy.maxEpochs(m, c) + 1.0);
        RunProgress progress = new RunProgress(ctx, units);
        Map<String, List<GnnStudy.SeedResult>> results = new LinkedHashMap<>();
        Map<String, GnnStudy.Trained> firstSeed = new LinkedHashMap<>();
        for (String m : models) results.put(m, new ArrayList<>());
        GnnTables.publish(ctx, g, models, seeds, results);
        for (String m : models) {
            for (int s = 0; s < seeds; s++) {
                long seed = c.getInt(FIRST_SEED) + (long) s;
                if (s > 0) ctx.emit(new RunEvent.RetireCurves(suffix(m, seed - 1)));
                GnnStudy.Trained t = GnnStudy.train(m, in, c, seed, listener(ctx, m, seed, GnnStudy.maxEpochs(m, c)), ctx::checkCancelled,
                        progress.weighted(1));
                if (s == 0) firstSeed.put(m, t);
                results.get(m).add(t.result());
                GnnStudy.SeedResult r = t.result();
                ctx.log(String.format(Locale.ROOT, "%s seed %d: test acc %.1f %%, val acc %.1f %% (weights of epoch %d of %d), %.1f ms/epoch",
                        m, seed, r.testAccuracy(), r.valAccuracy(), r.bestEpoch(), r.epochs(), 1000 * r.secondsPerEpoch()));
                GnnTables.publish(ctx, g, models, seeds, results);
            }
        }
        lookInside(ctx, c, in, firstSeed);
        List<GnnSummary.Model> summary = new ArrayList<>();
        for (String m : models) summary.add(GnnSummary.model(m, results.get(m)));
        return new GnnSummary(new GnnSummary.GraphInfo(g.name(), g.nodes(), g.edges().length, g.classes(), g.featureDim(),
                g.split().train().length, g.split().validation().length, g.split().test().length), c.getString(PRESET), summary);
    }

    private static String suffix(String model, long seed) {
        return " · " + model + " seed " + seed;
    }

    private static TrainingListener<FullBatchTraining.Evaluation> listener(RunContext ctx, String m, long seed, int maxEpochs) {
        ViewSpec loss = lossChart(m), acc = accuracyChart(m);
        String sfx = suffix(m, seed);
        return new TrainingListener<>() {
            @Override
            public void epochDone(EpochResult<FullBatchTraining.Evaluation> e) {
                FullBatchTraining.Evaluation v = e.validation();
                ctx.metric(loss, "train" + sfx, e.epoch(), v.trainLoss());
                ctx.metric(loss, "validation" + sfx, e.epoch(), v.valLoss());
                ctx.metric(acc, "train" + sfx, e.epoch(), v.trainAccuracy());
                ctx.metric(acc, "validation" + sfx, e.epoch(), v.valAccuracy());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", m);
                row.put("seed", seed);
                row.put("epoch", e.epoch());
                row.put("train_loss", v.trainLoss());
                row.put("val_loss", v.valLoss());
                row.put("train_acc", v.trainAccuracy());
                row.put("val_acc", v.valAccuracy());
                row.put("test_acc", v.testAccuracy());
                row.put("seconds", e.seconds());
                ctx.recordMetrics(row);
            }

            @Override
            public String epochMessage(EpochResult<FullBatchTraining.Evaluation> e) {
                return String.format(Locale.ROOT, "%s seed %d, epoch %d/%d: train loss %.4f, val loss %.4f, val acc %.1f %% (%.1f ms/epoch)",
                        m, seed, e.epoch(), maxEpochs, e.validation().trainLoss(), e.validation().valLoss(), e.validation().valAccuracy(),
                        1000 * e.seconds());
            }
        };
    }

    /** The saved views of the first seed's models: PCA per model; for the GAT one node's attention and the entropy histogram. */
    private static void lookInside(RunContext ctx, Config c, GnnData.Input in, Map<String, GnnStudy.Trained> trained) {
        Graph g = in.graph();
        for (Map.Entry<String, GnnStudy.Trained> e : trained.entrySet()) {
            ctx.figure(pcaView(e.getKey()), InsideAttention.pca(g, e.getValue().evaluation().hidden(), e.getValue().model().hiddenWidth(),
                    e.getKey()));
        }
        GnnStudy.Trained gat = trained.get(GAT);
        if (gat == null) return;
        Gat model = (Gat) gat.model();
        double[] alpha = ((Gat.GatPass) gat.evaluation()).attention();
        int node = c.getInt(INSPECT_NODE);
        if (node >= g.nodes()) {
            ctx.log("inspect-node " + node + " is not a node of this graph (0–" + (g.nodes() - 1) + "): showing the most uncertain node");
            node = -1;
        }
        int ofClass = c.getInt(INSPECT_CLASS);
        if (ofClass >= g.classes()) {
            ctx.log("inspect-class " + ofClass + " is not a class of this graph (0–" + (g.classes() - 1) + "): any class");
            ofClass = -1;
        }
        if (node < 0) node = InsideAttention.mostUncertain(g, gat.evaluation().scores(), ofClass);
        int heads = model.heads1();
        ctx.figure(NODE_GRAPH, InsideAttention.graphFigure(g, model.neighbourhoods(), alpha, heads, node));
        ctx.figure(NODE_FIGURE, InsideAttention.nodeFigure(g, model.neighbourhoods(), alpha, heads, node));
        ctx.table(NODE_TABLE, "Node " + node + ": GAT layer-1 attention per head vs the GCN's fixed weights (seed " + gat.result().seed() + ")",
                InsideAttention.nodeColumns(heads), InsideAttention.nodeRows(g, model.neighbourhoods(), alpha, heads, node), Map.of());
        double[] h = InsideAttention.entropies(model.neighbourhoods(), alpha, heads);
        double[] u = InsideAttention.uniformEntropies(model.neighbourhoods());
        ctx.figure(ENTROPY, InsideAttention.entropyHistogram(h, u, 20));
        ctx.log(String.format(Locale.ROOT, "attention entropy: mean %.3f nats vs %.3f for uniform weights (%.0f %% of uniform)",
                InsideAttention.mean(h), InsideAttention.mean(u), 100 * InsideAttention.mean(h) / InsideAttention.mean(u)));
    }

    private static String effective(Config c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : Presets.PAPER_VALUES.keySet()) m.put(k, c.get(k));
        return m.toString();
    }
}
