package nnlab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A contextual stochastic block model (Deshpande et al. 2018): balanced classes in random node
 * order; an edge joins two nodes of the same class with probability pIn and of different classes
 * with probability pOut; node features are the class mean plus Gaussian noise. Class means are
 * standard normal vectors, so featureNoise is the noise std relative to a mean coordinate's std.
 */
public final class Csbm {
    private Csbm() { }

    public record Spec(int nodes, int classes, double pIn, double pOut, int featureDim, double featureNoise, long seed) { }

    public static Graph generate(Spec s, int trainPerClass, int valSize, int testSize) {
        Random rnd = new Random(s.seed());
        int n = s.nodes();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % s.classes();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double p = labels[i] == labels[j] ? s.pIn() : s.pOut();
                if (rnd.nextDouble() < p) edges.add(new int[] {i, j});
            }
        }
        int d = s.featureDim();
        double[][] means = new double[s.classes()][d];
        for (double[] m : means) {
            for (int k = 0; k < d; k++) m[k] = rnd.nextGaussian();
        }
        float[] features = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                features[i * d + k] = (float) (means[labels[i]][k] + s.featureNoise() * rnd.nextGaussian());
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < s.classes(); c++) names.add("class " + c);
        return new Graph(String.format(java.util.Locale.ROOT, "CSBM (n=%d, %d classes, p_in=%s, p_out=%s)",
                n, s.classes(), s.pIn(), s.pOut()), n, edges.toArray(new int[0][]), d, features, labels, names,
                Graph.planetoidSplit(labels, s.classes(), trainPerClass, valSize, testSize));
    }
}
