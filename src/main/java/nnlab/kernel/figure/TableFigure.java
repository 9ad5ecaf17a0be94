package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.util.List;

/** A table of text cells with a header row. */
public record TableFigure(String title, List<String> columns, List<List<String>> rows) implements Figure {

    public TableFigure {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    @Override
    public String toCsv() {
        return nnlab.kernel.store.Csv.table(columns, rows);
    }

    @Override
    public BufferedImage render(double scale) {
        return FigureRenderer.renderTable(this, scale);
    }

    @Override
    public Drawing drawing() {
        return TableRenderer.drawing(this);
    }
}
