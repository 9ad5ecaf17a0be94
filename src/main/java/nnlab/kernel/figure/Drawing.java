package nnlab.kernel.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * A figure laid out: its size in points (the PNG's pixels at 1×) and the Java2D painting that
 * draws it. The same painting goes to a raster image, an SVG document or a PDF page, so every
 * format shows the same picture.
 */
public record Drawing(double width, double height, Painter painter) {

    /** Paints the figure in logical units, origin top left, on a white background already filled. */
    @FunctionalInterface
    public interface Painter {
        void paint(Graphics2D g);
    }

    public Drawing {
        if (!(width > 0 && height > 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw new IllegalArgumentException("a drawing needs a positive size, got " + width + " × " + height);
        }
    }

    /** The drawing as pixels, at scale pixels per point. */
    public BufferedImage raster(double scale) {
        Gfx.Canvas canvas = Gfx.canvas(width, height, scale);
        try {
            painter.paint(canvas.g());
        } finally {
            canvas.g().dispose();
        }
        return canvas.image();
    }

    /**
     * Set on vector targets: how many image pixels per point an enlarged image should carry.
     * Viewers of SVG and PDF often smooth an enlarged image (librsvg and pdf.js do, whatever the
     * file asks), which turns a heatmap's cells into a blur; pixels already enlarged by a whole
     * factor blur only within a fraction of a point at each cell edge.
     */
    static final RenderingHints.Key EMBED_PIXELS_PER_POINT = new RenderingHints.Key(0x6e6e6c) {
        @Override
        public boolean isCompatibleValue(Object value) {
            return value instanceof Integer i && i > 0;
        }
    };

    /** The largest side an image is enlarged to for a vector target. */
    private static final int MAX_EMBEDDED_SIDE = 4096;

    /**
     * Draws img stretched into r with crisp (nearest-neighbour) pixels, in every format: one
     * image, enlarged by a whole factor per axis first when the target may smooth it.
     */
    public static void drawPixels(Graphics2D g, BufferedImage img, Rectangle2D r) {
        Object wanted = g.getRenderingHint(EMBED_PIXELS_PER_POINT);
        if (wanted instanceof Integer perPoint) {
            int fx = factor(perPoint * r.getWidth() / img.getWidth(), img.getWidth());
            int fy = factor(perPoint * r.getHeight() / img.getHeight(), img.getHeight());
            if (fx > 1 || fy > 1) img = enlarged(img, fx, fy);
        }
        AffineTransform at = new AffineTransform();
        at.translate(r.getX(), r.getY());
        at.scale(r.getWidth() / img.getWidth(), r.getHeight() / img.getHeight());
        g.drawImage(img, at, null);
    }

    private static int factor(double wanted, int side) {
        return Math.max(1, Math.min((int) Math.ceil(wanted - 1e-9), MAX_EMBEDDED_SIDE / Math.max(1, side)));
    }

    private static BufferedImage enlarged(BufferedImage img, int fx, int fy) {
        int w = img.getWidth(), h = img.getHeight();
        int type = img.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(w * fx, h * fy, type);
        int[] row = new int[w * fx];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) java.util.Arrays.fill(row, x * fx, (x + 1) * fx, img.getRGB(x, y));
            for (int k = 0; k < fy; k++) out.setRGB(0, y * fy + k, w * fx, 1, row, 0, w * fx);
        }
        return out;
    }
}
