package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Two images of one figure (say, the same saved figure of two runs) and where they differ: the
 * image |A − B| channel by channel, black where they are the same, and how much differs. Images of
 * different sizes are not compared pixel by pixel (their layouts differ, so every pixel would);
 * {@link #describe()} says so instead.
 *
 * @param difference     |A − B| per red, green and blue channel, opaque; null when the sizes differ
 * @param differingPixels pixels where any channel differs
 * @param maxDifference  the largest channel difference, 0 to 255
 */
public record ImageDifference(int widthA, int heightA, int widthB, int heightB, BufferedImage difference,
                              long differingPixels, int maxDifference) {

    public static ImageDifference of(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        if (w != b.getWidth() || h != b.getHeight()) {
            return new ImageDifference(w, h, b.getWidth(), b.getHeight(), null, -1, -1);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        long differing = 0;
        int max = 0;
        int[] rowA = new int[w];
        int[] rowB = new int[w];
        int[] rowOut = new int[w];
        for (int y = 0; y < h; y++) {
            a.getRGB(0, y, w, 1, rowA, 0, w);
            b.getRGB(0, y, w, 1, rowB, 0, w);
            for (int x = 0; x < w; x++) {
                int pa = onWhite(rowA[x]);
                int pb = onWhite(rowB[x]);
                int r = Math.abs(((pa >> 16) & 255) - ((pb >> 16) & 255));
                int g = Math.abs(((pa >> 8) & 255) - ((pb >> 8) & 255));
                int bl = Math.abs((pa & 255) - (pb & 255));
                int m = Math.max(r, Math.max(g, bl));
                if (m > 0) differing++;
                max = Math.max(max, m);
                rowOut[x] = (r << 16) | (g << 8) | bl;
            }
            out.setRGB(0, y, w, 1, rowOut, 0, w);
        }
        return new ImageDifference(w, h, w, h, out, differing, max);
    }

    /**
     * Translucent pixels as they look on a white page, so that two images that look the same
     * compare the same.
     */
    private static int onWhite(int argb) {
        int alpha = (argb >>> 24) & 255;
        if (alpha == 255) return argb & 0xFFFFFF;
        int r = ((argb >> 16) & 255) * alpha / 255 + 255 - alpha;
        int g = ((argb >> 8) & 255) * alpha / 255 + 255 - alpha;
        int b = (argb & 255) * alpha / 255 + 255 - alpha;
        return (r << 16) | (g << 8) | b;
    }

    public boolean sameSize() {
        return difference != null;
    }

    public boolean identical() {
        return sameSize() && differingPixels == 0;
    }

    /** A line for under the difference: "identical", "3.1 % of the pixels differ, by up to 212 of 255", or the sizes. */
    public String describe() {
        if (!sameSize()) {
            return String.format(Locale.ROOT, "the images differ in size (%d × %d and %d × %d px), so they are not compared pixel by pixel",
                    widthA, heightA, widthB, heightB);
        }
        if (identical()) return "identical, pixel for pixel";
        double share = 100.0 * differingPixels / ((double) widthA * heightA);
        String pixels = share < 0.1 ? differingPixels + (differingPixels == 1 ? " pixel differs" : " pixels differ")
                : String.format(Locale.ROOT, "%.1f %% of the pixels differ", share);
        return pixels + ", by up to " + maxDifference + " of 255";
    }
}
