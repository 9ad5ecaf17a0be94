package nnlab.rotation;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rotation of NCHW image batches about the image centre, bilinear, zero outside the source.
 * Positive angles turn the image counter-clockwise as it is displayed (row 0 at the top), so a
 * 90° turn equals numpy's {@code rot90}: out[r][c] = in[c][W−1−r], i.e. transpose then flip rows.
 *
 * <p>ND4J 1.0.0-M2.1 has resize, crop_and_resize and rot90-by-axes ops but no arbitrary-angle
 * affine warp, and DataVec's RotateImageTransform goes through OpenCV one image at a time; so the
 * warp is written here once. Per angle it precomputes the 4 source indices and weights of every
 * output pixel, then applies that map to every image and channel of the batch.
 */
public final class Rotation {
    private Rotation() { }

    /** The sampling map of one angle for an h×w image: 4 taps per output pixel (index −1 = outside). */
    static final class SamplingMap {
        final int[] index;
        final float[] weight;

        SamplingMap(int h, int w, double degrees) {
            int n = h * w;
            index = new int[4 * n];
            weight = new float[4 * n];
            double[] cs = cosSin(degrees);
            double cos = cs[0];
            double sin = cs[1];
            double cx = (w - 1) / 2.0;
            double cy = (h - 1) / 2.0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    // Image rows grow downwards, so "up" is −y: work in (u right, v up) coordinates,
                    // where a counter-clockwise turn is the usual rotation matrix; sample at R(−θ)·p.
                    double u = x - cx;
                    double v = cy - y;
                    double us = u * cos + v * sin;
                    double vs = -u * sin + v * cos;
                    double xs = cx + us;
                    double ys = cy - vs;
                    int x0 = (int) Math.floor(xs);
                    int y0 = (int) Math.floor(ys);
                    double fx = xs - x0;
                    double fy = ys - y0;
                    int k = 4 * (y * w + x);
                    tap(k, x0, y0, (1 - fx) * (1 - fy), h, w);
                    tap(k + 1, x0 + 1, y0, fx * (1 - fy), h, w);
                    tap(k + 2, x0, y0 + 1, (1 - fx) * fy, h, w);
                    tap(k + 3, x0 + 1, y0 + 1, fx * fy, h, w);
                }
            }
        }

        private void tap(int k, int x, int y, double wgt, int h, int w) {
            boolean inside = x >= 0 && x < w && y >= 0 && y < h && wgt > 0;
            index[k] = inside ? y * w + x : -1;
            weight[k] = inside ? (float) wgt : 0f;
        }

        /** Rotates one plane of n = h·w pixels from src[srcOff..] into dst[dstOff..]. */
        void apply(float[] src, int srcOff, float[] dst, int dstOff) {
            int n = index.length / 4;
            for (int p = 0; p < n; p++) {
                int k = 4 * p;
                float s = 0;
                for (int t = 0; t < 4; t++) {
                    int i = index[k + t];
                    if (i >= 0) s += weight[k + t] * src[srcOff + i];
                }
                dst[dstOff + p] = s;
            }
        }
    }

    /** Exact values at multiples of 90°, so quarter turns move pixels without rounding blur. */
    static double[] cosSin(double degrees) {
        double d = ((degrees % 360) + 360) % 360;
        if (d == 0) return new double[] {1, 0};
        if (d == 90) return new double[] {0, 1};
        if (d == 180) return new double[] {-1, 0};
        if (d == 270) return new double[] {0, -1};
        double r = Math.toRadians(d);
        return new double[] {Math.cos(r), Math.sin(r)};
    }

    /** The whole batch [N, C, H, W] turned by the same angle (degrees, counter-clockwise). */
    public static INDArray rotate(INDArray batch, double degrees) {
        long[] s = batch.shape();
        double[] angles = new double[(int) s[0]];
        java.util.Arrays.fill(angles, degrees);
        return rotate(batch, angles);
    }

    /** Image i of the batch [N, C, H, W] turned by angles[i] degrees; returns a new float array. */
    public static INDArray rotate(INDArray batch, double[] angles) {
        if (batch.rank() != 4) throw new IllegalArgumentException("expected an NCHW batch, got shape " + java.util.Arrays.toString(batch.shape()));
        int n = (int) batch.size(0);
        int c = (int) batch.size(1);
        int h = (int) batch.size(2);
        int w = (int) batch.size(3);
        if (angles.length != n) throw new IllegalArgumentException(angles.length + " angles for " + n + " images");
        float[] src = batch.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] dst = new float[src.length];
        int plane = h * w;
        SamplingMap shared = null;
        double sharedAngle = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (shared == null || angles[i] != sharedAngle) {
                shared = new SamplingMap(h, w, angles[i]);
                sharedAngle = angles[i];
            }
            for (int ch = 0; ch < c; ch++) {
                int off = (i * c + ch) * plane;
                shared.apply(src, off, dst, off);
            }
        }
        return Nd4j.create(dst, new long[] {n, c, h, w}, 'c');
    }
}
