package nnlab.posenc;

import nnlab.kernel.figure.ColorMap;

/** Maps matrix values to colours; shared by the on-screen view and the PNG export so both agree. */
public final class HeatmapColors {
    private HeatmapColors() { }

    /** The value range a colour map spans: min…max, or −m…m (m = max |v|) for a diverging map so 0 is white. */
    public record Range(double lo, double hi) {
        public static Range of(Matrix m, ColorMap map) {
            double lo = m.min();
            double hi = m.max();
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) return new Range(0, 1);
            if (map.diverging()) {
                double a = Math.max(Math.abs(lo), Math.abs(hi));
                return a == 0 ? new Range(-1, 1) : new Range(-a, a);
            }
            if (lo == hi) return new Range(lo - 0.5, hi + 0.5); // a constant matrix still gets a usable bar
            return new Range(lo, hi);
        }

        public double fraction(double v) {
            return (v - lo) / (hi - lo);
        }
    }

    /** One opaque ARGB pixel per cell, row-major, into out (length rows·cols). */
    public static void fill(Matrix m, ColorMap map, Range range, int[] out) {
        // A 1024-entry lookup table: about 4× faster than interpolating anchors per cell at 1 M cells,
        // and finer than the eye can tell apart.
        int[] lut = lookupTable(map, 1024);
        double[] d = m.data();
        double lo = range.lo();
        double scale = (lut.length - 1) / (range.hi() - range.lo());
        for (int i = 0; i < d.length; i++) {
            double v = d[i];
            if (Double.isNaN(v)) {
                out[i] = 0xFF808080;
                continue;
            }
            int idx = (int) Math.round((v - lo) * scale);
            out[i] = lut[idx < 0 ? 0 : idx >= lut.length ? lut.length - 1 : idx];
        }
    }

    private static final java.util.Map<ColorMap, int[]> LUTS = new java.util.concurrent.ConcurrentHashMap<>();

    static int[] lookupTable(ColorMap map, int size) {
        return LUTS.computeIfAbsent(map, m -> {
            int[] lut = new int[size];
            for (int i = 0; i < size; i++) lut[i] = m.argb(i / (double) (size - 1));
            return lut;
        });
    }
}
