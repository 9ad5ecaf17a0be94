package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import nnlab.kernel.store.AtomicFiles;

/** Writes figures as PNG (at 1×, 2× or 3×) and their data as CSV, atomically. */
public final class FigureExporter {
    private FigureExporter() { }

    public static void writePng(Figure figure, Path file, double scale) throws IOException {
        if (!(scale >= 0.5 && scale <= 4)) throw new IllegalArgumentException("scale must be from 0.5 to 4, got " + scale);
        BufferedImage image = figure.render(scale);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    public static void writeCsv(Figure figure, Path file) throws IOException {
        byte[] bytes = figure.toCsv().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
