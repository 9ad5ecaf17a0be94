package nnlab.jl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.NiceNumbers;

/**
 * The JL lab's figures. Measured curves are named "measured"; the lemma's and the corollary's
 * statements are named by their formula and drawn on the same axes.
 */
final class JlFigures {
    private JlFigures() { }

    static final int BINS = 40;

    private static String f(double v) {
        return NiceNumbers.format(Double.parseDouble(String.format(Locale.ROOT, "%.3g", v)));
    }

    private static LineFigure.Series vertical(String name, double x, double top) {
        return new LineFigure.Series(name, new double[] {x, x}, new double[] {0, top});
    }

    /** A step outline of the ratios' histogram, with the band (1 ± ε) as vertical lines. */
    static LineFigure histogram(JlStudy st) {
        JlSettings s = st.settings();
        double[] r = st.atK().ratios();
        double lo = Math.min(1 - s.epsilon(), java.util.Arrays.stream(r).min().orElse(1));
        double hi = Math.max(1 + s.epsilon(), java.util.Arrays.stream(r).max().orElse(1));
        double width = (hi - lo) / BINS;
        int[] counts = new int[BINS];
        for (double v : r) counts[Math.min(BINS - 1, (int) ((v - lo) / width))]++;
        double[] x = new double[2 * BINS + 2], y = new double[2 * BINS + 2];
        int top = 0;
        for (int b = 0; b < BINS; b++) {
            x[2 * b + 1] = lo + b * width;
            x[2 * b + 2] = lo + (b + 1) * width;
            y[2 * b + 1] = counts[b];
            y[2 * b + 2] = counts[b];
            top = Math.max(top, counts[b]);
        }
        x[0] = lo;
        x[2 * BINS + 1] = hi;
        String title = String.format(Locale.ROOT, "‖Mx−My‖²/‖x−y‖² at k = %d: %s %% of %d pairs in 1 ± %s",
                s.k(), f(100 * st.atK().fractionInside(s.epsilon())), r.length, f(s.epsilon()));
        return new LineFigure(title, "squared-distance ratio, d = " + s.dim() + " → k = " + s.k() + " (dimensionless)", "pairs per bin (count, bin width " + f(width) + ")",
                List.of(new LineFigure.Series("measured: pairs per bin", x, y),
                        vertical("1 − ε = " + f(1 - s.epsilon()), 1 - s.epsilon(), top),
                        vertical("1 + ε = " + f(1 + s.epsilon()), 1 + s.epsilon(), top)), false);
    }

    static LineFigure fractionVsK(JlStudy st) {
        JlSettings s = st.settings();
        int m = st.sweep().size();
        double[] k = new double[m], frac = new double[m];
        for (int i = 0; i < m; i++) {
            k[i] = st.sweep().get(i).k();
            frac[i] = 100 * st.sweep().get(i).fractionInside(s.epsilon());
        }
        String lemma = "lemma: k ≥ 8 ln n / ε² = " + f(st.lemmaK()) + (st.lemmaK() > s.dim() ? " (beyond d = " + s.dim() + ")" : "");
        return new LineFigure(String.format(Locale.ROOT, "Pairs inside 1 ± %s against k (n = %d, d = %d)",
                f(s.epsilon()), s.points(), s.dim()), "target dimension k", "pairs inside (1 ± ε) (%)",
                List.of(new LineFigure.Series("measured (M: first k rows of one draw)", k, frac), vertical(lemma, st.lemmaK(), 100)), false);
    }

    /** Size of U against n at the chosen δ: the guarantee e^{nδ²/c} and the largest prefix of the built set within δ. */
    static LineFigure sizeVsDim(JlStudy st) {
        JlSettings s = st.settings();
        int m = st.byDim().size();
        double[] n = new double[m], bound = new double[m], measured = new double[m];
        for (int i = 0; i < m; i++) {
            JlMath.NearlyOrthogonal u = st.byDim().get(i);
            n[i] = u.dim();
            bound[i] = JlMath.guaranteedSize(u.dim(), s.delta(), s.c());
            measured[i] = u.largestSetWithin(s.delta());
        }
        return new LineFigure(String.format(Locale.ROOT, "Vectors of U = {M eᵢ/‖M eᵢ‖} pairwise |uᵢᵀuⱼ| ≤ %s, against n", f(s.delta())),
                "dimension n", "set size N (log scale)", List.of(
                        new LineFigure.Series("guarantee e^(nδ²/c), c = " + f(s.c()), n, bound),
                        new LineFigure.Series("measured: largest N within δ (at most " + s.setCap() + " built)", n, measured)), true);
    }

    /** Size of U against δ at the largest n. */
    static LineFigure sizeVsDelta(JlStudy st) {
        JlSettings s = st.settings();
        JlMath.NearlyOrthogonal u = st.atLargestDim();
        List<Double> deltas = new ArrayList<>();
        for (int i = 1; i <= 19; i++) deltas.add(i * 0.05);
        if (!deltas.contains(s.delta())) deltas.add(s.delta());
        deltas.sort(Double::compare);
        double[] d = new double[deltas.size()], bound = new double[d.length], measured = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = deltas.get(i);
            bound[i] = JlMath.guaranteedSize(u.dim(), d[i], s.c());
            measured[i] = u.largestSetWithin(d[i]);
        }
        return new LineFigure(String.format(Locale.ROOT, "Vectors of U pairwise |uᵢᵀuⱼ| ≤ δ, against δ (n = %d)", u.dim()),
                "δ (largest |uᵢᵀuⱼ| allowed)", "set size N (log scale)", List.of(
                        new LineFigure.Series("guarantee e^(nδ²/c), c = " + f(s.c()), d, bound),
                        new LineFigure.Series("measured: largest N within δ (at most " + s.setCap() + " built)", d, measured)), true);
    }

    /** The largest |uᵢᵀuⱼ| of a set of N vectors against n, beside the δ the corollary guarantees for that N. */
    static LineFigure innerVsDim(JlStudy st) {
        JlSettings s = st.settings();
        int m = st.byDim().size();
        double[] n = new double[m], measured = new double[m], guaranteed = new double[m];
        for (int i = 0; i < m; i++) {
            JlMath.NearlyOrthogonal u = st.byDim().get(i);
            n[i] = u.dim();
            measured[i] = u.largestInner()[s.setSize()];
            guaranteed[i] = JlMath.guaranteedDelta(u.dim(), s.setSize(), s.c());
        }
        return new LineFigure(String.format(Locale.ROOT, "Largest |uᵢᵀuⱼ| of N = %d vectors of U, against n", s.setSize()),
                "dimension n", "max |uᵢᵀuⱼ| (dimensionless)", List.of(
                        new LineFigure.Series("measured", n, measured),
                        new LineFigure.Series("guarantee δ = √(c ln N / n), c = " + f(s.c()) + " (says nothing above 1)", n, guaranteed)), false);
    }
}
