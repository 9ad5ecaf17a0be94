package nnlab.pairs;

import java.util.ArrayList;
import java.util.List;

/** What the seeds of one model produced; filled from the training threads, so every access is synchronized. */
final class ModelRuns {
    final PairModel model;
    final long parameters;
    private final PairTraining.PairScores[] test;
    private final int[] bestEpoch;
    private final double[][] trainLoss;
    private final double[][] valPositive;
    private final double[][] valNegative;
    private final List<Double> epochSeconds = new ArrayList<>();
    private int[] firstPredictions;

    ModelRuns(PairModel model, long parameters, int seeds, int epochs) {
        this.model = model;
        this.parameters = parameters;
        test = new PairTraining.PairScores[seeds];
        bestEpoch = new int[seeds];
        trainLoss = nanMatrix(seeds, epochs);
        valPositive = nanMatrix(seeds, epochs);
        valNegative = nanMatrix(seeds, epochs);
    }

    private static double[][] nanMatrix(int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) java.util.Arrays.fill(row, Double.NaN);
        return m;
    }

    synchronized void epoch(int seedIndex, int epoch, double loss, PairTraining.PairScores val, double seconds) {
        trainLoss[seedIndex][epoch - 1] = loss;
        valPositive[seedIndex][epoch - 1] = val.positiveAccuracy();
        valNegative[seedIndex][epoch - 1] = val.negativeAccuracy();
        epochSeconds.add(seconds);
    }

    /** A seed's test, trained here or replayed from a part; the first seed's predictions draw the wrong pairs. */
    synchronized void tested(int seedIndex, PairTraining.PairScores scores, int best, int[] predicted) {
        test[seedIndex] = scores;
        bestEpoch[seedIndex] = best;
        if (seedIndex == 0) firstPredictions = predicted;
    }

    synchronized List<PairTraining.PairScores> testScores() {
        List<PairTraining.PairScores> out = new ArrayList<>();
        for (PairTraining.PairScores s : test) if (s != null) out.add(s);
        return out;
    }

    synchronized List<Integer> bestEpochs() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < test.length; i++) if (test[i] != null) out.add(bestEpoch[i]);
        return out;
    }

    synchronized double secondsPerEpoch() {
        return epochSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Mean over the seeds that have the epoch: "loss", "positive" or "negative". */
    synchronized double[] meanCurve(String which) {
        double[][] m = which.equals("loss") ? trainLoss : which.equals("positive") ? valPositive : valNegative;
        double[] out = new double[m[0].length];
        for (int e = 0; e < out.length; e++) {
            double sum = 0;
            int n = 0;
            for (double[] row : m) {
                if (Double.isNaN(row[e])) continue;
                sum += row[e];
                n++;
            }
            out[e] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }

    synchronized int[] firstPredictions() { return firstPredictions; }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n − 1); 0 for a single value. */
    static double std(List<Double> xs) {
        if (xs.isEmpty()) return Double.NaN;
        if (xs.size() == 1) return 0;
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (xs.size() - 1));
    }
}
