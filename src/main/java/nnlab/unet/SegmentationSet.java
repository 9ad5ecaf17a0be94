package nnlab.unet;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single-channel images with a class per pixel: pixels [N, 1, H, W] in [0, 1] and masks [N, H, W]
 * of class indices 0..classes−1 (0 = background), as plain arrays so previews need no native calls.
 */
public record SegmentationSet(String name, float[] pixels, byte[] masks, int size, int height, int width, List<String> classNames) {

    public SegmentationSet {
        classNames = List.copyOf(classNames);
        long hw = (long) height * width;
        if (pixels.length != size * hw || masks.length != size * hw) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixels and " + masks.length + " mask values for " + size
                    + " images of " + height + "×" + width);
        }
    }

    public int classes() { return classNames.size(); }

    public int pixelsPerImage() { return height * width; }

    /** Images at the given indices as an NCHW float batch with one channel. */
    public INDArray features(int[] indices) {
        int hw = pixelsPerImage();
        float[] out = new float[indices.length * hw];
        for (int i = 0; i < indices.length; i++) System.arraycopy(pixels, indices[i] * hw, out, i * hw, hw);
        return Nd4j.create(out, new long[] {indices.length, 1, height, width}, 'c');
    }

    /** One-hot masks [n, classes, H, W], the labels of a per-pixel softmax. */
    public INDArray oneHot(int[] indices) {
        int hw = pixelsPerImage();
        int c = classes();
        float[] out = new float[indices.length * c * hw];
        for (int i = 0; i < indices.length; i++) {
            int base = indices[i] * hw;
            for (int p = 0; p < hw; p++) out[(i * c + masks[base + p]) * hw + p] = 1f;
        }
        return Nd4j.create(out, new long[] {indices.length, c, height, width}, 'c').castTo(DataType.FLOAT);
    }

    /** The class indices of image {@code index}, row by row. */
    public byte[] mask(int index) {
        int hw = pixelsPerImage();
        byte[] m = new byte[hw];
        System.arraycopy(masks, index * hw, m, 0, hw);
        return m;
    }

    /** Image {@code index} as packed grey ARGB. */
    public int[] argb(int index) {
        int hw = pixelsPerImage();
        int[] out = new int[hw];
        for (int p = 0; p < hw; p++) {
            int v = Math.max(0, Math.min(255, Math.round(pixels[index * hw + p] * 255)));
            out[p] = 0xFF000000 | (v << 16) | (v << 8) | v;
        }
        return out;
    }
}
