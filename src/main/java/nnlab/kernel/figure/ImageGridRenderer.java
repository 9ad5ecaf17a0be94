package nnlab.kernel.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Small images (samples, filters, reconstructions) enlarged with crisp pixels, captioned. */
final class ImageGridRenderer {
    private ImageGridRenderer() { }

    /** Tiles are enlarged by a whole factor to about this size, so every source pixel is a square. */
    static final double TARGET_TILE = 96;
    /** Larger sources are shrunk to fit this size rather than making a huge figure. */
    static final double MAX_TILE = 192;
    static final double GAP = 12;

    /** The key's swatch side and the space between its entries. */
    static final double SWATCH = 11;
    static final double KEY_GAP = 14;

    /** keyEntries: the top-left corner (x, y) of each key entry's swatch, in the key's order. */
    record Layout(double width, double height, int columns, double zoom, double cellWidth, double cellHeight,
                  double gridLeft, double gridTop, double captionHeight, List<double[]> keyEntries) {
        /** Where tile i is drawn (its enlarged pixels, without the border). */
        Rectangle2D.Double tileRect(ImageGridFigure.Tile t, int i) {
            int col = i % columns, row = i / columns;
            double w = t.width() * zoom, h = t.height() * zoom;
            double cx = gridLeft + col * (cellWidth + GAP) + cellWidth / 2;
            double tileAreaH = cellHeight - captionHeight;
            double y = gridTop + row * (cellHeight + GAP) + (tileAreaH - h) / 2;
            return new Rectangle2D.Double(cx - w / 2, y, w, h);
        }
    }

    static Layout layout(ImageGridFigure f) {
        List<ImageGridFigure.Tile> tiles = f.tiles();
        int n = tiles.size();
        int columns = Math.max(1, Math.min(f.columns() <= 0 ? 8 : f.columns(), Math.max(1, n)));
        int rows = Math.max(1, (n + columns - 1) / columns);
        int maxDim = 1;
        for (ImageGridFigure.Tile t : tiles) maxDim = Math.max(maxDim, Math.max(t.width(), t.height()));
        double zoom = maxDim > MAX_TILE ? MAX_TILE / maxDim : Math.max(1, Math.round(TARGET_TILE / maxDim));
        double tileW = 0, tileH = 0, captionW = 0;
        boolean captions = false;
        for (ImageGridFigure.Tile t : tiles) {
            tileW = Math.max(tileW, t.width() * zoom);
            tileH = Math.max(tileH, t.height() * zoom);
            captionW = Math.max(captionW, Gfx.width(Gfx.TICK, t.caption()));
            captions |= !Gfx.str(t.caption()).isEmpty();
        }
        // Captions may be a little wider than their tile; longer ones are shortened with an ellipsis.
        double cellW = Math.max(tileW, Math.min(captionW, Math.max(tileW * 1.6, 60))) + 2;
        double captionH = captions ? Gfx.height(Gfx.TICK) + 6 : 0;
        double cellH = tileH + 2 + captionH;
        double gridW = columns * cellW + (columns - 1) * GAP;
        double width = Math.max(gridW + 2 * Gfx.PAD, Gfx.width(Gfx.TITLE, Gfx.str(f.title())) + 2 * Gfx.PAD);
        width = Math.max(width, 160);
        double top = Gfx.PAD + Gfx.titleHeight(f.title()) + 12;
        double gridH = n == 0 ? 60 : rows * cellH + (rows - 1) * GAP;
        List<double[]> key = keyLayout(f.key(), width, top + gridH + 16);
        double keyH = key.isEmpty() ? 0 : key.get(key.size() - 1)[1] + keyLineHeight() - (top + gridH);
        double height = top + gridH + keyH + Gfx.PAD;
        return new Layout(width, height, columns, zoom, cellW, cellH, (width - gridW) / 2, top, captionH, key);
    }

    private static double keyLineHeight() {
        return Math.max(SWATCH, Gfx.height(Gfx.TICK)) + 6;
    }

    private static double keyEntryWidth(ImageGridFigure.KeyEntry e) {
        return SWATCH + 4 + Gfx.width(Gfx.TICK, Gfx.str(e.label()));
    }

    /** Entries left to right, wrapped to the figure's width, each line centred; starts at y = top. */
    private static List<double[]> keyLayout(List<ImageGridFigure.KeyEntry> key, double width, double top) {
        List<double[]> out = new java.util.ArrayList<>();
        double avail = width - 2 * Gfx.PAD;
        int i = 0;
        double y = top;
        while (i < key.size()) {
            int from = i;
            double lineW = keyEntryWidth(key.get(i++));
            while (i < key.size() && lineW + KEY_GAP + keyEntryWidth(key.get(i)) <= avail) lineW += KEY_GAP + keyEntryWidth(key.get(i++));
            double x = (width - lineW) / 2;
            for (int k = from; k < i; k++) {
                out.add(new double[] {x, y});
                x += keyEntryWidth(key.get(k)) + KEY_GAP;
            }
            y += keyLineHeight();
        }
        return out;
    }

    static BufferedImage render(ImageGridFigure f, double scale) {
        return drawing(f).raster(scale);
    }

    static Drawing drawing(ImageGridFigure f) {
        Layout l = layout(f);
        return new Drawing(l.width, l.height, g -> paint(g, f, l));
    }

    private static void paint(Graphics2D g, ImageGridFigure f, Layout l) {
        Gfx.drawTitle(g, f.title(), l.width);
        List<ImageGridFigure.Tile> tiles = f.tiles();
        if (tiles.isEmpty()) {
            Gfx.message(g, "no images", new Rectangle2D.Double(0, l.gridTop, l.width, 60));
        }
        for (int i = 0; i < tiles.size(); i++) {
            ImageGridFigure.Tile t = tiles.get(i);
            Rectangle2D.Double r = l.tileRect(t, i);
            BufferedImage img = toImage(t);
            if (img != null) Gfx.drawScaled(g, img, r);
            g.setColor(Gfx.FRAME);
            g.setStroke(Gfx.stroke(1));
            g.draw(new Rectangle2D.Double(r.x - 0.5, r.y - 0.5, r.width + 1, r.height + 1));
            if (!Gfx.str(t.caption()).isEmpty()) {
                int col = i % l.columns, row = i / l.columns;
                double cx = l.gridLeft + col * (l.cellWidth + GAP) + l.cellWidth / 2;
                double y = l.gridTop + row * (l.cellHeight + GAP) + l.cellHeight - l.captionHeight + 4 + Gfx.ascent(Gfx.TICK);
                g.setColor(Gfx.TEXT);
                Gfx.text(g, Gfx.TICK, Gfx.ellipsize(Gfx.TICK, t.caption(), l.cellWidth + GAP - 4), cx, y, 0.5);
            }
        }
        for (int k = 0; k < l.keyEntries.size(); k++) {
            ImageGridFigure.KeyEntry e = f.key().get(k);
            double[] at = l.keyEntries.get(k);
            double textH = Gfx.height(Gfx.TICK);
            double swatchY = at[1] + (Math.max(SWATCH, textH) - SWATCH) / 2;
            g.setColor(new java.awt.Color(e.argb() | 0xFF000000, false));
            Rectangle2D.Double sw = new Rectangle2D.Double(at[0], swatchY, SWATCH, SWATCH);
            g.fill(sw);
            g.setColor(Gfx.FRAME);
            g.setStroke(Gfx.stroke(1));
            g.draw(sw);
            g.setColor(Gfx.TEXT);
            Gfx.text(g, Gfx.TICK, Gfx.str(e.label()), at[0] + SWATCH + 4, at[1] + (Math.max(SWATCH, textH) - textH) / 2 + Gfx.ascent(Gfx.TICK), 0);
        }
    }


    /** The tile as an image; pixels missing from a short array show as mid grey. */
    static BufferedImage toImage(ImageGridFigure.Tile t) {
        if (t.width() <= 0 || t.height() <= 0) return null;
        int[] src = t.argb() == null ? new int[0] : t.argb();
        int n = t.width() * t.height();
        // Producers often pack plain 0xRRGGBB; an all-transparent tile is surely meant as opaque.
        boolean anyAlpha = false;
        for (int i = 0; i < Math.min(n, src.length) && !anyAlpha; i++) anyAlpha = (src[i] >>> 24) != 0;
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            if (i >= src.length) px[i] = 0xFF808080;
            else px[i] = anyAlpha ? src[i] : (src[i] | 0xFF000000);
        }
        BufferedImage img = new BufferedImage(t.width(), t.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, t.width(), t.height(), px, 0, t.width());
        return img;
    }
}
