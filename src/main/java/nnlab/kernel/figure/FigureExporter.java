package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import nnlab.kernel.store.AtomicFiles;

/**
 * Writes figures as PNG (at 1×, 2× or 3×), SVG or PDF, and their data as CSV; a PNG also carries
 * the figure's recipe, so that a saved figure can be drawn again ({@link #readSaved}). Every file is
 * written atomically (a reader sees the old file or the new one, and a failure leaves no partial
 * file); SVG and PDF are made in memory first, so a figure that cannot be drawn writes nothing.
 */
public final class FigureExporter {
    /** The scale of the PNGs in a run folder. */
    public static final double RUN_FOLDER_PNG_SCALE = 2.0;

    private FigureExporter() { }

    public static void writePng(Figure figure, Path file, double scale) throws IOException {
        if (!(scale >= 0.5 && scale <= 4)) throw new IllegalArgumentException("scale must be from 0.5 to 4, got " + scale);
        BufferedImage image = figure.render(scale);
        Optional<String> recipe = FigureRecipes.recipe(figure);
        AtomicFiles.write(file, out -> {
            if (recipe.isPresent()) PngMetadata.write(image, FigureRecipes.KEYWORD, recipe.get(), out);
            else if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    /**
     * A saved figure drawn again from its PNG's recipe and its CSV (see {@link FigureRecipes}),
     * for exporting a saved run's figure as SVG, PDF or LaTeX. Empty when the PNG has no recipe:
     * written before figures carried one, or a kind that has none (image grids).
     *
     * @throws IOException when a file cannot be read, or the CSV does not fit the recipe
     */
    public static Optional<Figure> readSaved(Path png, Path csv) throws IOException {
        Optional<String> recipe = PngMetadata.read(png, FigureRecipes.KEYWORD);
        if (recipe.isEmpty()) return Optional.empty();
        return Optional.of(FigureRecipes.rebuild(recipe.get(), java.nio.file.Files.readString(csv, StandardCharsets.UTF_8)));
    }

    public static void writeCsv(Figure figure, Path file) throws IOException {
        writeText(file, figure.toCsv());
    }

    /** True when the figure can be drawn as SVG and PDF (every kernel figure can). */
    public static boolean hasVectorDrawing(Figure figure) {
        try {
            figure.drawing();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * The figure as a standalone SVG document (UTF-8, with its XML declaration).
     *
     * @throws UnsupportedOperationException when the figure can only be drawn as pixels
     */
    public static String svg(Figure figure) {
        return SvgDocument.document(figure.drawing());
    }

    /**
     * Only the figure's {@code <svg>} element, to inline in an HTML page; its ids are unique per
     * call, so several figures on one page keep their own clip paths.
     */
    public static String svgElement(Figure figure) {
        return SvgDocument.element(figure.drawing());
    }

    public static void writeSvg(Figure figure, Path file) throws IOException {
        writeText(file, svg(figure));
    }

    /** The figure as a one-page PDF the size of the figure, the title in its metadata. */
    public static byte[] pdf(Figure figure) {
        return PdfDocument.of(figure.drawing(), figure.title());
    }

    public static void writePdf(Figure figure, Path file) throws IOException {
        byte[] bytes = pdf(figure);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Writes the figure in one format; PNGs at the run folder's scale ({@value #RUN_FOLDER_PNG_SCALE}×). */
    public static void write(Figure figure, FigureFormat format, Path file) throws IOException {
        switch (format) {
            case PNG -> writePng(figure, file, RUN_FOLDER_PNG_SCALE);
            case SVG -> writeSvg(figure, file);
            case PDF -> writePdf(figure, file);
        }
    }

    /** Text (CSV, SVG, LaTeX) as UTF-8, atomically. */
    public static void writeText(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
