package nnlab.padding;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The padding study's synthetic images (spec §1): a red and a green box whose left/right order
 * gives the class, placed near the top for class 0 and near the bottom for class 1. The test set
 * moves class 0 down and class 1 up, so only the colour order still identifies the class.
 *
 * @param features NCHW, values 0/1
 * @param labels   one-hot, n × 2
 * @param classes  the class of each sample
 * @param boxes    per sample: left box x, y, right box x, y (after any test shift)
 */
public record BoxDataset(INDArray features, INDArray labels, int[] classes, int[][] boxes) {

    /** Geometry and randomness of the generator; every number is a study setting. */
    public record Spec(int imageSize, int box, int offsetTop, int offsetBottom, int fluctuationDivisor) {
        public static Spec defaults() {
            return new Spec(32, 4, 7, 23, 6);
        }

        int span() { return imageSize - box; }

        /** Left box x is drawn from 0 .. leftRange-1 (numpy randint(span/2 - box)). */
        int leftRange() { return (int) (span() / 2.0 - box); }

        /** Vertical jitter lower bound: numpy randint truncates the float bounds toward zero. */
        int jitterLow() { return (int) (-span() / (double) fluctuationDivisor); }

        int jitterHigh() { return (int) (span() / (double) fluctuationDivisor); }
    }

    public int size() {
        return classes.length;
    }

    /**
     * Generates n samples from the given seed and generator, drawing in the published code's order
     * (left x, left y, right x, right y, then the right box again while the boxes overlap). With
     * shift > 0 the samples are the "switched" test set: class 0 moves down and class 1 up by that
     * many pixels.
     */
    public static BoxDataset generate(Spec spec, int n, long seed, int shift, DataGenerator generator) {
        DataGenerator.Draws rng = generator.open(seed);
        int size = spec.imageSize();
        float[] pixels = new float[n * 3 * size * size];
        float[] oneHot = new float[n * 2];
        int[] classes = new int[n];
        int[][] boxes = new int[n][];
        int span = spec.span();
        int lo = spec.jitterLow();
        int hi = spec.jitterHigh();
        for (int i = 0; i < n; i++) {
            int cls = i % 2;
            int base = cls == 0 ? spec.offsetTop() : spec.offsetBottom();
            int leftChannel = cls == 0 ? 0 : 1;
            int rightChannel = 1 - leftChannel;
            int x1 = rng.randint(0, spec.leftRange());
            int y1 = base + rng.randint(lo, hi);
            int x2;
            int y2;
            do {
                x2 = rng.randint(x1, span);
                y2 = base + rng.randint(lo, hi);
            } while (Math.abs(x1 - x2) < spec.box() + 1);
            int dy = shift == 0 ? 0 : (cls == 0 ? shift : -shift);
            y1 += dy;
            y2 += dy;
            fillBox(pixels, i, leftChannel, x1, y1, spec.box(), size);
            fillBox(pixels, i, rightChannel, x2, y2, spec.box(), size);
            classes[i] = cls;
            oneHot[i * 2 + cls] = 1f;
            boxes[i] = new int[] {x1, y1, x2, y2};
        }
        INDArray features = Nd4j.create(pixels, new long[] {n, 3, size, size}, DataType.FLOAT);
        INDArray labels = Nd4j.create(oneHot, new long[] {n, 2}, DataType.FLOAT);
        return new BoxDataset(features, labels, classes, boxes);
    }

    private static void fillBox(float[] pixels, int sample, int channel, int x0, int y0, int box, int size) {
        int plane = (sample * 3 + channel) * size * size;
        for (int y = Math.max(0, y0); y < Math.min(size, y0 + box); y++) {
            for (int x = Math.max(0, x0); x < Math.min(size, x0 + box); x++) {
                pixels[plane + y * size + x] = 1f;
            }
        }
    }

    /** Sample i as packed ARGB pixels (channel 0 red, 1 green, 2 blue) for previews. */
    public int[] argb(int i) {
        int size = (int) features.size(2);
        int[] out = new int[size * size];
        float[] f = features.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).dup().data().asFloat();
        int plane = size * size;
        for (int p = 0; p < plane; p++) {
            int r = Math.round(255 * f[p]);
            int g = Math.round(255 * f[plane + p]);
            int b = Math.round(255 * f[2 * plane + p]);
            out[p] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }
}
