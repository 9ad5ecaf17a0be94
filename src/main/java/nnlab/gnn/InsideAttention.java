package nnlab.gnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.graph.Graph;
import nnlab.graph.GraphMath;
import nnlab.graph.SparseRows;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.figure.ScatterFigure;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the trained GAT does differently from the GCN: one node's attention per head beside the
 * GCN's fixed weights 1/√(d̃_i d̃_j), the spread of attention entropy over all nodes against the
 * entropy of uniform weights, and a PCA of each model's hidden features.
 */
final class InsideAttention {
    private InsideAttention() { }

    /**
     * The test node (validation, then any, if the split has none) whose predicted class distribution
     * has the highest entropy; of true class {@code ofClass} only, when that is ≥ 0 and has such nodes.
     */
    static int mostUncertain(Graph g, double[] scores, int ofClass) {
        int c = g.classes();
        double[] logP = Classification.logSoftmax(scores, g.nodes(), c);
        int[] candidates = g.split().test().length > 0 ? g.split().test()
                : g.split().validation().length > 0 ? g.split().validation() : java.util.stream.IntStream.range(0, g.nodes()).toArray();
        if (ofClass >= 0) {
            int[] ofThatClass = java.util.Arrays.stream(candidates).filter(i -> g.labels()[i] == ofClass).toArray();
            if (ofThatClass.length > 0) candidates = ofThatClass;
        }
        int best = candidates[0];
        double bestH = -1;
        for (int i : candidates) {
            double h = 0;
            for (int k = 0; k < c; k++) h -= Math.exp(logP[i * c + k]) * logP[i * c + k];
            if (h > bestH) {
                bestH = h;
                best = i;
            }
        }
        return best;
    }

    /**
     * One node's attention out of the layer's edge-list attention {@code alpha} (edge k, head h at
     * k·heads + h): its neighbours' α in neighbourhood order, α_q,h at q·heads + h. The node views
     * take only this slice, so a shard's part keeps a few numbers instead of every edge's.
     */
    static double[] ofNode(SparseRows nb, double[] alpha, int heads, int node) {
        int from = nb.rowStart()[node], to = nb.rowStart()[node + 1];
        return java.util.Arrays.copyOfRange(alpha, from * heads, to * heads);
    }

    /** Rows: neighbour j (itself included), its class, the GCN weight, then α_ij per head ({@code nodeAlpha} from {@link #ofNode}). */
    static List<List<String>> nodeRows(Graph g, SparseRows nb, double[] nodeAlpha, int heads, int node) {
        List<List<String>> rows = new ArrayList<>();
        for (int k = nb.rowStart()[node], q = 0; k < nb.rowStart()[node + 1]; k++, q++) {
            int j = nb.columns()[k];
            List<String> row = new ArrayList<>();
            row.add(j == node ? j + " (itself)" : String.valueOf(j));
            row.add(g.classNames().get(g.labels()[j]));
            row.add(f3(gcnWeight(nb, node, j)));
            for (int h = 0; h < heads; h++) row.add(f3(nodeAlpha[q * heads + h]));
            rows.add(row);
        }
        return rows;
    }

    static List<String> nodeColumns(int heads) {
        List<String> cols = new ArrayList<>(List.of("Neighbour", "Class", "GCN 1/√(d̃ᵢd̃ⱼ)"));
        for (int h = 1; h <= heads; h++) cols.add("GAT head " + h);
        return cols;
    }

    static double gcnWeight(SparseRows nb, int i, int j) {
        return 1 / Math.sqrt((double) nb.degree(i) * nb.degree(j));
    }

    static BarFigure nodeFigure(Graph g, SparseRows nb, double[] nodeAlpha, int heads, int node) {
        List<String> categories = new ArrayList<>();
        int d = nb.degree(node);
        double[][] values = new double[heads + 1][d];
        for (int k = nb.rowStart()[node], q = 0; k < nb.rowStart()[node + 1]; k++, q++) {
            int j = nb.columns()[k];
            categories.add((j == node ? "self " : "") + j + " · " + g.classNames().get(g.labels()[j]));
            values[0][q] = gcnWeight(nb, node, j);
            for (int h = 0; h < heads; h++) values[h + 1][q] = nodeAlpha[q * heads + h];
        }
        List<String> groups = new ArrayList<>(List.of("GCN (fixed)"));
        for (int h = 1; h <= heads; h++) groups.add("GAT head " + h);
        return new BarFigure(String.format(Locale.ROOT, "Weights on node %d's neighbours (class %s, d̃ = %d): GAT layer 1 per head vs GCN",
                node, g.classNames().get(g.labels()[node]), d), "weight of neighbour j in node " + node + "'s update", categories, groups,
                values, null, 0, Double.NaN);
    }

    static NeighbourhoodFigure graphFigure(Graph g, SparseRows nb, double[] nodeAlpha, int heads, int node) {
        List<NeighbourhoodFigure.Neighbour> list = new ArrayList<>();
        for (int k = nb.rowStart()[node], q = 0; k < nb.rowStart()[node + 1]; k++, q++) {
            int j = nb.columns()[k];
            double[] a = new double[heads];
            for (int h = 0; h < heads; h++) a[h] = nodeAlpha[q * heads + h];
            list.add(new NeighbourhoodFigure.Neighbour(j, g.labels()[j], j == node, gcnWeight(nb, node, j), a));
        }
        String cls = g.classNames().get(g.labels()[node]);
        return new NeighbourhoodFigure(String.format(Locale.ROOT, "Node %d (%s, d̃ = %d) and its neighbours: GAT layer-1 attention vs GCN weights",
                node, cls, nb.degree(node)), node, cls, list, g.classNames());
    }

    /** Per node, the attention entropy −Σ α log α averaged over heads (nats). */
    static double[] entropies(SparseRows nb, double[] alpha, int heads) {
        double[] out = new double[nb.rows()];
        for (int i = 0; i < nb.rows(); i++) {
            double s = 0;
            for (int h = 0; h < heads; h++) {
                for (int k = nb.rowStart()[i]; k < nb.rowStart()[i + 1]; k++) {
                    double a = alpha[k * heads + h];
                    if (a > 0) s -= a * Math.log(a);
                }
            }
            out[i] = s / heads;
        }
        return out;
    }

    /** Per node, the entropy of uniform weights over its neighbourhood: log d̃_i. */
    static double[] uniformEntropies(SparseRows nb) {
        double[] out = new double[nb.rows()];
        for (int i = 0; i < nb.rows(); i++) out[i] = Math.log(nb.degree(i));
        return out;
    }

    static BarFigure entropyHistogram(double[] attention, double[] uniform, int bins) {
        double max = 0;
        for (double v : uniform) max = Math.max(max, v);
        for (double v : attention) max = Math.max(max, v);
        double width = max <= 0 ? 1 : max / bins;
        double[][] counts = new double[2][bins];
        for (double v : attention) counts[0][Math.min(bins - 1, (int) (v / width))]++;
        for (double v : uniform) counts[1][Math.min(bins - 1, (int) (v / width))]++;
        List<String> categories = new ArrayList<>();
        for (int b = 0; b < bins; b++) categories.add(String.format(Locale.ROOT, "%.2f–%.2f", b * width, (b + 1) * width));
        return new BarFigure(String.format(Locale.ROOT, "Attention entropy per node (nats; mean %.3f GAT vs %.3f uniform)",
                mean(attention), mean(uniform)), "nodes", categories,
                List.of("GAT layer 1 (mean over heads)", "uniform over the neighbourhood, log d̃ᵢ (GCN-like)"), counts, null, 0, Double.NaN);
    }

    /** The hidden features (n × width) projected on their first two principal components: n × 2. */
    static double[][] pcaPoints(Graph g, double[] hidden, int width) {
        return GraphMath.pca2(Nd4j.create(hidden, new long[] {g.nodes(), width}, 'c')).toDoubleMatrix();
    }

    /** The PCA picture of {@link #pcaPoints}, coloured by class. */
    static ScatterFigure pcaFigure(Graph g, double[][] p, int width, String model) {
        List<ScatterFigure.Group> groups = new ArrayList<>();
        for (int c = 0; c < g.classes(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < g.nodes(); i++) if (g.labels()[i] == c) members.add(i);
            double[] xs = new double[members.size()], ys = new double[members.size()];
            for (int k = 0; k < members.size(); k++) {
                xs[k] = p[members.get(k)][0];
                ys[k] = p[members.get(k)][1];
            }
            groups.add(new ScatterFigure.Group(g.classNames().get(c), xs, ys));
        }
        return new ScatterFigure("PCA of the " + model + "'s hidden features (" + width + " per node)",
                "principal component 1 (units of the hidden features)", "principal component 2", groups);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
