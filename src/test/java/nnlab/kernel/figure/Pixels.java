package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Pixel inspection helpers shared by the renderer tests. */
final class Pixels {
    private Pixels() { }

    static int rgb(BufferedImage img, double x, double y) {
        return img.getRGB((int) Math.floor(x), (int) Math.floor(y)) & 0xFFFFFF;
    }

    static int count(BufferedImage img, Color c) {
        return count(img, c.getRGB() & 0xFFFFFF);
    }

    static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
        }
        return n;
    }

    static boolean near(int a, int b, int tolerance) {
        return Math.abs(((a >> 16) & 255) - ((b >> 16) & 255)) <= tolerance
                && Math.abs(((a >> 8) & 255) - ((b >> 8) & 255)) <= tolerance
                && Math.abs((a & 255) - (b & 255)) <= tolerance;
    }

    /** Renders at 1× and 2× and checks the 2× picture is twice the size (±1 px); returns the 1× one. */
    static BufferedImage renderBoth(Figure f) {
        BufferedImage one = f.render(1);
        BufferedImage two = f.render(2);
        assertTrue(one.getWidth() >= 100 && one.getHeight() >= 60, "1x too small: " + one.getWidth() + "x" + one.getHeight());
        assertEquals(2.0 * one.getWidth(), two.getWidth(), 1.0, "2x width");
        assertEquals(2.0 * one.getHeight(), two.getHeight(), 1.0, "2x height");
        assertEquals(0xFFFFFF, rgb(one, 1, 1), "white background");
        assertEquals(0xFFFFFF, rgb(two, two.getWidth() - 2, two.getHeight() - 2), "white background");
        return one;
    }

    static String hex(int rgb) {
        return String.format("#%06X", rgb & 0xFFFFFF);
    }
}
