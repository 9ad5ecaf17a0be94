package nnlab.kernel.figure;

/** Colour maps for heatmaps: perceptually uniform sequential ones and a diverging one for signed data. */
public enum ColorMap {
    VIRIDIS(false, new int[] {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725}),
    MAGMA(false, new int[] {0x000004, 0x180F3D, 0x440F76, 0x721F81, 0x9E2F7F, 0xCD4071, 0xF1605D, 0xFD9668, 0xFECA8D, 0xFCFDBF}),
    GRAY(false, new int[] {0x000000, 0xFFFFFF}),
    /** Blue (negative) – white (0) – red (positive); use with a range symmetric about 0. */
    DIVERGING(true, new int[] {0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F});

    private final boolean diverging;
    private final int[] anchors;

    ColorMap(boolean diverging, int[] anchors) {
        this.diverging = diverging;
        this.anchors = anchors;
    }

    public boolean diverging() {
        return diverging;
    }

    /** Opaque ARGB colour for t in [0, 1] (clamped). */
    public int argb(double t) {
        if (Double.isNaN(t)) return 0xFF808080;
        double x = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min((int) x, anchors.length - 2);
        double f = x - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }
}
