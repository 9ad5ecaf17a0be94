package nnlab.byhand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The matrices of a small graph, computed with ND4J: A, Aⁿ (entry (i, j) counts the walks of
 * length n from i to j), the degree matrix D, the Laplacian L = D − A, LX for features X, and one
 * mean-aggregation message-passing step h′_v = σ(W · mean_{u ∈ N(v)} h_u + B · h_v) with h = X.
 */
public final class GraphMatrices {
    public static final int MAX_POWER = 10;
    public static final int MAX_FEATURES = 6;

    /** The message-passing nonlinearity σ. */
    public enum Activation {
        RELU("relu", "ReLU"), SIGMOID("sigmoid", "sigmoid"), TANH("tanh", "tanh"), IDENTITY("identity", "identity (no σ)");

        public final String id;
        public final String label;

        Activation(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public static List<String> ids() {
            List<String> out = new ArrayList<>();
            for (Activation a : values()) out.add(a.id);
            return out;
        }

        public static Activation of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }

        double apply(double x) {
            return switch (this) {
                case RELU -> Math.max(0, x);
                case SIGMOID -> 1 / (1 + Math.exp(-x));
                case TANH -> Math.tanh(x);
                case IDENTITY -> x;
            };
        }

        INDArray apply(INDArray x) {
            return switch (this) {
                case RELU -> Transforms.relu(x, true);
                case SIGMOID -> Transforms.sigmoid(x, true);
                case TANH -> Transforms.tanh(x, true);
                case IDENTITY -> x.dup();
            };
        }
    }

    /** The inputs: the graph, the power n, X (nodes × d), W and B (d′ × d) and σ. */
    public record Inputs(SmallGraph graph, int power, double[][] x, double[][] w, double[][] b, Activation activation) { }

    /**
     * @param mean   mean_{u ∈ N(v)} h_u per node (0 for a node without neighbours)
     * @param pre    W · mean + B · h_v, before σ
     * @param next   h′ = σ(pre)
     */
    public record Result(Inputs inputs, double[][] a, double[][] aPower, double[][] d, double[][] laplacian, double[][] lx,
                         double[][] mean, double[][] pre, double[][] next) {

        /** The largest |row sum| of L (0 for every graph: each row holds deg(v) and deg(v) −1s). */
        public double maxLaplacianRowSum() {
            double m = 0;
            for (double[] row : laplacian) {
                double s = 0;
                for (double v : row) s += v;
                m = Math.max(m, Math.abs(s));
            }
            return m;
        }
    }

    private GraphMatrices() { }

    /** Why these inputs do not fit together, or null when they do. */
    public static String problem(Inputs in) {
        int n = in.graph().nodes();
        if (in.x().length != n) return "X has " + in.x().length + " rows but the graph has " + n + " nodes (one row per node)";
        int d = in.x()[0].length;
        if (in.w()[0].length != d) return "W has " + in.w()[0].length + " columns but X has " + d + " (W · mean h must be defined)";
        if (in.b()[0].length != d) return "B has " + in.b()[0].length + " columns but X has " + d + " (B · h_v must be defined)";
        if (in.b().length != in.w().length) return "W has " + in.w().length + " rows but B has " + in.b().length
                + " (W · mean h and B · h_v are added, so they need the same size)";
        return null;
    }

    public static Result compute(Inputs in) {
        String p = problem(in);
        if (p != null) throw new IllegalArgumentException(p);
        SmallGraph g = in.graph();
        int n = g.nodes();
        INDArray a = Nd4j.createFromArray(g.adjacency());
        INDArray power = Nd4j.eye(n).castTo(a.dataType());
        for (int k = 0; k < in.power(); k++) power = power.mmul(a);
        INDArray degrees = a.sum(1);
        INDArray d = Nd4j.diag(degrees);
        INDArray laplacian = d.sub(a);
        INDArray x = Nd4j.createFromArray(in.x());
        INDArray lx = laplacian.mmul(x);
        // Mean over neighbours: divide each row of A by the degree; a node without neighbours gets 0.
        INDArray safeDegrees = Transforms.max(degrees, 1.0, true).reshape(n, 1);
        INDArray mean = a.mmul(x).divi(safeDegrees.broadcast(n, x.columns()));
        INDArray pre = mean.mmul(Nd4j.createFromArray(in.w()).transpose()).add(x.mmul(Nd4j.createFromArray(in.b()).transpose()));
        INDArray next = in.activation().apply(pre);
        return new Result(in, a.toDoubleMatrix(), power.toDoubleMatrix(), d.toDoubleMatrix(), laplacian.toDoubleMatrix(),
                lx.toDoubleMatrix(), mean.toDoubleMatrix(), pre.toDoubleMatrix(), next.toDoubleMatrix());
    }

    /**
     * The walks of the given length from i to j (0-based): how many (counted step by step, one
     * node at a time, without matrices) and the first {@code limit} of them in order. The search
     * only steps to nodes from which j can still be reached in the steps left, so listing a few
     * walks stays quick even when there are billions.
     */
    public static Walks walks(SmallGraph g, int from, int to, int length, int limit) {
        int n = g.nodes();
        // ways[k][v]: the number of walks of k steps from v to j, built up one step at a time.
        long[][] ways = new long[length + 1][n];
        ways[0][to] = 1;
        for (int k = 1; k <= length; k++) {
            for (int v = 0; v < n; v++) for (int u : g.neighbours(v)) ways[k][v] += ways[k - 1][u];
        }
        List<List<Integer>> found = new ArrayList<>();
        List<Integer> path = new ArrayList<>(List.of(from));
        if (ways[length][from] > 0) list(g, path, length, limit, ways, found);
        return new Walks(from, to, length, ways[length][from], found);
    }

    private static void list(SmallGraph g, List<Integer> path, int length, int limit, long[][] ways, List<List<Integer>> found) {
        int left = length - (path.size() - 1);
        if (left == 0) {
            found.add(List.copyOf(path));
            return;
        }
        for (int u : g.neighbours(path.get(path.size() - 1))) {
            if (found.size() >= limit) return;
            if (ways[left - 1][u] == 0) continue;
            path.add(u);
            list(g, path, length, limit, ways, found);
            path.remove(path.size() - 1);
        }
    }

    /**
     * The walks counted by brute force: every sequence of {@code length} steps along edges from i
     * is tried, and those ending at j are counted. The check for Aⁿ, independent of any matrix;
     * it takes (degree)^length steps, so callers keep it to small cases.
     */
    public static long bruteForceCount(SmallGraph g, int from, int to, int length) {
        return bruteForceCounts(g, from, length)[to];
    }

    /** The same for every end node at once: entry j counts the walks from i that end at j. */
    public static long[] bruteForceCounts(SmallGraph g, int from, int length) {
        long[] counts = new long[g.nodes()];
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int v = 0; v < g.nodes(); v++) neighbours.add(g.neighbours(v));
        tryAll(neighbours, from, length, counts);
        return counts;
    }

    private static void tryAll(List<List<Integer>> neighbours, int at, int left, long[] counts) {
        if (left == 0) {
            counts[at]++;
            return;
        }
        for (int u : neighbours.get(at)) tryAll(neighbours, u, left - 1, counts);
    }

    /** Walks from → to of one length: how many, and the first few as node sequences (0-based). */
    public record Walks(int from, int to, int length, long count, List<List<Integer>> listed) {

        /** "1 → 2 → 1 → 3" per walk, 1-based, with "… and k more" when some were not listed. */
        public List<String> describe() {
            List<String> out = new ArrayList<>();
            for (List<Integer> w : listed) {
                StringBuilder sb = new StringBuilder();
                for (int v : w) sb.append(sb.length() > 0 ? " → " : "").append(v + 1);
                out.add(sb.toString());
            }
            if (count > listed.size()) out.add("… and " + (count - listed.size()) + " more");
            return out;
        }
    }
}
