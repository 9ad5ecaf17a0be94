package nnlab.kernel.figure;

import static nnlab.kernel.figure.Pixels.count;
import static nnlab.kernel.figure.Pixels.renderBoth;
import static nnlab.kernel.figure.Pixels.rgb;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageGridFigureRenderTest {
    private static final int RED = 0xFF0000;
    private static final int BLUE = 0x0000FF;

    /** A checkerboard of red and blue pixels. */
    private static ImageGridFigure.Tile checker(String caption, int size) {
        int[] px = new int[size * size];
        for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) px[y * size + x] = 0xFF000000 | ((x + y) % 2 == 0 ? RED : BLUE);
        return new ImageGridFigure.Tile(caption, size, size, px);
    }

    @Test
    void tilesAreEnlargedWithCrispPixels() {
        ImageGridFigure f = new ImageGridFigure("Samples", 2, List.of(checker("a", 8), checker("b", 8), checker("c", 8)));
        renderBoth(f);
        ImageGridRenderer.Layout l = ImageGridRenderer.layout(f);
        assertEquals(12, l.zoom(), "8 px enlarged to 96 px");
        for (double scale : new double[] {1, 2}) {
            BufferedImage img = f.render(scale);
            for (int t = 0; t < 3; t++) {
                Rectangle2D.Double r = l.tileRect(f.tiles().get(t), t);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        double cx = (r.x + (x + 0.5) * l.zoom()) * scale, cy = (r.y + (y + 0.5) * l.zoom()) * scale;
                        assertEquals((x + y) % 2 == 0 ? RED : BLUE, rgb(img, cx, cy), "tile " + t + " pixel " + x + "," + y);
                    }
                }
                // Nearest-neighbour: no blended colours anywhere inside the tile.
                for (int y = (int) Math.ceil(r.y * scale) + 1; y < (int) ((r.y + r.height) * scale) - 1; y++) {
                    for (int x = (int) Math.ceil(r.x * scale) + 1; x < (int) ((r.x + r.width) * scale) - 1; x++) {
                        int c = img.getRGB(x, y) & 0xFFFFFF;
                        assertTrue(c == RED || c == BLUE, "blended " + Pixels.hex(c) + " at " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void columnsAndRowsFollowTheColumnCount() {
        List<ImageGridFigure.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < 7; i++) tiles.add(checker("t" + i, 28));
        ImageGridFigure f = new ImageGridFigure("Grid", 3, tiles);
        ImageGridRenderer.Layout l = ImageGridRenderer.layout(f);
        Rectangle2D.Double first = l.tileRect(tiles.get(0), 0);
        Rectangle2D.Double fourth = l.tileRect(tiles.get(3), 3);
        Rectangle2D.Double third = l.tileRect(tiles.get(2), 2);
        assertEquals(first.x, fourth.x, 1e-9, "tile 3 starts the second row");
        assertTrue(fourth.y > first.y + first.height, "second row below the first");
        assertTrue(third.x > first.x && third.y == first.y);
        assertEquals(84, first.width, 1e-9, "28 px tiles enlarged 3x");
        BufferedImage img = renderBoth(f);
        assertTrue(img.getHeight() > 3 * 84, "three rows");
    }

    @Test
    void tileIsFramedAndCaptionedUnderneath() {
        ImageGridFigure f = new ImageGridFigure("t", 1, List.of(checker("caption", 8)));
        ImageGridRenderer.Layout l = ImageGridRenderer.layout(f);
        Rectangle2D.Double r = l.tileRect(f.tiles().get(0), 0);
        BufferedImage img = f.render(2);
        assertTrue(Pixels.near(rgb(img, (r.x - 0.5) * 2, r.getCenterY() * 2), Gfx.FRAME.getRGB(), 0x40), "border left of the tile");
        int dark = 0;
        for (int y = (int) (r.getMaxY() * 2) + 4; y < img.getHeight(); y++) {
            for (int x = (int) (r.x * 2); x < (int) (r.getMaxX() * 2); x++) if (((img.getRGB(x, y) >> 8) & 255) < 100) dark++;
        }
        assertTrue(dark > 20, "caption text below the tile");
        BufferedImage noCaption = new ImageGridFigure("t", 1, List.of(checker("", 8))).render(2);
        assertTrue(noCaption.getHeight() < img.getHeight(), "no caption, no caption row");
    }

    @Test
    void pixelsWithoutAlphaAreTreatedAsOpaque() {
        int[] px = new int[4 * 4];
        java.util.Arrays.fill(px, 0x00FF0000);
        ImageGridFigure f = new ImageGridFigure("t", 1, List.of(new ImageGridFigure.Tile("", 4, 4, px)));
        assertTrue(count(f.render(1), RED) > 80 * 80);
    }

    @Test
    void degenerateInputsRenderWithoutExceptions() {
        List<ImageGridFigure> figures = List.of(
                new ImageGridFigure("Empty", 4, List.of()),
                new ImageGridFigure("Zero columns", 0, List.of(checker("a", 4))),
                new ImageGridFigure("More columns than tiles", 10, List.of(checker("a", 4))),
                new ImageGridFigure(null, 2, List.of(new ImageGridFigure.Tile(null, 3, 2, new int[6]))),
                new ImageGridFigure("Short pixel array", 2, List.of(new ImageGridFigure.Tile("x", 5, 5, new int[3]))),
                new ImageGridFigure("Zero-size tile", 2, List.of(new ImageGridFigure.Tile("x", 0, 0, new int[0]))),
                new ImageGridFigure("Big tile", 2, List.of(checker("big", 400))));
        for (ImageGridFigure f : figures) assertDoesNotThrow(() -> renderBoth(f), String.valueOf(f.title()));
    }
}
