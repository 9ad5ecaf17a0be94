package nnlab.gnn;

/**
 * Log-softmax, NLL and accuracy over node subsets, on row-major n × C scores. The log-softmax is
 * written out as z − max − log Σ exp(z − max): ND4J M2.1's log_softmax op computes log(softmax),
 * which gives −∞ once a class probability underflows.
 */
final class Classification {
    private Classification() { }

    static double[] logSoftmax(double[] z, int n, int c) {
        double[] out = new double[z.length];
        for (int i = 0; i < n; i++) {
            int o = i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) max = Math.max(max, z[o + k]);
            double sum = 0;
            for (int k = 0; k < c; k++) sum += Math.exp(z[o + k] - max);
            double log = Math.log(sum);
            for (int k = 0; k < c; k++) out[o + k] = z[o + k] - max - log;
        }
        return out;
    }

    /** Mean negative log-likelihood of the true classes over the given nodes (0 for none). */
    static double nll(double[] logProbs, int c, int[] labels, int[] nodes) {
        if (nodes.length == 0) return 0;
        double s = 0;
        for (int i : nodes) s -= logProbs[i * c + labels[i]];
        return s / nodes.length;
    }

    /** ∂ mean NLL / ∂ scores: (softmax − one-hot) / |nodes| on the given rows, zero elsewhere. */
    static double[] nllGradient(double[] logProbs, int c, int[] labels, int[] nodes) {
        double[] g = new double[logProbs.length];
        if (nodes.length == 0) return g;
        double w = 1.0 / nodes.length;
        for (int i : nodes) {
            for (int k = 0; k < c; k++) g[i * c + k] = w * Math.exp(logProbs[i * c + k]);
            g[i * c + labels[i]] -= w;
        }
        return g;
    }

    static int[] predictions(double[] scores, int n, int c) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < c; k++) if (scores[i * c + k] > scores[i * c + best]) best = k;
            p[i] = best;
        }
        return p;
    }

    /** Percent of the given nodes predicted right (NaN for none). */
    static double accuracy(int[] predicted, int[] labels, int[] nodes) {
        if (nodes.length == 0) return Double.NaN;
        int right = 0;
        for (int i : nodes) if (predicted[i] == labels[i]) right++;
        return 100.0 * right / nodes.length;
    }
}
