package nnlab.kernel.figure;

import java.awt.image.BufferedImage;

/**
 * Java2D drawing of every figure type; the figure records call in here. Each type has its own
 * renderer with a pure layout step (in logical units, testable) and a painting step.
 */
final class FigureRenderer {
    private FigureRenderer() { }

    static BufferedImage renderLines(LineFigure f, double scale) {
        return LineRenderer.render(f, scale);
    }

    static BufferedImage renderBars(BarFigure f, double scale) {
        return BarRenderer.render(f, scale);
    }

    static BufferedImage renderImageGrid(ImageGridFigure f, double scale) {
        return ImageGridRenderer.render(f, scale);
    }

    static BufferedImage renderTable(TableFigure f, double scale) {
        return TableRenderer.render(f, scale);
    }

    static BufferedImage renderScatter(ScatterFigure f, double scale) {
        return ScatterRenderer.render(f, scale);
    }

    static BufferedImage renderHeatmap(HeatmapFigure f, double scale) {
        return HeatmapRenderer.render(f, scale);
    }
}
