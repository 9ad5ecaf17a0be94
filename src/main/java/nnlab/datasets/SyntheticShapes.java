package nnlab.datasets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in data set, drawn in code so the study works offline: 28×28 grey strokes whose class
 * depends on orientation. No class is a rotation of another (L and J are mirror images), so a
 * rotation-invariant model can still tell them all apart; an upright-only model cannot when turned.
 */
public final class SyntheticShapes {
    public static final int SIZE = 28;
    public static final List<String> CLASSES = List.of("L", "J", "F", "P", "T", "E", "4", "arrow");

    private SyntheticShapes() { }

    /** n images, class i % 8, with small random pose jitter so the task is not trivial. */
    public static ImageSet generate(int n, long seed, String name) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] pixels = new float[n * SIZE * SIZE];
        int[] labels = new int[n];
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        byte[] buf = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < n; i++) {
            int cls = i % CLASSES.size();
            labels[i] = cls;
            Graphics2D g = img.createGraphics();
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double scale = 8.0 * (0.85 + 0.25 * rnd.nextDouble());
            g.translate(SIZE / 2.0 + rnd.nextDouble(-2, 2), SIZE / 2.0 + rnd.nextDouble(-2, 2));
            g.rotate(Math.toRadians(rnd.nextDouble(-12, 12)));
            g.scale(scale, scale);
            g.setStroke(new BasicStroke((float) (rnd.nextDouble(1.8, 3.0) / scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(1f, 1f, 1f, (float) rnd.nextDouble(0.75, 1.0)));
            g.draw(shape(cls));
            g.dispose();
            int off = i * SIZE * SIZE;
            for (int p = 0; p < SIZE * SIZE; p++) pixels[off + p] = (buf[p] & 0xFF) / 255f;
        }
        return new ImageSet(name, pixels, labels, 1, SIZE, SIZE, CLASSES);
    }

    /** Strokes in a [−1, 1]² box, y pointing down as on screen. */
    static Path2D shape(int cls) {
        Path2D p = new Path2D.Double();
        switch (CLASSES.get(cls)) {
            case "L" -> { p.moveTo(-0.5, -1); p.lineTo(-0.5, 1); p.lineTo(0.6, 1); }
            case "J" -> { p.moveTo(0.5, -1); p.lineTo(0.5, 1); p.lineTo(-0.6, 1); }
            case "F" -> { p.moveTo(-0.5, 1); p.lineTo(-0.5, -1); p.lineTo(0.6, -1); p.moveTo(-0.5, 0); p.lineTo(0.3, 0); }
            case "P" -> { p.moveTo(-0.5, 1); p.lineTo(-0.5, -1); p.lineTo(0.5, -1); p.lineTo(0.5, 0); p.lineTo(-0.5, 0); }
            case "T" -> { p.moveTo(-0.8, -1); p.lineTo(0.8, -1); p.moveTo(0, -1); p.lineTo(0, 1); }
            case "E" -> { p.moveTo(0.6, -1); p.lineTo(-0.5, -1); p.lineTo(-0.5, 1); p.lineTo(0.6, 1); p.moveTo(-0.5, 0); p.lineTo(0.3, 0); }
            case "4" -> { p.moveTo(0.3, 1); p.lineTo(0.3, -1); p.lineTo(-0.7, 0.4); p.lineTo(0.7, 0.4); }
            case "arrow" -> { p.moveTo(-0.9, 0); p.lineTo(0.9, 0); p.moveTo(0.3, -0.6); p.lineTo(0.9, 0); p.lineTo(0.3, 0.6); }
            default -> throw new IllegalArgumentException("class " + cls);
        }
        return p;
    }
}
