package nnlab.gnn;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import nnlab.kernel.figure.Drawing;
import nnlab.kernel.figure.Figure;

/**
 * One node's neighbourhood drawn as a star: the node in the middle, its neighbours on a circle,
 * coloured by class. Each edge is as thick as the GAT's attention on it (mean over heads) and
 * labelled "GAT α̅ / GCN 1/√(d̃ᵢd̃ⱼ)"; beside each neighbour a small bar per head shows where the
 * heads disagree. Large neighbourhoods show the {@link #MAX_SHOWN} most attended neighbours.
 *
 * @param neighbours the neighbours, the node itself included (marked by {@code self}), each with the attention of every head
 */
record NeighbourhoodFigure(String title, int node, String nodeClass, List<Neighbour> neighbours, List<String> classNames)
        implements Figure {

    static final int MAX_SHOWN = 24;

    record Neighbour(int id, int classIndex, boolean self, double gcnWeight, double[] alpha) {
        double meanAlpha() {
            double s = 0;
            for (double a : alpha) s += a;
            return s / alpha.length;
        }
    }

    private static final Color[] CLASS_COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x999999), new Color(0x000000), new Color(0x882255)};
    private static final double W = 860, H = 760, CX = 430, CY = 400, RADIUS = 250, MARGIN = 20;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static Color classColour(int c) {
        return CLASS_COLOURS[c % CLASS_COLOURS.length];
    }

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder("node,neighbour,class,self,gcn_weight,gat_mean");
        int heads = neighbours.isEmpty() ? 0 : neighbours.get(0).alpha().length;
        for (int h = 1; h <= heads; h++) sb.append(",gat_head_").append(h);
        sb.append('\n');
        for (Neighbour n : neighbours) {
            sb.append(node).append(',').append(n.id()).append(',').append(classNames.get(n.classIndex()).replace(',', ' ')).append(',')
                    .append(n.self()).append(',').append(num(n.gcnWeight())).append(',').append(num(n.meanAlpha()));
            for (double a : n.alpha()) sb.append(',').append(num(a));
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public BufferedImage render(double scale) {
        return drawing().raster(scale);
    }

    @Override
    public Drawing drawing() {
        return new Drawing(W, H, this::paint);
    }

    private void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.DARK_GRAY);
        g.setFont(TITLE);
        double top = 24;
        // Cora's class names and four-digit node ids make the title wider than the figure: it wraps rather than being cut.
        for (String line : lines(title, g.getFontMetrics(TITLE)::stringWidth, W - 2 * MARGIN)) {
            centred(g, line, W / 2, top);
            top += 19;
        }
        List<Neighbour> others = new ArrayList<>(neighbours.stream().filter(n -> !n.self()).toList());
        int total = others.size();
        others.sort(Comparator.comparingDouble(Neighbour::meanAlpha).reversed());
        if (others.size() > MAX_SHOWN) others = others.subList(0, MAX_SHOWN);
        others.sort(Comparator.comparingInt(Neighbour::classIndex).thenComparingInt(Neighbour::id));
        g.setFont(TEXT);
        g.setColor(Color.GRAY);
        String key = "edge width: GAT attention (mean over heads); labels: GAT α̅ / GCN 1/√(d̃ᵢd̃ⱼ); bars: α per head"
                + (total > others.size() ? " — the " + others.size() + " most attended of " + total + " neighbours" : "");
        for (String line : lines(key, g.getFontMetrics(TEXT)::stringWidth, W - 2 * MARGIN)) {
            centred(g, line, W / 2, top + 1);
            top += 15;
        }
        double maxAlpha = 1e-9;
        for (Neighbour n : neighbours) for (double a : n.alpha()) maxAlpha = Math.max(maxAlpha, a);
        for (int k = 0; k < others.size(); k++) {
            Neighbour n = others.get(k);
            double angle = -Math.PI / 2 + 2 * Math.PI * k / others.size();
            double x = CX + RADIUS * Math.cos(angle), y = CY + RADIUS * Math.sin(angle);
            g.setColor(new Color(60, 60, 60, 170));
            g.setStroke(new BasicStroke((float) (0.8 + 14 * n.meanAlpha()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(CX, CY, x, y));
            // Many edges: labels alternate between two radii, so neighbouring edges' labels do not sit on each other.
            double along = others.size() > 12 ? (k % 2 == 0 ? 0.48 : 0.72) : 0.55;
            double lx = CX + along * RADIUS * Math.cos(angle), ly = CY + along * RADIUS * Math.sin(angle);
            label(g, String.format(Locale.ROOT, "%.2f / %.2f", n.meanAlpha(), n.gcnWeight()), lx, ly);
            node(g, x, y, 13, n.classIndex(), String.valueOf(n.id()));
            bars(g, n.alpha(), maxAlpha, CX + (RADIUS + 42) * Math.cos(angle), CY + (RADIUS + 34) * Math.sin(angle));
        }
        Neighbour self = neighbours.stream().filter(Neighbour::self).findFirst().orElse(null);
        node(g, CX, CY, 20, self == null ? 0 : self.classIndex(), String.valueOf(node));
        if (self != null) {
            label(g, String.format(Locale.ROOT, "self: %.2f / %.2f", self.meanAlpha(), self.gcnWeight()), CX, CY + 36);
            bars(g, self.alpha(), maxAlpha, CX - 50, CY - 24);
        }
        double lx = 20, ly = H - 20;
        for (int c = 0; c < classNames.size(); c++) {
            String name = classNames.get(c);
            g.setColor(classColour(c));
            g.fill(new Ellipse2D.Double(lx, ly - 9, 10, 10));
            g.setColor(Color.DARK_GRAY);
            g.drawString(name, (float) (lx + 14), (float) ly);
            lx += 24 + g.getFontMetrics().stringWidth(name);
        }
    }

    /** A disc at least large enough for its label (Cora's ids have four digits), the label dark on a light class colour. */
    private static void node(Graphics2D g, double x, double y, double minRadius, int c, String text) {
        g.setFont(TEXT);
        double r = Math.max(minRadius, g.getFontMetrics().stringWidth(text) / 2.0 + 4);
        Color fill = classColour(c);
        g.setColor(fill);
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        double luminance = (0.299 * fill.getRed() + 0.587 * fill.getGreen() + 0.114 * fill.getBlue()) / 255;
        g.setColor(luminance > 0.6 ? Color.BLACK : Color.WHITE);
        centred(g, text, x, y + 4);
    }

    /**
     * The text in lines no wider than {@code maxWidth}: one line when it fits; else split after its
     * last ": " when both halves fit; else wrapped word by word (a single word wider than that stays whole).
     */
    static List<String> lines(String text, ToDoubleFunction<String> width, double maxWidth) {
        if (width.applyAsDouble(text) <= maxWidth) return List.of(text);
        int colon = text.lastIndexOf(": ");
        if (colon > 0) {
            String head = text.substring(0, colon + 1), tail = text.substring(colon + 2);
            if (width.applyAsDouble(head) <= maxWidth && width.applyAsDouble(tail) <= maxWidth) return List.of(head, tail);
        }
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width.applyAsDouble(longer) > maxWidth) {
                lines.add(line);
                line = word;
            } else {
                line = longer;
            }
        }
        if (!line.isEmpty()) lines.add(line);
        return lines;
    }

    private static void bars(Graphics2D g, double[] alpha, double max, double cx, double bottom) {
        double bw = 4, h = 22, x0 = cx - alpha.length * bw / 2;
        g.setColor(new Color(0xDDDDDD));
        g.draw(new Line2D.Double(x0 - 1, bottom, x0 + alpha.length * bw + 1, bottom));
        for (int k = 0; k < alpha.length; k++) {
            double bh = h * alpha[k] / max;
            g.setColor(new Color(0x444444));
            g.fill(new Rectangle2D.Double(x0 + k * bw, bottom - bh, bw - 1, bh));
        }
    }

    private static void label(Graphics2D g, String s, double x, double y) {
        g.setFont(TEXT);
        int w = g.getFontMetrics().stringWidth(s);
        g.setColor(new Color(255, 255, 255, 220));
        g.fill(new Rectangle2D.Double(x - w / 2.0 - 2, y - 10, w + 4, 13));
        g.setColor(Color.BLACK);
        centred(g, s, x, y);
    }

    private static void centred(Graphics2D g, String s, double x, double y) {
        g.drawString(s, (float) (x - g.getFontMetrics().stringWidth(s) / 2.0), (float) y);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
