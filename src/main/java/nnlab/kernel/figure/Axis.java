package nnlab.kernel.figure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Locale;

/**
 * A numeric axis range with "nice" ticks: 1-2-5 steps on linear axes, decades (plus 2 and 5
 * when the range is short) on log axes. Labels are formatted with just the digits the step needs.
 */
final class Axis {
    final double lo;
    final double hi;
    final boolean log;
    final double[] ticks;
    final String[] labels;
    /** Unlabelled grid positions (the 2..9 multiples on a log axis). */
    final double[] minor;

    private Axis(double lo, double hi, boolean log, double[] ticks, String[] labels, double[] minor) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
        this.ticks = ticks;
        this.labels = labels;
        this.minor = minor;
    }

    /** Position of v along the axis: 0 at lo, 1 at hi (outside for values out of range). */
    double frac(double v) {
        if (log) return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        return (v - lo) / (hi - lo);
    }

    /** The range of the data widened by pad (a fraction of the span) on both sides. */
    static Axis linear(double min, double max, double pad, int maxTicks) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        if (max < min) {
            double t = min;
            min = max;
            max = t;
        }
        double[] widened = widenIfFlat(min, max);
        min = widened[0];
        max = widened[1];
        double span = max - min;
        return fixed(min - pad * span, max + pad * span, maxTicks);
    }

    /** A range given exactly (e.g. by the user), with nice ticks inside it. */
    static Axis fixed(double lo, double hi, int maxTicks) {
        double[] widened = widenIfFlat(lo, hi);
        lo = widened[0];
        hi = widened[1];
        double step = niceStep(lo, hi, Math.max(2, maxTicks));
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        int n = (int) Math.max(0, last - first + 1);
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (first + i) * step;
            ticks[i] = Math.abs(t) < step * 1e-9 ? 0 : t;
        }
        String[] labels = new String[n];
        double maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
        for (int i = 0; i < n; i++) labels[i] = format(ticks[i], step, maxAbs);
        return new Axis(lo, hi, false, ticks, labels, new double[0]);
    }

    /**
     * An axis over the integer indices 0..n-1 with cells centred on them (heatmaps), at most
     * maxTicks labelled indices.
     */
    static Axis indices(int n, int maxTicks) {
        maxTicks = Math.max(1, maxTicks);
        long step = 1;
        for (long mag = 1; ; mag *= 10) {
            long chosen = -1;
            for (long m : new long[] {1, 2, 5}) {
                if ((n - 1) / (m * mag) + 1 <= maxTicks) {
                    chosen = m * mag;
                    break;
                }
            }
            if (chosen > 0) {
                step = chosen;
                break;
            }
        }
        int count = n <= 0 ? 0 : (int) ((n - 1) / step + 1);
        double[] ticks = new double[count];
        String[] labels = new String[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = i * step;
            labels[i] = String.valueOf(i * step);
        }
        return new Axis(-0.5, Math.max(n, 1) - 0.5, false, ticks, labels, new double[0]);
    }

    /**
     * Log10 axis over the positive data range [min, max], padded in log space. Ticks at decades;
     * when fewer than three decades are visible, also at 2× and 5× (and, if still too few, at
     * every multiple), so a short range never ends up with a single label.
     */
    static Axis log(double min, double max, int maxTicks) {
        if (!(min > 0) || !(max > 0) || !Double.isFinite(min) || !Double.isFinite(max)) {
            min = 1;
            max = 10;
        }
        double la = Math.log10(Math.min(min, max));
        double lb = Math.log10(Math.max(min, max));
        if (lb - la < 1e-9) {
            la -= 0.5;
            lb += 0.5;
        }
        double pad = 0.04 * (lb - la);
        la -= pad;
        lb += pad;
        int a = (int) Math.ceil(la - 1e-9);
        int b = (int) Math.floor(lb + 1e-9);
        int every = Math.max(1, (int) Math.ceil((b - a) / (double) Math.max(1, maxTicks - 1)));
        ArrayList<Double> ticks = new ArrayList<>();
        ArrayList<Double> minor = new ArrayList<>();
        for (int k = a; k <= b; k++) if (Math.floorMod(k, every) == 0) ticks.add(Math.pow(10, k));
        if (every == 1) {
            int[][] levels = {{2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
            boolean fewDecades = b - a + 1 < 3;
            for (int[] level : levels) {
                if (!fewDecades || ticks.size() >= 3) break;
                for (int k = a - 1; k <= b; k++) {
                    for (int m : level) {
                        double v = m * Math.pow(10, k);
                        double lv = Math.log10(v);
                        if (m > 1 && lv >= la - 1e-9 && lv <= lb + 1e-9 && !ticks.contains(v)) ticks.add(v);
                    }
                }
            }
            for (int k = a - 1; k <= b; k++) {
                for (int m = 2; m <= 9; m++) {
                    double v = m * Math.pow(10, k);
                    double lv = Math.log10(v);
                    if (lv >= la && lv <= lb && !ticks.contains(v)) minor.add(v);
                }
            }
        }
        ticks.sort(Double::compare);
        if (ticks.size() < 2) {
            // Less than a factor of ~1.5 in range: linear nice ticks are all a log axis can offer.
            Axis lin = fixed(Math.pow(10, la), Math.pow(10, lb), Math.max(2, maxTicks - 1));
            return new Axis(Math.pow(10, la), Math.pow(10, lb), true, lin.ticks, lin.labels, new double[0]);
        }
        double[] t = ticks.stream().mapToDouble(Double::doubleValue).toArray();
        // Plain numbers read best (0.01, 100) while they are short; beyond, 10 with an exponent.
        boolean plain = true;
        for (double v : t) plain &= v >= 1e-3 && v <= 1e5;
        String[] labels = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            double lg = Math.log10(t[i]);
            boolean decade = Math.abs(lg - Math.rint(lg)) < 1e-9;
            if (plain) labels[i] = new BigDecimal(t[i]).round(new MathContext(1)).stripTrailingZeros().toPlainString();
            else if (decade) labels[i] = "10" + Gfx.SUP + (long) Math.rint(lg);
            else labels[i] = sig(t[i], 1);
        }
        return new Axis(Math.pow(10, la), Math.pow(10, lb), true, t, labels,
                minor.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[] widenIfFlat(double lo, double hi) {
        double mag = Math.max(Math.abs(lo), Math.abs(hi));
        if (hi - lo <= mag * 1e-12) {
            double d = mag == 0 ? 1 : mag * 0.1;
            return new double[] {lo - d, hi + d};
        }
        return new double[] {lo, hi};
    }

    /** The smallest 1-2-5 step that puts at most maxTicks ticks in [lo, hi]. */
    static double niceStep(double lo, double hi, int maxTicks) {
        double raw = (hi - lo) / maxTicks;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)) - 1);
        for (int guard = 0; guard < 40; guard++) {
            for (double m : new double[] {1, 2, 5}) {
                double step = m * mag;
                long count = (long) Math.floor(hi / step + 1e-9) - (long) Math.ceil(lo / step - 1e-9) + 1;
                if (count <= maxTicks) return step;
            }
            mag *= 10;
        }
        return hi - lo;
    }

    /** A tick value with as many decimals as the step needs, or scientific for extreme magnitudes. */
    static String format(double v, double step, double maxAbs) {
        if (v == 0) return "0";
        int stepExp = (int) Math.floor(Math.log10(step) + 1e-9);
        if (maxAbs >= 1e6 || maxAbs < 1e-3) {
            int digits = Math.max(0, (int) Math.floor(Math.log10(Math.abs(v))) - stepExp);
            return cleanExp(String.format(Locale.ROOT, "%." + Math.min(digits, 16) + "e", v));
        }
        int decimals = Math.min(16, Math.max(0, -stepExp));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** v with n significant digits and no trailing zeros, for value labels and colour-bar ends. */
    static String sig(double v, int n) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            return new BigDecimal(v).round(new MathContext(n)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%." + Math.max(0, n - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        return cleanExp(mantissa + s.substring(e));
    }

    private static String cleanExp(String s) {
        return s.replaceAll("e\\+?(-?)0*(\\d)", "e$1$2");
    }

    /** A linear x axis with as many ticks (up to maxTicks) as fit a plot this wide without labels crowding. */
    static Axis uncrowdedLinear(double lo, double hi, double margin, int maxTicks, double plotWidth) {
        return uncrowdedLinear(lo, hi, margin, maxTicks, plotWidth, 0);
    }

    /** As above, with ticks at least minStep apart (1 for counts such as epochs: no "1.5 epochs"). */
    static Axis uncrowdedLinear(double lo, double hi, double margin, int maxTicks, double plotWidth, double minStep) {
        Axis axis = null;
        for (int n = maxTicks; n >= 2; n--) {
            axis = linear(lo, hi, margin, n);
            if (axis.ticks.length <= 1) break;
            double step = axis.ticks[1] - axis.ticks[0];
            if (step < minStep * (1 - 1e-9)) continue;
            double widest = 0;
            for (String l : axis.labels) widest = Math.max(widest, Gfx.width(Gfx.TICK, l));
            double spacing = plotWidth * step / (axis.hi - axis.lo);
            if (spacing >= widest + 12) break;
        }
        return axis;
    }
}
