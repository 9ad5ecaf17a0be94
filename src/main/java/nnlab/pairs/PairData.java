package nnlab.pairs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nnlab.datasets.ImageSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The same-pair task built from single images: a positive pair is an item and its mirror image
 * (as a left and a right shoe are), a negative pair an item and the mirror image of another item
 * of the same class; each image of a pair gets its own small random shift and brightness change.
 * Every item gives one pair of each kind, so the sets are balanced. Label 1 = same pair.
 */
public final class PairData {
    public static final List<String> LABELS = List.of("different", "same pair");

    private PairData() { }

    /**
     * Pairs of one split: pixels [n, 2, h, w] (image 1 then image 2), which is also CNN's
     * [n, 1, 2h, w]. {@code itemA}/{@code itemB} are the two source images' indices in
     * {@code source} (the file the split came from).
     */
    public record PairSet(String name, String source, float[] pixels, int[] labels, int[] itemA, int[] itemB, int[] classes, int height,
                          int width) {
        public int size() { return labels.length; }

        int pairLength() { return 2 * height * width; }

        /** The pairs at these indices shaped for a model. */
        public INDArray features(int[] indices, PairModel m) {
            int len = pairLength();
            float[] out = new float[indices.length * len];
            for (int i = 0; i < indices.length; i++) System.arraycopy(pixels, indices[i] * len, out, i * len, len);
            return Nd4j.create(out, new long[] {indices.length, m.channels(), m.inputHeight(height), width}, 'c');
        }

        public INDArray oneHot(int[] indices) {
            INDArray y = Nd4j.zeros(DataType.FLOAT, indices.length, 2);
            for (int i = 0; i < indices.length; i++) y.putScalar(i, labels[indices[i]], 1f);
            return y;
        }

        /** The pair as one picture, image 1 above image 2 (ARGB, w × 2h). */
        public int[] argb(int index) {
            int len = pairLength();
            float[] chw = Arrays.copyOfRange(pixels, index * len, (index + 1) * len);
            return ImageSet.argb(Nd4j.create(chw, new long[] {1, 2L * height, width}, 'c'));
        }

        public int positives() {
            int n = 0;
            for (int l : labels) n += l;
            return n;
        }
    }

    /** How much each image of a pair varies. */
    public record Jitter(int maxShift, double brightness) { }

    /**
     * Pairs of the given items of {@code source} (indices into it), two per item. A negative
     * partner is drawn from the same items, so splits built from disjoint item lists share no image.
     */
    public static PairSet build(String name, ImageSet source, int[] items, Jitter jitter, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<Integer, List<Integer>> byClass = new HashMap<>();
        for (int item : items) byClass.computeIfAbsent(source.labels()[item], k -> new ArrayList<>()).add(item);
        int h = source.height();
        int w = source.width();
        int plane = h * w;
        int n = 2 * items.length;
        float[] pixels = new float[n * 2 * plane];
        int[] labels = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        int[] classes = new int[n];
        for (int i = 0; i < items.length; i++) {
            int item = items[i];
            List<Integer> same = byClass.get(source.labels()[item]);
            if (same.size() < 2) {
                throw new IllegalArgumentException(name + ": class " + source.classNames().get(source.labels()[item])
                        + " has a single item, so it has no negative partner; use more items");
            }
            int partner = same.get(rnd.nextInt(same.size() - 1));
            if (partner == item) partner = same.get(same.size() - 1);
            for (int kind = 0; kind < 2; kind++) {
                int p = 2 * i + kind;
                labels[p] = kind == 0 ? 1 : 0;
                a[p] = item;
                b[p] = kind == 0 ? item : partner;
                classes[p] = source.labels()[item];
                int off = p * 2 * plane;
                place(source.pixels(), item * plane, h, w, false, pixels, off, jitter, rnd);
                place(source.pixels(), b[p] * plane, h, w, true, pixels, off + plane, jitter, rnd);
            }
        }
        return new PairSet(name, source.name(), pixels, labels, a, b, classes, h, w);
    }

    /** Copies one image (mirrored left–right if asked) shifted by its own random offset, zero outside, times its own brightness. */
    static void place(float[] src, int srcOff, int h, int w, boolean mirror, float[] dst, int dstOff, Jitter j, SplittableRandom rnd) {
        int dx = j.maxShift() == 0 ? 0 : rnd.nextInt(-j.maxShift(), j.maxShift() + 1);
        int dy = j.maxShift() == 0 ? 0 : rnd.nextInt(-j.maxShift(), j.maxShift() + 1);
        double gain = j.brightness() == 0 ? 1 : rnd.nextDouble(1 - j.brightness(), 1 + j.brightness());
        for (int y = 0; y < h; y++) {
            int sy = y - dy;
            for (int x = 0; x < w; x++) {
                int sx = x - dx;
                float v = 0;
                if (sy >= 0 && sy < h && sx >= 0 && sx < w) {
                    v = src[srcOff + sy * w + (mirror ? w - 1 - sx : sx)];
                    v = (float) Math.min(1.0, v * gain);
                }
                dst[dstOff + y * w + x] = v;
            }
        }
    }

    /**
     * Indices of the images of the wanted classes in a seeded random order, dealt class by class
     * (one of each class in turn), so any first N of them hold the classes equally often while
     * each lasts, and every split keeps at least two items of each class.
     */
    public static int[] balancedItemsOf(ImageSet set, List<Integer> classes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<List<Integer>> perClass = new ArrayList<>();
        for (int cls : classes) {
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) if (set.labels()[i] == cls) items.add(i);
            for (int i = items.size() - 1; i > 0; i--) java.util.Collections.swap(items, i, rnd.nextInt(i + 1));
            perClass.add(items);
        }
        List<Integer> out = new ArrayList<>();
        for (int round = 0; out.size() < perClass.stream().mapToInt(List::size).sum(); round++) {
            for (List<Integer> items : perClass) if (round < items.size()) out.add(items.get(round));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
