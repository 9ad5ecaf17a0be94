package nnlab.kernel.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.FigureExporter;

/**
 * How a figure goes into a report so that the file stands alone, everything inside the HTML:
 * <ul>
 *   <li>figures the report draws from saved data (the curves of metrics.csv): inline SVG, from the
 *       same painting as the app's PNGs ({@link FigureExporter#svgElement});</li>
 *   <li>a saved figure with an SVG beside its PNG in the run folder: that SVG, as a data URI (an
 *       {@code <img>}, so that the ids of two saved files can never clash on one page);</li>
 *   <li>any other saved figure: its PNG (drawn at 2×, shown at 1×) as a data URI. A saved figure
 *       cannot be drawn again from its CSV alone: the CSV lacks its title, axis ranges, log scale,
 *       colour map or tile layout, and a report must show the figure the run saved.</li>
 * </ul>
 * Each figure's HTML comment says which of these it is.
 */
final class ReportFigures {
    /** The scale the run folder's PNGs are drawn at. */
    static final double SAVED_SCALE = FigureExporter.RUN_FOLDER_PNG_SCALE;
    /** The scale of a figure the report draws as pixels (one without a vector drawing), sharp when printed. */
    static final double DRAWN_SCALE = 2.0;

    private ReportFigures() { }

    /** A saved figure: its SVG if the folder has one, else its PNG, as a data URI; the comment says which. */
    static String savedFigure(String id, Path png) throws IOException {
        Path svg = png.resolveSibling(id + ".svg");
        if (Files.isRegularFile(svg)) {
            byte[] text = Files.readAllBytes(svg);
            return Html.comment(id + ": the run folder's " + svg.getFileName() + ", embedded as an SVG data URI (vector)") + "\n"
                    + "<img class=\"figure-image\" data-embed=\"svg\" alt=\"" + Html.escape(id)
                    + "\" src=\"data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(text) + "\" />";
        }
        byte[] bytes = Files.readAllBytes(png);
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        if (image == null) throw new IOException(png.getFileName() + " is not a readable PNG");
        return Html.comment(id + ": the run folder's " + png.getFileName() + ", embedded as a PNG data URI (the run saved no SVG, "
                + "and its CSV alone does not hold all the figure shows)") + "\n"
                + img(bytes, image.getWidth(), image.getHeight(), SAVED_SCALE, id);
    }

    /** A figure the report draws from saved data: inline SVG, or a PNG data URI for a figure only drawn in pixels. */
    static String drawnFigure(String id, Figure figure, String source) throws IOException {
        if (FigureExporter.hasVectorDrawing(figure)) {
            String svg = FigureExporter.svgElement(figure);
            String attributes = " class=\"figure-svg\" data-embed=\"svg\" role=\"img\" aria-label=\"" + Html.escape(figure.title()) + "\"";
            return Html.comment(id + ": drawn from " + source + " as inline SVG") + "\n"
                    + (svg.startsWith("<svg") ? "<svg" + attributes + svg.substring(4) : svg);
        }
        BufferedImage image = figure.render(DRAWN_SCALE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) throw new IOException("no PNG writer available");
        return Html.comment(id + ": drawn from " + source + ", embedded as a PNG data URI (this figure has no vector drawing)") + "\n"
                + img(bytes.toByteArray(), image.getWidth(), image.getHeight(), DRAWN_SCALE, id);
    }

    private static String img(byte[] png, int width, int height, double scale, String alt) {
        long w = Math.round(width / scale);
        long h = Math.round(height / scale);
        return "<img class=\"figure-image\" data-embed=\"png\" alt=\"" + Html.escape(alt) + "\" width=\"" + w + "\" height=\"" + h
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\" />";
    }
}
