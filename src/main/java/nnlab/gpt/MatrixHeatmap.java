package nnlab.gpt;

import java.util.function.BiFunction;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import nnlab.app.Exports;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.HeatmapFigure;

/**
 * A matrix drawn cell by cell on a canvas, with a label per row (left) and per column (top) and a
 * caption that says what the mouse is over. Used for attention (characters on both axes, keys
 * across, queries down) and for position similarities (positions on both axes).
 */
final class MatrixHeatmap extends VBox {
    private static final double AXIS = 18;
    private final double[][] values;
    private final String[] rowLabels;
    private final String[] columnLabels;
    private final double min;
    private final double max;
    private final double cell;
    private final Label caption = new Label();
    private final String idleCaption;
    private final BiFunction<Integer, Integer, String> describe;
    private final Canvas canvas;
    private final HBox headingRow;
    private int hoveredRow = -1;
    private int hoveredCol = -1;

    /**
     * @param describe the caption for the cell (row, column) under the mouse
     * @param side     the matrix's side on screen, in pixels (cells are at least 2 px)
     */
    MatrixHeatmap(String title, double[][] values, String[] rowLabels, String[] columnLabels, double min, double max, double side,
                  String idleCaption, BiFunction<Integer, Integer, String> describe) {
        this.values = values;
        this.rowLabels = rowLabels;
        this.columnLabels = columnLabels;
        this.min = min;
        this.max = max;
        this.idleCaption = idleCaption;
        this.describe = describe;
        int n = Math.max(1, values.length);
        this.cell = Math.max(2, Math.floor(side / n));
        canvas = new Canvas(AXIS + cell * columns() + 2, AXIS + cell * values.length + 2);
        draw();
        Label heading = new Label(title);
        heading.getStyleClass().add("gpt-heatmap-title");
        heading.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(heading, Priority.ALWAYS);
        headingRow = new HBox(6, heading);
        headingRow.setAlignment(Pos.CENTER_LEFT);
        headingRow.setMaxWidth(canvas.getWidth());
        caption.setText(idleCaption);
        caption.getStyleClass().add("gpt-heatmap-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(canvas.getWidth());
        caption.setMinHeight(34);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> unhover());
        getChildren().addAll(headingRow, canvas, caption);
        setSpacing(3);
        getStyleClass().add("gpt-heatmap");
    }

    /** Adds the app's Export menu (PNG, CSV, SVG, PDF, LaTeX) for the matrix as a heatmap figure with these axes. */
    MatrixHeatmap exportable(String figureTitle, String xLabel, String yLabel) {
        HeatmapFigure figure = new HeatmapFigure(figureTitle, xLabel, yLabel, values, ColorMap.VIRIDIS);
        headingRow.getChildren().add(Exports.menuButton(() -> figure));
        return this;
    }

    private int columns() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** Shows the caption for a point of the canvas (also what a test calls); false outside the cells. */
    boolean hover(double x, double y) {
        int col = (int) Math.floor((x - AXIS) / cell), row = (int) Math.floor((y - AXIS) / cell);
        if (x < AXIS || y < AXIS || row < 0 || col < 0 || row >= values.length || col >= columns()) {
            unhover();
            return false;
        }
        caption.setText(describe.apply(row, col));
        if (row != hoveredRow || col != hoveredCol) {
            hoveredRow = row;
            hoveredCol = col;
            draw();
        }
        return true;
    }

    private void unhover() {
        caption.setText(idleCaption);
        if (hoveredRow >= 0) {
            hoveredRow = hoveredCol = -1;
            draw();
        }
    }

    /** The canvas coordinates of the centre of a cell. */
    double[] centreOf(int row, int col) {
        return new double[] {AXIS + (col + 0.5) * cell, AXIS + (row + 0.5) * cell};
    }

    String caption() { return caption.getText(); }

    Canvas canvas() { return canvas; }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                double t = max > min ? (values[r][c] - min) / (max - min) : 0;
                int argb = ColorMap.VIRIDIS.argb(Math.max(0, Math.min(1, t)));
                g.setFill(Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff));
                g.fillRect(AXIS + c * cell, AXIS + r * cell, cell, cell);
            }
        }
        // a label every few cells when they are small, so the letters never overlap
        double font = Math.min(11, Math.max(7, cell - 2));
        int rowEvery = (int) Math.ceil(font / cell);
        int longest = 1;
        for (String l : columnLabels) longest = Math.max(longest, l.length());
        int colEvery = (int) Math.ceil(Math.max(font, longest * 0.62 * font + 2) / cell);
        g.setFill(Color.web("#5f6b7d"));
        g.setFont(Font.font("Monospaced", font));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < columns(); c += colEvery) g.fillText(columnLabels[c], AXIS + (c + 0.5) * cell, AXIS / 2);
        for (int r = 0; r < values.length; r += rowEvery) g.fillText(rowLabels[r], AXIS / 2, AXIS + (r + 0.5) * cell);
        if (hoveredRow >= 0) {
            // the hovered cell outlined, and its row's and column's labels in the accent colour
            g.setStroke(Color.web("#e11d48"));
            g.setLineWidth(1.5);
            g.strokeRect(AXIS + hoveredCol * cell, AXIS + hoveredRow * cell, cell, cell);
            g.setFill(Color.web("#e11d48"));
            g.fillText(columnLabels[hoveredCol], AXIS + (hoveredCol + 0.5) * cell, AXIS / 2);
            g.fillText(rowLabels[hoveredRow], AXIS / 2, AXIS + (hoveredRow + 0.5) * cell);
        }
    }
}
