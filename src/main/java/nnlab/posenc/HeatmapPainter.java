package nnlab.posenc;

import nnlab.kernel.figure.NiceNumbers;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import nnlab.kernel.figure.Drawing;

/** Java2D drawing of a {@link PosEncHeatmap}: title, matrix with axes and ticks, block outlines, colour bar. */
final class HeatmapPainter {
    /** Target side of the matrix area at 1×; each cell gets a whole number of pixels, at least one. */
    private static final int TARGET_PLOT = 420;

    private HeatmapPainter() { }

    /** Where things go, in points (= pixels at 1×); cells are a whole number of points. */
    private record Geometry(int cell, int plotW, int plotH, int left, int top, int gap, int barW, int width, int height) {
        static Geometry of(Matrix m) {
            int cell = Math.max(1, (int) Math.round(TARGET_PLOT / (double) Math.max(m.rows(), m.cols())));
            int plotW = m.cols() * cell;
            int plotH = m.rows() * cell;
            int left = 72, top = 44, gap = 22, barW = 16, barLabels = 64, bottom = 52;
            return new Geometry(cell, plotW, plotH, left, top, gap, barW, left + plotW + gap + barW + barLabels,
                    top + Math.max(plotH, 160) + bottom);
        }
    }

    static BufferedImage render(PosEncHeatmap f, double scale) {
        Geometry at = Geometry.of(f.values());
        BufferedImage img = new BufferedImage((int) Math.ceil(at.width() * scale), (int) Math.ceil(at.height() * scale),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            paint(g, f, at);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The same painting for SVG and PDF. */
    static Drawing drawing(PosEncHeatmap f) {
        Geometry at = Geometry.of(f.values());
        return new Drawing(at.width(), at.height(), g -> paint(g, f, at));
    }

    private static void paint(Graphics2D g, PosEncHeatmap f, Geometry at) {
        Matrix m = f.values();
        int cell = at.cell(), plotW = at.plotW(), plotH = at.plotH(), left = at.left(), top = at.top();

        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 15);
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        drawCentered(g, f.title(), left + plotW / 2.0, 26);

        // Matrix: one pixel per cell, enlarged with nearest-neighbour so cells stay crisp.
        HeatmapColors.Range range = HeatmapColors.Range.of(m, f.colorMap());
        BufferedImage cells = new BufferedImage(m.cols(), m.rows(), BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[m.rows() * m.cols()];
        HeatmapColors.fill(m, f.colorMap(), range, argb);
        cells.setRGB(0, 0, m.cols(), m.rows(), argb, 0, m.cols());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        Drawing.drawPixels(g, cells, new java.awt.geom.Rectangle2D.Double(left, top, plotW, plotH));
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, plotW, plotH);

        // Axis ticks at cell centres, labelled with the index.
        g.setFont(tickFont);
        FontMetrics tm = g.getFontMetrics();
        for (int t : NiceNumbers.indexTicks(m.cols(), 9)) {
            double x = left + (t + 0.5) * cell;
            g.draw(new java.awt.geom.Line2D.Double(x, top + plotH, x, top + plotH + 4));
            drawCentered(g, String.valueOf(t), x, top + plotH + 6 + tm.getAscent());
        }
        for (int t : NiceNumbers.indexTicks(m.rows(), 9)) {
            double y = top + (t + 0.5) * cell;
            g.draw(new java.awt.geom.Line2D.Double(left - 4, y, left, y));
            String s = String.valueOf(t);
            g.drawString(s, (float) (left - 6 - tm.stringWidth(s)), (float) (y + tm.getAscent() / 2.0 - 1));
        }
        g.setFont(labelFont);
        FontMetrics lm = g.getFontMetrics();
        drawCentered(g, f.xLabel(), left + plotW / 2.0, top + plotH + 20 + tm.getAscent() + lm.getAscent());
        AffineTransform saved = g.getTransform();
        g.translate(18, top + plotH / 2.0);
        g.rotate(-Math.PI / 2);
        drawCentered(g, f.yLabel(), 0, lm.getAscent() / 2.0);
        g.setTransform(saved);

        drawBlocks(g, f, left, top, cell);
        drawColorBar(g, f, range, left + plotW + at.gap(), top, at.barW(), Math.max(plotH, 160), tickFont);
    }

    private static void drawBlocks(Graphics2D g, PosEncHeatmap f, int left, int top, int cell) {
        if (f.blocks().isEmpty()) return;
        Font blockFont = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        g.setFont(blockFont);
        FontMetrics fm = g.getFontMetrics();
        for (PosEncHeatmap.Block b : f.blocks()) {
            int x = left + b.col() * cell;
            int y = top + b.row() * cell;
            int w = b.cols() * cell;
            int h = b.rows() * cell;
            // A white line under a black one reads on both the dark and the light end of every map.
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(3f));
            g.drawRect(x, y, w, h);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.2f));
            g.drawRect(x, y, w, h);
            int tw = fm.stringWidth(b.label());
            int bx = x + 4;
            int by = y + 4;
            g.setColor(new Color(255, 255, 255, 215));
            g.fillRoundRect(bx, by, tw + 8, fm.getHeight() + 2, 6, 6);
            g.setColor(Color.BLACK);
            g.drawString(b.label(), bx + 4, by + 1 + fm.getAscent());
        }
    }

    private static void drawColorBar(Graphics2D g, PosEncHeatmap f, HeatmapColors.Range range, int x, int y, int w, int h,
                                     Font tickFont) {
        for (int i = 0; i < h; i++) {
            double t = 1 - (i + 0.5) / h;
            g.setColor(new Color(f.colorMap().argb(t), true));
            g.fillRect(x, y + i, w, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, w, h);
        g.setFont(tickFont);
        FontMetrics tm = g.getFontMetrics();
        for (double v : NiceNumbers.ticks(range.lo(), range.hi(), 6)) {
            double ty = y + h * (1 - range.fraction(v));
            g.draw(new java.awt.geom.Line2D.Double(x + w, ty, x + w + 4, ty));
            g.drawString(NiceNumbers.format(v), x + w + 7, (float) (ty + tm.getAscent() / 2.0 - 1));
        }
    }

    static void drawCentered(Graphics2D g, String s, double cx, double baseline) {
        if (s == null || s.isEmpty()) return;
        g.drawString(s, (float) (cx - g.getFontMetrics().stringWidth(s) / 2.0), (float) baseline);
    }
}
