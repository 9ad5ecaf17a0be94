package nnlab.byhand;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import nnlab.kernel.figure.Drawing;
import nnlab.kernel.figure.Figure;

/**
 * A small graph drawn with its nodes on a circle (node 1 at the top, then clockwise), optionally
 * with one pair of nodes marked (i blue, j orange) and one walk traced along its edges: what the
 * panel shows when a cell of A or Aⁿ is hovered, and what its export writes.
 *
 * @param from  the walk's first node i (0-based), or −1 for none
 * @param to    its last node j, or −1
 * @param walk  the walk's nodes in order (0-based), possibly empty
 * @param notes lines written under the drawing (e.g. the walks listed)
 */
public record GraphFigure(String title, SmallGraph graph, int from, int to, List<Integer> walk, List<String> notes) implements Figure {
    static final double SIZE = 300;
    static final double RADIUS = 16;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font NODE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color FROM = new Color(0x2563eb);
    static final Color TO = new Color(0xea580c);
    private static final Color EDGE = new Color(0x9aa5b5);
    private static final Color WALK = new Color(0x16a34a);

    public GraphFigure {
        walk = List.copyOf(walk);
        notes = List.copyOf(notes);
    }

    public static GraphFigure plain(String title, SmallGraph graph) {
        return new GraphFigure(title, graph, -1, -1, List.of(), List.of());
    }

    /** Node positions in the drawing's square, node 1 at the top. */
    static double[][] positions(int n) {
        double[][] p = new double[n][2];
        double c = SIZE / 2, r = SIZE / 2 - RADIUS - 10;
        for (int v = 0; v < n; v++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * v / Math.max(1, n);
            p[v][0] = n == 1 ? c : c + r * Math.cos(angle);
            p[v][1] = n == 1 ? c : c + r * Math.sin(angle);
        }
        return p;
    }

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder("node_a,node_b,on_walk\n");
        List<String> onWalk = new ArrayList<>();
        for (int i = 0; i + 1 < walk.size(); i++) onWalk.add(Math.min(walk.get(i), walk.get(i + 1)) + "-" + Math.max(walk.get(i), walk.get(i + 1)));
        for (int[] e : graph.edges()) {
            sb.append(e[0] + 1).append(',').append(e[1] + 1).append(',').append(onWalk.contains(e[0] + "-" + e[1])).append('\n');
        }
        return sb.toString();
    }

    @Override
    public BufferedImage render(double scale) {
        return drawing().raster(scale);
    }

    @Override
    public Drawing drawing() {
        double titleH = 26, noteH = 17 * notes.size() + (notes.isEmpty() ? 0 : 8);
        double width = Math.max(SIZE + 20, 20 + notes.stream().mapToDouble(s -> s.length() * 6.6).max().orElse(0));
        return new Drawing(width, titleH + SIZE + noteH + 6, g -> paint(g, width, titleH));
    }

    private void paint(Graphics2D g, double width, double titleH) {
        g.setColor(new Color(0x222222));
        g.setFont(TITLE);
        g.drawString(title, 10, 18);
        double ox = (width - SIZE) / 2, oy = titleH;
        double[][] p = positions(graph.nodes());
        g.setStroke(new BasicStroke(2f));
        g.setColor(EDGE);
        for (int[] e : graph.edges()) g.draw(new Line2D.Double(ox + p[e[0]][0], oy + p[e[0]][1], ox + p[e[1]][0], oy + p[e[1]][1]));
        g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(WALK);
        for (int i = 0; i + 1 < walk.size(); i++) {
            int a = walk.get(i), b = walk.get(i + 1);
            g.draw(new Line2D.Double(ox + p[a][0], oy + p[a][1], ox + p[b][0], oy + p[b][1]));
        }
        g.setFont(NODE);
        for (int v = 0; v < graph.nodes(); v++) {
            Color fill = v == from ? FROM : v == to ? TO : Color.WHITE;
            Ellipse2D node = new Ellipse2D.Double(ox + p[v][0] - RADIUS, oy + p[v][1] - RADIUS, 2 * RADIUS, 2 * RADIUS);
            g.setColor(fill);
            g.fill(node);
            if (v == from && v == to) { // i = j: half blue, half orange
                g.setColor(TO);
                g.fill(new java.awt.geom.Arc2D.Double(node.getBounds2D(), -90, 180, java.awt.geom.Arc2D.PIE));
            }
            g.setStroke(new BasicStroke(1.8f));
            g.setColor(new Color(0x334155));
            g.draw(node);
            String label = String.valueOf(v + 1);
            g.setColor(fill == Color.WHITE ? new Color(0x1b2433) : Color.WHITE);
            double w = g.getFontMetrics().stringWidth(label);
            g.drawString(label, (float) (ox + p[v][0] - w / 2), (float) (oy + p[v][1] + 5));
        }
        g.setFont(NOTE);
        g.setColor(new Color(0x333333));
        for (int i = 0; i < notes.size(); i++) g.drawString(notes.get(i), 10, (float) (oy + SIZE + 18 + 17 * i));
    }
}
