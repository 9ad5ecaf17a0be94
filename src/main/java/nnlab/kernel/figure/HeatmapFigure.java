package nnlab.kernel.figure;

import java.awt.image.BufferedImage;

/**
 * A matrix as a heatmap with a colour bar. values[row][col]; row index runs down (y), column
 * index across (x). A diverging map is centred on 0.
 */
public record HeatmapFigure(String title, String xLabel, String yLabel, double[][] values,
                            ColorMap colorMap) implements Figure {

    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder("row,col,value\n");
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                sb.append(r).append(',').append(c).append(',').append(LineFigure.num(values[r][c])).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public BufferedImage render(double scale) {
        return FigureRenderer.renderHeatmap(this, scale);
    }

    @Override
    public Drawing drawing() {
        return HeatmapRenderer.drawing(this);
    }
}
