package nnlab.kernel.figure;

import java.awt.image.BufferedImage;

/** Java2D drawing of every figure type. */
final class FigureRenderer {
    private FigureRenderer() { }

    static BufferedImage renderLines(LineFigure f, double scale) { throw new UnsupportedOperationException("not yet"); }
    static BufferedImage renderBars(BarFigure f, double scale) { throw new UnsupportedOperationException("not yet"); }
    static BufferedImage renderImageGrid(ImageGridFigure f, double scale) { throw new UnsupportedOperationException("not yet"); }
    static BufferedImage renderTable(TableFigure f, double scale) { throw new UnsupportedOperationException("not yet"); }
    static BufferedImage renderHeatmap(HeatmapFigure f, double scale) { throw new UnsupportedOperationException("not yet"); }
}
