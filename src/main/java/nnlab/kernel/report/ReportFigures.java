package nnlab.kernel.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import nnlab.kernel.figure.Figure;

/**
 * How a figure goes into a report so that the file stands alone: as an image inside the HTML.
 * Saved figures are the run folder's PNG (drawn at 2×, shown at 1×) as a data URI; figures the
 * report draws itself (the curves of metrics.csv) are rendered the same way.
 */
final class ReportFigures {
    /** The scale {@link nnlab.kernel.store.RunRecorder} saves figures at. */
    static final double SAVED_SCALE = 2.0;
    /** The scale the report draws its own figures at, sharp when printed. */
    static final double DRAWN_SCALE = 2.0;

    private ReportFigures() { }

    /** A saved figure: its PNG as a data URI; the comment says how it was embedded. */
    static String savedFigure(String id, Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        if (image == null) throw new IOException(png.getFileName() + " is not a readable PNG");
        return "<!-- " + id + ": the run folder's " + png.getFileName() + ", embedded as a PNG data URI -->\n"
                + img(bytes, image.getWidth(), image.getHeight(), SAVED_SCALE, id);
    }

    /** A figure the report draws from saved data. */
    static String drawnFigure(String id, Figure figure, String source) throws IOException {
        BufferedImage image = figure.render(DRAWN_SCALE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) throw new IOException("no PNG writer available");
        return "<!-- " + id + ": drawn from " + source + ", embedded as a PNG data URI -->\n"
                + img(bytes.toByteArray(), image.getWidth(), image.getHeight(), DRAWN_SCALE, id);
    }

    private static String img(byte[] png, int width, int height, double scale, String alt) {
        long w = Math.round(width / scale);
        long h = Math.round(height / scale);
        return "<img class=\"figure-image\" data-embed=\"png\" alt=\"" + Html.escape(alt) + "\" width=\"" + w + "\" height=\"" + h
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
    }
}
