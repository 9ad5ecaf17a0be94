package nnlab.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.figure.Figure;

/** A minimal bar chart drawn with Java2D, so GUI tests do not depend on the real renderer. */
public record DemoFigure(String title, List<String> labels, double[] values) implements Figure {
    static final int WIDTH = 480;
    static final int HEIGHT = 300;

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder("label,value\n");
        for (int i = 0; i < labels.size(); i++) sb.append(labels.get(i)).append(',').append(values[i]).append('\n');
        return sb.toString();
    }

    @Override
    public BufferedImage render(double scale) {
        int w = (int) Math.round(WIDTH * scale);
        int h = (int) Math.round(HEIGHT * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0x1b2433));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 16, 24);
        int n = Math.max(1, labels.size());
        int slot = (WIDTH - 40) / n;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(0xc7cfdb));
        g.drawLine(20, HEIGHT - 40, WIDTH - 20, HEIGHT - 40);
        for (int i = 0; i < labels.size(); i++) {
            int barH = (int) Math.round(Math.max(0, Math.min(1, values[i])) * (HEIGHT - 90));
            int x = 20 + i * slot + slot / 5;
            g.setColor(new Color(0x1f77b4));
            g.fillRect(x, HEIGHT - 40 - barH, slot * 3 / 5, barH);
            g.setColor(new Color(0x344055));
            g.drawString(labels.get(i), x, HEIGHT - 22);
            g.drawString(String.format(Locale.ROOT, "%.3f", values[i]), x, HEIGHT - 46 - barH);
        }
        g.dispose();
        return img;
    }
}
