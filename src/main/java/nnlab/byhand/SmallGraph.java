package nnlab.byhand;

import java.util.ArrayList;
import java.util.List;

/**
 * An undirected simple graph of a few nodes, numbered 0 … n−1 inside (1 … n on screen, as in the
 * write-ups), with its edges in the order they were typed.
 */
public record SmallGraph(int nodes, List<int[]> edges) {
    public static final int MAX_NODES = 12;

    public SmallGraph {
        edges = edges.stream().map(int[]::clone).toList();
        for (int[] e : edges) {
            if (e[0] < 0 || e[1] >= nodes || e[0] == e[1]) throw new IllegalArgumentException("bad edge " + e[0] + "-" + e[1]);
        }
    }

    /** The adjacency matrix A (symmetric, 0/1). */
    public double[][] adjacency() {
        double[][] a = new double[nodes][nodes];
        for (int[] e : edges) {
            a[e[0]][e[1]] = 1;
            a[e[1]][e[0]] = 1;
        }
        return a;
    }

    /** The neighbours of v (0-based), in increasing order. */
    public List<Integer> neighbours(int v) {
        List<Integer> out = new ArrayList<>();
        double[][] a = adjacency();
        for (int u = 0; u < nodes; u++) if (a[v][u] != 0) out.add(u);
        return out;
    }

    public int degree(int v) {
        return neighbours(v).size();
    }

    public boolean hasEdge(int u, int v) {
        for (int[] e : edges) if (e[0] == Math.min(u, v) && e[1] == Math.max(u, v)) return true;
        return false;
    }

    /** "1–2, 2–3" with 1-based nodes. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int[] e : edges) sb.append(sb.length() > 0 ? ", " : "").append(e[0] + 1).append('–').append(e[1] + 1);
        return sb.toString();
    }

    /** "{1, 2, 4}" with 1-based nodes. */
    public static String nodeSet(List<Integer> nodes) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < nodes.size(); i++) sb.append(i > 0 ? ", " : "").append(nodes.get(i) + 1);
        return sb.append('}').toString();
    }
}
