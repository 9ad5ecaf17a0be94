package nnlab.byhand;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import nnlab.kernel.figure.TableFigure;

/**
 * A small matrix as a grid of cells with the node numbers along both sides. Hovering a cell marks
 * it and its row and column numbers and tells the listener (row, column; 0-based, −1 when the
 * mouse leaves); a click tells the click listener.
 */
final class MatrixGrid extends GridPane {
    private TableFigure figure;
    private BiConsumer<Integer, Integer> onHover = (i, j) -> { };
    private BiConsumer<Integer, Integer> onClick = (i, j) -> { };

    MatrixGrid() {
        getStyleClass().add("byhand-matrix");
        setHgap(2);
        setVgap(2);
    }

    void setOnHover(BiConsumer<Integer, Integer> listener) {
        onHover = listener;
    }

    void setOnClick(BiConsumer<Integer, Integer> listener) {
        onClick = listener;
    }

    TableFigure figure() {
        return figure;
    }

    /** The text of cell (i, j), 0-based, as shown. */
    String cell(int i, int j) {
        return figure.rows().get(i).get(j + 1);
    }

    /** Shows a table whose first column and header name the rows and columns. */
    void show(TableFigure table) {
        figure = table;
        getChildren().clear();
        for (int j = 1; j < table.columns().size(); j++) add(header(table.columns().get(j)), j, 0);
        for (int i = 0; i < table.rows().size(); i++) {
            add(header(table.rows().get(i).get(0)), 0, i + 1);
            for (int j = 1; j < table.rows().get(i).size(); j++) {
                Label cell = new Label(table.rows().get(i).get(j));
                cell.getStyleClass().add("byhand-cell");
                if (!cell.getText().equals("0")) cell.getStyleClass().add("byhand-cell-nonzero");
                cell.setAlignment(Pos.CENTER);
                cell.setMinWidth(34);
                cell.setPrefHeight(26);
                int row = i, col = j - 1;
                cell.setOnMouseEntered(e -> mark(row, col, true));
                cell.setOnMouseExited(e -> mark(row, col, false));
                cell.setOnMouseClicked(e -> onClick.accept(row, col));
                add(cell, j, i + 1);
            }
        }
    }

    private void mark(int i, int j, boolean on) {
        getChildren().forEach(n -> {
            Integer r = GridPane.getRowIndex(n), c = GridPane.getColumnIndex(n);
            boolean hit = r != null && c != null && (r == i + 1 && c == j + 1 || r == 0 && c == j + 1 || c == 0 && r == i + 1);
            if (hit) {
                n.getStyleClass().remove("byhand-hovered");
                if (on) n.getStyleClass().add("byhand-hovered");
            }
        });
        onHover.accept(on ? i : -1, on ? j : -1);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("byhand-matrix-header");
        l.setAlignment(Pos.CENTER);
        l.setMinWidth(24);
        l.setPrefHeight(26);
        return l;
    }
}
