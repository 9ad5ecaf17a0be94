package nnlab.attncost;

/**
 * The exponent p of y ≈ c·xᵖ: the least-squares slope of log y against log x. Points with
 * a non-positive or non-finite x or y are left out (a log-log plot cannot show them either).
 */
public record LogLogFit(double slope, double intercept, int points) {

    public static LogLogFit of(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i]))) continue;
            double lx = Math.log10(x[i]), ly = Math.log10(y[i]);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            m++;
        }
        double denominator = m * sxx - sx * sx;
        if (m < 2 || denominator <= 1e-12 * Math.max(1, m * sxx)) return new LogLogFit(Double.NaN, Double.NaN, m);
        double slope = (m * sxy - sx * sy) / denominator;
        return new LogLogFit(slope, (sy - slope * sx) / m, m);
    }

    /** The fit over the upper half of the x values only (where fixed per-call overheads matter least). */
    public static LogLogFit ofUpperHalf(double[] x, double[] y) {
        int from = x.length / 2;
        return of(java.util.Arrays.copyOfRange(x, from, x.length), java.util.Arrays.copyOfRange(y, from, y.length));
    }

    /** The fitted c·xᵖ at x. */
    public double at(double x) {
        return Math.pow(10, intercept + slope * Math.log10(x));
    }
}
