package nnlab.kernel.figure;

/** "Nice" tick values (1, 2, 2.5, 5 × 10^k) and number labels, for axes and colour bars on screen and in files. */
public final class NiceNumbers {
    private NiceNumbers() { }

    /** Tick values for a colour bar over the range: "nice" steps (1, 2, 5 × 10^k), 0 included when inside. */
    public static double[] ticks(double lo, double hi, int maxTicks) {
        double span = hi - lo;
        if (!(span > 0)) return new double[] {lo};
        double raw = span / Math.max(1, maxTicks - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        int count = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, count)];
        for (int i = 0; i < t.length; i++) t[i] = Math.abs(first + i * step) < step * 1e-9 ? 0 : first + i * step;
        return t;
    }

    /** Integer tick positions 0 … n−1 for an axis of n cells, at most about maxTicks of them. */
    public static int[] indexTicks(int n, int maxTicks) {
        if (n <= 1) return new int[] {0};
        int step = 1;
        outer:
        for (int mag = 1; ; mag *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if ((n - 1) / (m * mag) + 1 <= maxTicks) {
                    step = m * mag;
                    break outer;
                }
            }
        }
        int[] t = new int[(n - 1) / step + 1];
        for (int i = 0; i < t.length; i++) t[i] = i * step;
        return t;
    }

    /** A short label for a tick: integers plain, four significant digits, scientific outside [1e-3, 1e5). */
    public static String format(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) return String.format(java.util.Locale.ROOT, "%.2e", v);
        if (v == Math.rint(v)) return String.valueOf((long) v);
        return String.format(java.util.Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** A value in full (six significant decimals), for hover read-outs. */
    public static String fullFormat(double v) {
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6 || v == 0
                ? String.format(java.util.Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "")
                : String.format(java.util.Locale.ROOT, "%.6e", v);
    }
}
