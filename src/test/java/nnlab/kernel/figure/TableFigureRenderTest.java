package nnlab.kernel.figure;

import static nnlab.kernel.figure.Pixels.count;
import static nnlab.kernel.figure.Pixels.renderBoth;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFigureRenderTest {

    private static TableFigure results(String note) {
        return new TableFigure("Results", List.of("model", "accuracy", "note"),
                List.of(List.of("Net1", "0.962 ± 0.004", note), List.of("Net2", "0.987 ± 0.002", ""), List.of("Net3", "0.95", "")));
    }

    @Test
    void rendersWithZebraRowsAndRules() {
        BufferedImage img = renderBoth(results("short"));
        int zebra = TableRenderer.ZEBRA.getRGB() & 0xFFFFFF;
        assertTrue(count(img, zebra) > 500, "second row shaded");
        TableFigure oneRow = new TableFigure("t", List.of("a"), List.of(List.of("1")));
        assertEquals(0, count(oneRow.render(1), zebra), "a single row has nothing to alternate with");
        int rules = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            if (((img.getRGB(img.getWidth() / 2, y) >> 8) & 255) < 80) rules++;
        }
        assertTrue(rules >= 3, "top rule, header rule and bottom rule cross the middle column");
    }

    @Test
    void columnWidthsFollowTheText() {
        TableRenderer.Layout shortNote = TableRenderer.layout(results("short"));
        TableRenderer.Layout longNote = TableRenderer.layout(results("a much, much longer note that needs room"));
        assertEquals(shortNote.columnWidths()[0], longNote.columnWidths()[0], 1e-9);
        assertTrue(longNote.columnWidths()[2] > shortNote.columnWidths()[2] + 100);
        assertTrue(longNote.columnWidths()[2] >= Gfx.width(Gfx.CELL, "a much, much longer note that needs room"));
        assertTrue(results("a much, much longer note that needs room").render(1).getWidth() > results("short").render(1).getWidth());
        assertArrayEquals(new boolean[] {false, true, false}, shortNote.rightAlign(), "numbers right-aligned");
        assertTrue(shortNote.columnWidths()[0] >= Gfx.width(Gfx.CELL_BOLD, "model"), "bold header fits");
    }

    @Test
    void moreRowsMakeATallerTable() {
        BufferedImage three = results("").render(1);
        BufferedImage one = new TableFigure("Results", List.of("model", "accuracy", "note"), List.of(List.of("Net1", "0.9", ""))).render(1);
        assertEquals(2 * TableRenderer.ROW_HEIGHT, three.getHeight() - one.getHeight(), 1.0);
    }

    @Test
    void degenerateInputsRenderWithoutExceptions() {
        List<TableFigure> figures = List.of(
                new TableFigure("Empty", List.of(), List.of()),
                new TableFigure("Header only", List.of("a", "b"), List.of()),
                new TableFigure(null, List.of("a"), List.of(List.of("1", "extra cell"), List.of())),
                new TableFigure("Huge cell", List.of("a"), List.of(List.of("x".repeat(5000)))));
        for (TableFigure f : figures) assertDoesNotThrow(() -> renderBoth(f), String.valueOf(f.title()));
        assertTrue(new TableFigure("Huge cell", List.of("a"), List.of(List.of("x".repeat(5000)))).render(1).getWidth() < 500,
                "overlong cells are shortened");
    }
}
