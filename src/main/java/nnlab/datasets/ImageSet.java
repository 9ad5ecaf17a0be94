package nnlab.datasets;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Labelled images: pixels [N, C, H, W] as floats in [0, 1] (row-major), labels 0..classes−1.
 * Kept as plain arrays so subsets, shuffles and previews need no native calls.
 */
public record ImageSet(String name, float[] pixels, int[] labels, int channels, int height, int width, List<String> classNames) {

    public ImageSet {
        classNames = List.copyOf(classNames);
        if (pixels.length != (long) labels.length * channels * height * width) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel values for " + labels.length + " images of "
                    + channels + "×" + height + "×" + width);
        }
    }

    public int size() { return labels.length; }
    public int classes() { return classNames.size(); }
    public int imageLength() { return channels * height * width; }

    /** The first {@code n} images (all when n is 0 or larger than the set). */
    public ImageSet head(int n) {
        if (n <= 0 || n >= size()) return this;
        float[] p = new float[n * imageLength()];
        System.arraycopy(pixels, 0, p, 0, p.length);
        int[] l = java.util.Arrays.copyOf(labels, n);
        return new ImageSet(name, p, l, channels, height, width, classNames);
    }

    /** Images at the given indices, in that order, as an NCHW float batch. */
    public INDArray features(int[] indices) {
        int len = imageLength();
        float[] out = new float[indices.length * len];
        for (int i = 0; i < indices.length; i++) System.arraycopy(pixels, indices[i] * len, out, i * len, len);
        return Nd4j.create(out, new long[] {indices.length, channels, height, width}, 'c');
    }

    /** One-hot labels of the given indices. */
    public INDArray oneHot(int[] indices) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, indices.length, classes());
        for (int i = 0; i < indices.length; i++) y.putScalar(i, labels[indices[i]], 1f);
        return y;
    }

    public INDArray features(int from, int to) {
        return features(range(from, to));
    }

    /** The indices 0 … n−1 in a random order (Fisher–Yates), the same order for the same generator state. */
    public static int[] permutation(int n, java.util.SplittableRandom rnd) {
        int[] p = range(0, n);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    public static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    /** One image as packed ARGB for figures (grey for one channel, RGB for three). */
    public int[] argb(int index) {
        return argb(features(new int[] {index}).get(NDArrayIndex.point(0)));
    }

    /** A [C, H, W] image in [0, 1] as packed ARGB. */
    public static int[] argb(INDArray chw) {
        int c = (int) chw.size(0);
        int h = (int) chw.size(1);
        int w = (int) chw.size(2);
        float[] v = chw.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int[] out = new int[h * w];
        for (int p = 0; p < h * w; p++) {
            int r = byteOf(v[p]);
            int g = c >= 3 ? byteOf(v[h * w + p]) : r;
            int b = c >= 3 ? byteOf(v[2 * h * w + p]) : r;
            out[p] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    private static int byteOf(float f) {
        return Math.max(0, Math.min(255, Math.round(f * 255)));
    }
}
