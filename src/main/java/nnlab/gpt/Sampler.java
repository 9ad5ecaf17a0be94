package nnlab.gpt;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next character from logits: greedy, or a draw after temperature, top-k (0 = all) and
 * top-p (the smallest set of most likely characters whose probabilities reach p).
 */
public record Sampler(double temperature, int topK, double topP, boolean greedy) {

    public Sampler {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, not " + temperature);
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("top-p must lie in (0, 1], not " + topP);
        if (topK < 0) throw new IllegalArgumentException("top-k must be ≥ 0 (0 = all), not " + topK);
    }

    /** A chosen character and the probability the model gave it (before top-k/top-p, at temperature 1). */
    public record Pick(int id, double probability) { }

    public static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) max = Math.max(max, l);
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += p[i] = Math.exp((logits[i] - max) / temperature);
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    public Pick pick(double[] logits, Random rng) {
        double[] raw = softmax(logits, 1);
        if (greedy) {
            int best = 0;
            for (int i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
            return new Pick(best, raw[best]);
        }
        double[] p = softmax(logits, temperature);
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        int keep = topK > 0 ? Math.min(topK, p.length) : p.length;
        double cumulative = 0;
        int nucleus = 0;
        while (nucleus < keep) {
            cumulative += p[order[nucleus++]];
            if (cumulative >= topP) break;
        }
        double total = 0;
        for (int i = 0; i < nucleus; i++) total += p[order[i]];
        double u = rng.nextDouble() * total;
        for (int i = 0; i < nucleus; i++) {
            u -= p[order[i]];
            if (u <= 0) return new Pick(order[i], raw[order[i]]);
        }
        return new Pick(order[nucleus - 1], raw[order[nucleus - 1]]);
    }
}
