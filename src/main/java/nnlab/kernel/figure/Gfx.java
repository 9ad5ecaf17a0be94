package nnlab.kernel.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared drawing vocabulary of the figure renderers. All layout happens in logical units (the
 * size at scale 1); the Graphics2D is then scaled, so 2× and 3× are the same picture, sharper.
 */
final class Gfx {
    private Gfx() { }

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font CELL_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x666666);
    static final Color GRID = new Color(0xE5E5E5);
    static final Color MINOR_GRID = new Color(0xF2F2F2);
    static final Color FRAME = new Color(0x555555);
    static final Color LEGEND_BORDER = new Color(0xCCCCCC);

    static final double PAD = 14;
    static final double TICK_LEN = 4;

    /**
     * Okabe-Ito, reordered so the low-contrast yellow comes last: distinguishable with the common
     * colour-vision deficiencies and still readable in greyscale print.
     */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };

    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * Measuring with a fixed, transform-free context keeps the layout (and so the image size)
     * identical at every scale; fractional metrics keep drawn text consistent with it.
     */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    static String str(String s) {
        return s == null ? "" : s;
    }

    /**
     * Marks the start of a superscript in tick labels ("10" SUP "-3"). A control character, so
     * that a user's "x^2" in a title or table is drawn literally.
     */
    static final char SUP = '\u0001';

    static double width(Font f, String s) {
        if (s == null || s.isEmpty()) return 0;
        int caret = s.indexOf(SUP);
        if (caret >= 0) {
            return f.getStringBounds(s.substring(0, caret), FRC).getWidth()
                    + sup(f).getStringBounds(s.substring(caret + 1), FRC).getWidth();
        }
        return f.getStringBounds(s, FRC).getWidth();
    }

    private static LineMetrics metrics(Font f) {
        return f.getLineMetrics("Xg", FRC);
    }

    static double ascent(Font f) {
        return metrics(f).getAscent();
    }

    static double descent(Font f) {
        return metrics(f).getDescent();
    }

    static double height(Font f) {
        LineMetrics m = metrics(f);
        return m.getAscent() + m.getDescent();
    }

    /** Cap-height approximation, used to centre a line of text vertically on a point. */
    static double capHeight(Font f) {
        return ascent(f) * 0.72;
    }

    private static Font sup(Font f) {
        return f.deriveFont(f.getSize2D() * 0.75f);
    }

    /**
     * Draws text with its baseline at y; align 0 = left edge at x, 0.5 = centred, 1 = right edge.
     * "10" SUP "-3" is drawn as 10 with a raised exponent, for decade ticks on log axes.
     */
    static void text(Graphics2D g, Font f, String s, double x, double y, double align) {
        if (s == null || s.isEmpty()) return;
        double left = x - align * width(f, s);
        g.setFont(f);
        int caret = s.indexOf(SUP);
        if (caret < 0) {
            g.drawString(s, (float) left, (float) y);
            return;
        }
        String base = s.substring(0, caret);
        g.drawString(base, (float) left, (float) y);
        g.setFont(sup(f));
        g.drawString(s.substring(caret + 1), (float) (left + f.getStringBounds(base, FRC).getWidth()),
                (float) (y - ascent(f) * 0.45));
        g.setFont(f);
    }

    /** Text centred vertically on y (by cap height), for tick labels next to a tick. */
    static void textMid(Graphics2D g, Font f, String s, double x, double y, double align) {
        text(g, f, s, x, y + capHeight(f) / 2, align);
    }

    /** Text rotated 90° anticlockwise, centred on (cx, cy): for y-axis labels. */
    static void textVertical(Graphics2D g, Font f, String s, double cx, double cy) {
        if (s == null || s.isEmpty()) return;
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(-Math.PI / 2);
        text(g, f, s, 0, capHeight(f) / 2, 0.5);
        g.setTransform(saved);
    }

    static String ellipsize(Font f, String s, double maxWidth) {
        s = str(s);
        if (width(f, s) <= maxWidth) return s;
        String dots = "…";
        int n = s.length();
        while (n > 0 && width(f, s.substring(0, n) + dots) > maxWidth) n--;
        return n == 0 ? "" : s.substring(0, n).stripTrailing() + dots;
    }

    record Canvas(BufferedImage image, Graphics2D g) { }

    static int px(double logical, double scale) {
        return Math.max(1, (int) Math.round(logical * scale));
    }

    static Canvas canvas(double width, double height, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("scale must be positive, got " + scale);
        BufferedImage image = new BufferedImage(px(width, scale), px(height, scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // Pixels of images and heatmaps stay crisp when enlarged.
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.scale(scale, scale);
        g.setColor(TEXT);
        return new Canvas(image, g);
    }

    static double titleHeight(String title) {
        return str(title).isEmpty() ? 0 : height(TITLE);
    }

    /** Draws the bold title centred at the top; returns the y just below it. */
    static double drawTitle(Graphics2D g, String title, double canvasWidth) {
        if (str(title).isEmpty()) return PAD;
        g.setColor(TEXT);
        String t = ellipsize(TITLE, title, canvasWidth - 2 * PAD);
        text(g, TITLE, t, canvasWidth / 2, PAD + ascent(TITLE), 0.5);
        return PAD + height(TITLE);
    }

    /** The subtitle's lines ("\n" separates them; blank: none). */
    static List<String> subtitleLines(String subtitle) {
        if (str(subtitle).isBlank()) return List.of();
        return List.of(subtitle.split("\n"));
    }

    static double subtitleHeight(String subtitle) {
        int n = subtitleLines(subtitle).size();
        return n == 0 ? 0 : n * (height(LEGEND) + 2) + 2;
    }

    /** Draws the muted subtitle lines centred under the title (whose bottom is titleBottom). */
    static void drawSubtitle(Graphics2D g, String subtitle, double canvasWidth, double titleBottom) {
        double y = titleBottom + 2;
        g.setColor(MUTED);
        for (String line : subtitleLines(subtitle)) {
            text(g, LEGEND, ellipsize(LEGEND, line, canvasWidth - 2 * PAD), canvasWidth / 2, y + ascent(LEGEND), 0.5);
            y += height(LEGEND) + 2;
        }
    }

    static final Color REFERENCE = new Color(0x444444);

    /**
     * Labelled horizontal lines across the plot, dashed, each label at the right end just above
     * its line (below it when the line runs along the top of the plot).
     */
    static void drawReferences(Graphics2D g, List<ReferenceLine> lines, Rectangle2D.Double plot,
                               java.util.function.DoubleUnaryOperator toY) {
        for (ReferenceLine r : lines) {
            double y = toY.applyAsDouble(r.y());
            if (!(y >= plot.y - 0.5 && y <= plot.getMaxY() + 0.5)) continue;
            g.setColor(REFERENCE);
            g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6, 4}, 0f));
            g.draw(new java.awt.geom.Line2D.Double(plot.x, y, plot.getMaxX(), y));
            if (r.label().isEmpty()) continue;
            String label = ellipsize(SMALL, r.label(), plot.width - 8);
            double w = width(SMALL, label);
            double baseline = y - 3 - descent(SMALL) < plot.y + ascent(SMALL) ? y + 3 + ascent(SMALL) : y - 3 - descent(SMALL);
            // A white box keeps the label readable over curves and bars.
            g.setColor(new Color(255, 255, 255, 215));
            g.fill(new Rectangle2D.Double(plot.getMaxX() - 4 - w - 2, baseline - ascent(SMALL), w + 4, height(SMALL)));
            g.setColor(REFERENCE);
            text(g, SMALL, label, plot.getMaxX() - 4, baseline, 1);
        }
    }

    static void message(Graphics2D g, String s, Rectangle2D.Double area) {
        g.setColor(MUTED);
        textMid(g, LABEL, s, area.getCenterX(), area.getCenterY(), 0.5);
    }

    static BasicStroke stroke(double w) {
        return new BasicStroke((float) w);
    }

    /** How a legend entry's swatch is drawn, in a box of (w, h) at (x, y). */
    interface Swatch {
        void paint(Graphics2D g, int index, double x, double y, double w, double h);
    }

    /**
     * A boxed legend laid out in rows under the title, so it never hides data; entries wrap to
     * further rows when they do not fit the width.
     */
    static final class Legend {
        static final double INNER = 6;
        static final double GAP = 18;
        static final double SWATCH_GAP = 6;

        private final List<String> names;
        private final double swatchWidth;
        private final List<int[]> rows = new ArrayList<>();
        private final List<Double> rowWidths = new ArrayList<>();
        private final double rowHeight = Math.max(Gfx.height(LEGEND), 12) + 4;

        Legend(List<String> names, double swatchWidth, double maxWidth) {
            this(names, swatchWidth, maxWidth, false);
        }

        /** With {@code column}, one entry per row (a legend beside the plot), names cut to maxWidth. */
        Legend(List<String> names, double swatchWidth, double maxWidth, boolean column) {
            this.names = new ArrayList<>();
            double maxName = Math.max(40, maxWidth - 2 * INNER - swatchWidth - SWATCH_GAP);
            for (String n : names) this.names.add(ellipsize(LEGEND, n, maxName));
            this.swatchWidth = swatchWidth;
            if (column) {
                for (int i = 0; i < this.names.size(); i++) {
                    rows.add(new int[] {i, i + 1});
                    rowWidths.add(itemWidth(i));
                }
                return;
            }
            int start = 0;
            double w = 0;
            for (int i = 0; i < this.names.size(); i++) {
                double item = itemWidth(i);
                if (i > start && w + GAP + item > maxWidth - 2 * INNER) {
                    rows.add(new int[] {start, i});
                    rowWidths.add(w);
                    start = i;
                    w = item;
                } else {
                    w += (i > start ? GAP : 0) + item;
                }
            }
            if (start < this.names.size()) {
                rows.add(new int[] {start, this.names.size()});
                rowWidths.add(w);
            }
        }

        private double itemWidth(int i) {
            return swatchWidth + SWATCH_GAP + Gfx.width(LEGEND, names.get(i));
        }

        double width() {
            double w = 0;
            for (double r : rowWidths) w = Math.max(w, r);
            return w + 2 * INNER;
        }

        double height() {
            return rows.size() * rowHeight + 2 * INNER - 4;
        }

        int rowCount() {
            return rows.size();
        }

        /** The legend cut to its first rows so it is at most maxHeight tall (a column legend's last row then says how many are left out). */
        Legend fitHeight(double maxHeight) {
            int fit = (int) Math.floor((maxHeight - 2 * INNER + 4) / rowHeight);
            if (rows.size() <= fit || fit < 2) return this;
            int keep = rows.get(fit - 2)[1];
            List<String> kept = new ArrayList<>(names.subList(0, keep));
            kept.add("+ " + (names.size() - keep) + " more (export for all)");
            Legend cut = new Legend(kept, swatchWidth, Double.MAX_VALUE, true);
            cut.hiddenFrom = keep;
            return cut;
        }

        /** Entries from this index on are not drawn (the "+ k more" row stands for them); MAX_VALUE: all shown. */
        int hiddenFrom = Integer.MAX_VALUE;

        /** Draws the legend horizontally centred on cx with its top at y. */
        void draw(Graphics2D g, double cx, double y, Swatch swatch) {
            double w = width();
            double x0 = cx - w / 2;
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(x0, y, w, height()));
            g.setColor(LEGEND_BORDER);
            g.setStroke(stroke(1));
            g.draw(new Rectangle2D.Double(x0, y, w, height()));
            for (int r = 0; r < rows.size(); r++) {
                double x = x0 + INNER;
                double rowTop = y + INNER + r * rowHeight;
                double mid = rowTop + (rowHeight - 4) / 2;
                for (int i = rows.get(r)[0]; i < rows.get(r)[1]; i++) {
                    if (i < hiddenFrom) swatch.paint(g, i, x, mid - 6, swatchWidth, 12);
                    g.setColor(TEXT);
                    textMid(g, LEGEND, names.get(i), x + swatchWidth + SWATCH_GAP, mid, 0);
                    x += itemWidth(i) + GAP;
                }
            }
        }
    }

    /**
     * The vertical layout above a plot and the left margin for its y axis, shared by the charts
     * with a y axis: title, optional legend band, then the plot; height grows by the legend band.
     */
    record Frame(double top, double legendTop, double height, double left) {
        static Frame of(String title, Legend legend, double baseHeight, java.util.List<String> yTickLabels, String yLabel) {
            return of(title, "", legend, baseHeight, yTickLabels, yLabel);
        }

        /** As above with subtitle lines under the title; they add to the height, the plot keeps its own. */
        static Frame of(String title, String subtitle, Legend legend, double baseHeight, java.util.List<String> yTickLabels,
                        String yLabel) {
            double sub = Gfx.subtitleHeight(subtitle);
            double top = PAD + Gfx.titleHeight(title) + sub + 10;
            baseHeight += sub;
            double legendTop = top;
            if (legend != null) top += legend.height() + 10;
            double height = baseHeight + (legend == null ? 0 : legend.height() + 10);
            double yTickW = 0;
            for (String l : yTickLabels) yTickW = Math.max(yTickW, Gfx.width(TICK, l));
            double yLabelW = str(yLabel).isEmpty() ? 0 : Gfx.height(LABEL) + 8;
            return new Frame(top, legendTop, height, PAD + yLabelW + yTickW + TICK_LEN + 5);
        }

        /** The plot area of an x–y chart of the given width, leaving room for x tick labels and the x label. */
        java.awt.geom.Rectangle2D.Double xyPlot(String xLabel, double width) {
            double xLabelH = str(xLabel).isEmpty() ? 0 : Gfx.height(LABEL) + 6;
            double bottom = TICK_LEN + 4 + Gfx.height(TICK) + xLabelH + PAD;
            double right = PAD + 12;
            return new java.awt.geom.Rectangle2D.Double(left, top, width - left - right, height - top - bottom);
        }
    }

    /** Draws img stretched into r with crisp pixels (see {@link Drawing#drawPixels}). */
    static void drawScaled(java.awt.Graphics2D g, java.awt.image.BufferedImage img, java.awt.geom.Rectangle2D.Double r) {
        Drawing.drawPixels(g, img, r);
    }
}
