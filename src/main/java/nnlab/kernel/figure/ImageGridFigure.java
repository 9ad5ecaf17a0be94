package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Small images in a grid, each with a caption, drawn enlarged with crisp (nearest) pixels, and
 * optionally a colour key under the grid (e.g. the classes of segmentation masks): compact rows of
 * swatches with their names rather than sparse grid cells.
 */
public record ImageGridFigure(String title, int columns, List<Tile> tiles, List<KeyEntry> key) implements Figure {

    /** argb: width*height packed ARGB pixels, row by row. */
    public record Tile(String caption, int width, int height, int[] argb) { }

    /** One swatch of the key: a colour (packed ARGB) and what it means. */
    public record KeyEntry(String label, int argb) { }

    public ImageGridFigure {
        tiles = List.copyOf(tiles);
        key = key == null ? List.of() : List.copyOf(key);
    }

    /** Without a key. */
    public ImageGridFigure(String title, int columns, List<Tile> tiles) {
        this(title, columns, tiles, List.of());
    }

    /** One row per pixel: tile, caption, x, y, r, g, b. */
    @Override
    public String toCsv() {
        StringBuilder sb = new StringBuilder("tile,caption,x,y,r,g,b\n");
        for (int t = 0; t < tiles.size(); t++) {
            Tile tile = tiles.get(t);
            for (int y = 0; y < tile.height(); y++) {
                for (int x = 0; x < tile.width(); x++) {
                    int p = tile.argb()[y * tile.width() + x];
                    sb.append(t).append(',').append(LineFigure.csvName(tile.caption())).append(',').append(x).append(',').append(y)
                            .append(',').append((p >> 16) & 255).append(',').append((p >> 8) & 255).append(',').append(p & 255).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Override
    public BufferedImage render(double scale) {
        return FigureRenderer.renderImageGrid(this, scale);
    }

    @Override
    public Drawing drawing() {
        return ImageGridRenderer.drawing(this);
    }
}
