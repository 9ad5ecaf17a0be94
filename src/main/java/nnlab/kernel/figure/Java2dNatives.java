package nnlab.kernel.figure;

import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Loads Java2D's native libraries (graphics environment, fonts, image scaling) by drawing a
 * small figure. Call it before ND4J loads: JavaCPP resolves symbols with dlsym inside a
 * dl_iterate_phdr callback, which takes glibc's loader locks in the opposite order to dlopen, so a
 * figure drawn on another thread while ND4J loaded (loading libfontmanager) deadlocked the whole
 * process (seen with gdb: both threads waiting on _rtld_global's locks).
 */
public final class Java2dNatives {
    private static boolean loaded;

    private Java2dNatives() { }

    public static synchronized void load() {
        if (loaded) return;
        loaded = true;
        GraphicsEnvironment.getLocalGraphicsEnvironment();
        BufferedImage drawn = new LineFigure("warm-up", "x", "y",
                List.of(new LineFigure.Series("a", new double[] {0, 1}, new double[] {0, 1}),
                        new LineFigure.Series("b", new double[] {0, 1}, new double[] {1, 0})), false).render(1);
        BufferedImage scaled = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        var g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(drawn, AffineTransform.getScaleInstance(0.01, 0.01), null);
        g.dispose();
    }
}
