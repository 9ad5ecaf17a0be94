package nnlab.kernel.figure;

import java.awt.image.BufferedImage;

/**
 * An exportable figure: immutable data plus a title. Rendering uses Java2D (not JavaFX), so the
 * command line draws exactly the same PNGs as the app's export buttons.
 */
public interface Figure {
    String title();

    /** The figure's data, as a CSV document with a header row. */
    String toCsv();

    /** Draws the figure at the given scale (1 = its natural size in pixels). */
    BufferedImage render(double scale);
}
