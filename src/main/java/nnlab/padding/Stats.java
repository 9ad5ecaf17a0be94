package nnlab.padding;

import java.util.List;

/** Mean and population standard deviation, as the published study reports them. */
final class Stats {
    private Stats() { }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double populationStd(List<Double> xs) {
        if (xs.isEmpty()) return Double.NaN;
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) ss += (x - m) * (x - m);
        return Math.sqrt(ss / xs.size());
    }
}
