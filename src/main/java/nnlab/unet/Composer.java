package nnlab.unet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nnlab.datasets.ImageSet;

/**
 * Composes multi-object segmentation images from single-item images (Fashion-MNIST or the
 * generated shapes): each canvas holds {@code minItems}–{@code maxItems} items at random places.
 * An item's pixels above {@code threshold} are its class (item class + 1); everything else is
 * background (0). Without overlap, the items' tight boxes (of the pixels above the threshold) never
 * intersect; an item that finds no free place in {@link #PLACEMENT_TRIES} tries is left out. With
 * overlap, later items are drawn over earlier ones. The same seed gives the same canvases.
 */
public final class Composer {
    static final int PLACEMENT_TRIES = 200;

    /** How canvases are composed. */
    public record Layout(int height, int width, int minItems, int maxItems, boolean overlap, double threshold) {
        public Layout {
            if (minItems < 1 || maxItems < minItems) throw new IllegalArgumentException("items per image must be 1 ≤ min ≤ max, got " + minItems + "–" + maxItems);
        }
    }

    private Composer() { }

    /** The item classes plus "background" first: the per-pixel classes of a composed set. */
    public static List<String> pixelClasses(List<String> itemClasses) {
        List<String> names = new ArrayList<>();
        names.add("background");
        names.addAll(itemClasses);
        return names;
    }

    /**
     * {@code count} canvases from items {@code from} (inclusive) to {@code to} (exclusive) of
     * {@code items}, so train and validation draw from disjoint items of one file.
     */
    public static SegmentationSet compose(String name, ImageSet items, int from, int to, int count, Layout layout, long seed) {
        if (items.channels() != 1) throw new IllegalArgumentException(items.name() + ": the composer needs single-channel items");
        if (items.height() > layout.height() || items.width() > layout.width()) {
            throw new IllegalArgumentException("items of " + items.height() + "×" + items.width() + " do not fit on a "
                    + layout.height() + "×" + layout.width() + " canvas");
        }
        if (to <= from) throw new IllegalArgumentException(items.name() + ": no items to compose from");
        SplittableRandom rnd = new SplittableRandom(seed);
        int h = layout.height();
        int w = layout.width();
        int hw = h * w;
        float[] pixels = new float[count * hw];
        byte[] masks = new byte[count * hw];
        for (int n = 0; n < count; n++) {
            int wanted = layout.minItems() + rnd.nextInt(layout.maxItems() - layout.minItems() + 1);
            List<int[]> boxes = new ArrayList<>();
            for (int k = 0; k < wanted; k++) {
                int item = from + rnd.nextInt(to - from);
                int[] tight = tightBox(items, item, layout.threshold());
                if (tight == null) continue;
                int[] at = place(rnd, items, tight, boxes, layout);
                if (at == null) continue;
                draw(items, item, at[0], at[1], layout.threshold(), pixels, masks, n * hw, h, w, (byte) (items.labels()[item] + 1));
            }
        }
        return new SegmentationSet(name, pixels, masks, count, h, w, pixelClasses(items.classNames()));
    }

    /** Item pixel rows/columns [top, left, bottom, right] (inclusive) above the threshold, or null when none is. */
    static int[] tightBox(ImageSet items, int item, double threshold) {
        int ih = items.height();
        int iw = items.width();
        int off = item * ih * iw;
        int top = ih;
        int left = iw;
        int bottom = -1;
        int right = -1;
        for (int y = 0; y < ih; y++) {
            for (int x = 0; x < iw; x++) {
                if (items.pixels()[off + y * iw + x] <= threshold) continue;
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                left = Math.min(left, x);
                right = Math.max(right, x);
            }
        }
        return bottom < 0 ? null : new int[] {top, left, bottom, right};
    }

    /** The item image's top-left corner on the canvas such that its tight box lies inside and (without overlap) touches no other. */
    private static int[] place(SplittableRandom rnd, ImageSet items, int[] tight, List<int[]> boxes, Layout layout) {
        int boxH = tight[2] - tight[0] + 1;
        int boxW = tight[3] - tight[1] + 1;
        for (int t = 0; t < PLACEMENT_TRIES; t++) {
            int by = rnd.nextInt(layout.height() - boxH + 1);
            int bx = rnd.nextInt(layout.width() - boxW + 1);
            int[] box = {by, bx, by + boxH - 1, bx + boxW - 1};
            if (!layout.overlap() && boxes.stream().anyMatch(b -> intersects(b, box))) continue;
            boxes.add(box);
            return new int[] {by - tight[0], bx - tight[1]};
        }
        return null;
    }

    static boolean intersects(int[] a, int[] b) {
        return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
    }

    /**
     * Paints the item: its pixels above the threshold set image and class (over anything before);
     * its faint pixels (anti-aliased edges) only brighten background pixels, so the image never
     * contradicts the target. Parts of the item image beyond the canvas are cut off.
     */
    private static void draw(ImageSet items, int item, int top, int left, double threshold, float[] pixels, byte[] masks, int base,
                             int h, int w, byte cls) {
        int ih = items.height();
        int iw = items.width();
        int off = item * ih * iw;
        for (int y = 0; y < ih; y++) {
            int cy = top + y;
            if (cy < 0 || cy >= h) continue;
            for (int x = 0; x < iw; x++) {
                int cx = left + x;
                float v = items.pixels()[off + y * iw + x];
                if (cx < 0 || cx >= w || v <= 0) continue;
                int p = base + cy * w + cx;
                if (v > threshold) {
                    pixels[p] = v;
                    masks[p] = cls;
                } else if (masks[p] == 0) {
                    pixels[p] = Math.max(pixels[p], v);
                }
            }
        }
    }
}
