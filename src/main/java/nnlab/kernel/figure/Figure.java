package nnlab.kernel.figure;

import java.awt.image.BufferedImage;

/**
 * An exportable figure: immutable data plus a title. Rendering uses Java2D (not JavaFX), so the
 * command line draws exactly the same PNGs as the app's export buttons, and the same painting
 * makes the SVG and PDF files ({@link #drawing()}).
 */
public interface Figure {
    String title();

    /** The figure's data, as a CSV document with a header row. */
    String toCsv();

    /** Draws the figure at the given scale (1 = its natural size in pixels). */
    BufferedImage render(double scale);

    /**
     * The figure as a Java2D painting, for the vector formats (SVG, PDF): the same one
     * {@link #render} rasterises. Figures that only know how to draw pixels do not override it.
     */
    default Drawing drawing() {
        throw new UnsupportedOperationException("'" + title() + "' can only be drawn as an image, not as SVG or PDF");
    }
}
