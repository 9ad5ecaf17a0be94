package nnlab.gnn;

import static nnlab.gnn.GnnSettings.GAT;
import static nnlab.gnn.GnnSettings.INSPECT_CLASS;
import static nnlab.gnn.GnnSettings.INSPECT_NODE;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.graph.Graph;
import nnlab.graph.SparseRows;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.RunContext;

/**
 * What the saved views that look inside a trained model draw (a PCA of its hidden features; for
 * a GAT one node's attention and every node's attention entropy), measured from the model of a
 * model's first seed right after it trained. It keeps only the numbers the views draw, not the
 * model, so that a shard's part.json can carry it and {@code merge} draws the same views from it
 * with the same code ({@link #publish}).
 *
 * @param width     the hidden width the PCA was taken of (named in the figure's title)
 * @param pca       the hidden features on their first two principal components, n × 2
 * @param attention the GAT's layer-1 attention; null for a GCN
 */
record LookInside(String model, long seed, int width, double[][] pca, Attention attention) {

    /**
     * @param node      the node whose neighbourhood is drawn (the setting's, or the most uncertain test node)
     * @param nodeAlpha the node's neighbours' α per head, as {@link InsideAttention#ofNode} slices it
     * @param entropies per node, the attention entropy averaged over heads (nats)
     */
    record Attention(int node, int heads, double[] nodeAlpha, double[] entropies) { }

    static LookInside measure(GnnStudy.Trained t, Config c, Graph g) {
        GnnModel model = t.model();
        double[][] pca = InsideAttention.pcaPoints(g, t.evaluation().hidden(), model.hiddenWidth());
        Attention attention = null;
        if (model instanceof Gat gat) {
            double[] alpha = ((Gat.GatPass) t.evaluation()).attention();
            int node = requestedNode(c, g);
            if (node < 0) node = InsideAttention.mostUncertain(g, t.evaluation().scores(), requestedClass(c, g));
            int heads = gat.heads1();
            attention = new Attention(node, heads, InsideAttention.ofNode(gat.neighbourhoods(), alpha, heads, node),
                    InsideAttention.entropies(gat.neighbourhoods(), alpha, heads));
        }
        return new LookInside(t.result().model(), t.result().seed(), model.hiddenWidth(), pca, attention);
    }

    /** The inspect-node setting when it is a node of the graph, else −1 (the most uncertain test node). */
    static int requestedNode(Config c, Graph g) {
        int node = c.getInt(INSPECT_NODE);
        return node < g.nodes() ? node : -1;
    }

    /** The inspect-class setting when it is a class of the graph, else −1 (any class). */
    static int requestedClass(Config c, Graph g) {
        int ofClass = c.getInt(INSPECT_CLASS);
        return ofClass < g.classes() ? ofClass : -1;
    }

    /** The saved views, in the models' order: PCA per model; for the GAT one node's attention and the entropy histogram. */
    static void publish(RunContext ctx, Config c, GnnData.Input in, List<LookInside> inside) {
        Graph g = in.graph();
        for (LookInside v : inside) ctx.figure(GnnExperiment.pcaView(v.model()), InsideAttention.pcaFigure(g, v.pca(), v.width(), v.model()));
        LookInside gat = inside.stream().filter(v -> v.model().equals(GAT) && v.attention() != null).findFirst().orElse(null);
        if (gat == null) return;
        if (requestedNode(c, g) < 0 && c.getInt(INSPECT_NODE) >= 0) {
            ctx.log("inspect-node " + c.getInt(INSPECT_NODE) + " is not a node of this graph (0–" + (g.nodes() - 1)
                    + "): showing the most uncertain node");
        }
        if (requestedClass(c, g) < 0 && c.getInt(INSPECT_CLASS) >= 0) {
            ctx.log("inspect-class " + c.getInt(INSPECT_CLASS) + " is not a class of this graph (0–" + (g.classes() - 1) + "): any class");
        }
        Attention a = gat.attention();
        SparseRows nb = in.neighbourhoods();
        ctx.figure(GnnExperiment.NODE_GRAPH, InsideAttention.graphFigure(g, nb, a.nodeAlpha(), a.heads(), a.node()));
        ctx.figure(GnnExperiment.NODE_FIGURE, InsideAttention.nodeFigure(g, nb, a.nodeAlpha(), a.heads(), a.node()));
        ctx.table(GnnExperiment.NODE_TABLE, "Node " + a.node() + ": GAT layer-1 attention per head vs the GCN's fixed weights (seed "
                + gat.seed() + ")", InsideAttention.nodeColumns(a.heads()), InsideAttention.nodeRows(g, nb, a.nodeAlpha(), a.heads(), a.node()),
                Map.of());
        double[] h = a.entropies();
        double[] u = InsideAttention.uniformEntropies(nb);
        ctx.figure(GnnExperiment.ENTROPY, InsideAttention.entropyHistogram(h, u, 20));
        ctx.log(String.format(Locale.ROOT, "attention entropy: mean %.3f nats vs %.3f for uniform weights (%.0f %% of uniform)",
                InsideAttention.mean(h), InsideAttention.mean(u), 100 * InsideAttention.mean(h) / InsideAttention.mean(u)));
    }
}
