package nnlab.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An undirected node-classification graph: edges as index pairs (each pair once, no self-loops),
 * a feature row and a class per node, and the train/validation/test split.
 *
 * @param features row-major, n × featureDim
 */
public record Graph(String name, int nodes, int[][] edges, int featureDim, float[] features, int[] labels,
                    List<String> classNames, Split split) {

    public Graph {
        if (features.length != (long) nodes * featureDim) throw new IllegalArgumentException("features must be nodes × featureDim");
        if (labels.length != nodes) throw new IllegalArgumentException("one label per node");
        classNames = List.copyOf(classNames);
    }

    public int classes() {
        return classNames.size();
    }

    /** Train, validation and test node indices (disjoint). */
    public record Split(int[] train, int[] validation, int[] test) { }

    /**
     * The Planetoid rule (Yang et al. 2016, used by Kipf &amp; Welling): in node order, the first
     * {@code trainPerClass} nodes of every class train; of the nodes left, the next {@code valSize}
     * validate and the next {@code testSize} test. On Cora this gives the standard 140/500/1000.
     *
     * <p>A graph too small for the sizes (the karate club has 17 nodes per faction) is split
     * proportionally instead of failing: at most a quarter of the smallest class trains, and the
     * rest alternates between validation and test. The sizes used are logged and saved.
     */
    public static Split planetoidSplit(int[] labels, int classes, int trainPerClass, int valSize, int testSize) {
        int[] classSize = new int[classes];
        for (int y : labels) classSize[y]++;
        int smallest = Arrays.stream(classSize).min().orElse(0);
        int perClass = Math.min(trainPerClass, Math.max(1, smallest / 4));
        int[] taken = new int[classes];
        boolean[] used = new boolean[labels.length];
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (taken[labels[i]] < perClass) {
                taken[labels[i]]++;
                train.add(i);
                used[i] = true;
            }
        }
        int remaining = labels.length - train.size();
        List<Integer> v = new ArrayList<>();
        List<Integer> t = new ArrayList<>();
        // Scaled down, the remaining nodes alternate between validation and test: in the karate
        // club node order follows the factions, and consecutive blocks would hold one faction each.
        boolean scaled = valSize + testSize > remaining;
        int val = scaled ? Math.min(valSize, (remaining + 1) / 2) : valSize;
        int test = scaled ? Math.min(testSize, remaining - val) : testSize;
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (used[i]) continue;
            boolean toVal = scaled ? (k++ % 2 == 0 ? v.size() < val : t.size() >= test) : v.size() < val;
            if (toVal && v.size() < val) v.add(i);
            else if (t.size() < test) t.add(i);
            else if (v.size() < val) v.add(i);
        }
        return new Split(toArray(train), toArray(v), toArray(t));
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
