package nnlab.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import nnlab.kernel.figure.TableFigure;
import nnlab.kernel.run.RunEvent;

/**
 * Shows the latest {@link RunEvent.Table} of one id. Cells that carry details (cellDetails key
 * "row:col", 0-based in the table as emitted, whatever the current sort) show them as a tooltip.
 */
public class ResultsTableView extends VBox {
    private static final double ROW_HEIGHT = 28;
    /** A cell with hover details, and a cell marked as differing (e.g. between compared runs). */
    public static final javafx.css.PseudoClass HAS_DETAIL = javafx.css.PseudoClass.getPseudoClass("has-detail");
    public static final javafx.css.PseudoClass DIFFERS = javafx.css.PseudoClass.getPseudoClass("differs");
    private static final double MAX_HEIGHT = 440;

    /** A row remembers its position in the emitted table so tooltips survive sorting. */
    /**
     * One row as shown. Equal only to itself: each {@link #show} hands the table new rows, so
     * every cell re-reads its value and details without the table rebuilding its cells.
     */
    public static final class Row {
        private final int index;
        private final List<String> cells;

        Row(int index, List<String> cells) {
            this.index = index;
            this.cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
        }

        public int index() { return index; }

        public List<String> cells() { return cells; }
    }

    /** What one cell shows: its text, and the hover text of its details and of its mark (null when none). */
    record Cell(String text, String detail, String mark) { }

    private final String tableId;
    private final Label title = new Label();
    private final TableView<Row> table = new TableView<>();
    private final Label detailsHint = new Label("Blue cells have details: hover over them.");
    private RunEvent.Table current;
    private final HBox header;
    /** Marked cells ("row:col" → why), e.g. the cells that differ between compared runs. */
    private Map<String, String> highlights = Map.of();

    public ResultsTableView(String tableId, String initialTitle) {
        this.tableId = tableId;
        getStyleClass().addAll("card", "results-table", "wrapped-headers");
        title.getStyleClass().add("card-title");
        title.setText(initialTitle);
        table.setFixedCellSize(ROW_HEIGHT);
        table.setPlaceholder(new Label("No rows yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        MenuButton export = Exports.menuButton(this::toFigure);
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getColumns()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header = new HBox(8, title, spacer, export);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("card-header");
        detailsHint.getStyleClass().add("table-hint");
        // The hint's line is kept while hidden: appearing with a run's first details, it moved
        // every view below the table. (In the header it squeezed long table titles.)
        detailsHint.setVisible(false);
        getChildren().addAll(header, table, detailsHint);
        fitHeight(0);
    }

    public String tableId() { return tableId; }

    /** A link in the card's header, left of Export (e.g. "Bars ↓" to the view below). */
    public void addHeaderAction(javafx.scene.control.Hyperlink link) {
        link.getStyleClass().add("card-link-button");
        link.setMinWidth(Region.USE_PREF_SIZE);
        header.getChildren().add(header.getChildren().size() - 1, link);
    }

    public TableView<Row> tableView() { return table; }

    public RunEvent.Table current() { return current; }

    /** Replaces the whole content with this table. */
    public void show(RunEvent.Table t) {
        boolean sameColumns = current != null && current.columns().equals(t.columns());
        current = t;
        title.setText(t.title());
        if (!sameColumns) {
            List<TableColumn<Row, Cell>> columns = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) columns.add(column(t.columns().get(c), c));
            table.getColumns().setAll(columns);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) rows.add(new Row(r, t.rows().get(r)));
        table.getItems().setAll(rows);
        table.sort();
        for (int c = 0; c < table.getColumns().size(); c++) {
            table.getColumns().get(c).setMinWidth(estimateWidth(t, c));
        }
        detailsHint.setVisible(t.cellDetails() != null && !t.cellDetails().isEmpty());
        fitHeight(rows.size());
    }

    /**
     * Marks cells (keys "row:col", 0-based in the table as shown by {@link #show}) with the
     * "differs" style; the value is the cell's tooltip. An empty map removes the marks.
     */
    public void setHighlights(Map<String, String> cells) {
        highlights = Map.copyOf(cells);
        table.refresh();
    }

    /** The tooltip of a marked cell, or null when the cell is not marked. */
    public String highlight(int row, int column) {
        return highlights.get(row + ":" + column);
    }

    /** Replaces the card title (until the next {@link #show}). */
    public void setTitle(String text) {
        title.setText(text);
    }

    public void clear() {
        current = null;
        table.getColumns().clear();
        table.getItems().clear();
        detailsHint.setVisible(false);
        fitHeight(0);
    }

    /** The details tooltip text of a cell, or null. */
    public String detail(int row, int column) {
        Map<String, String> d = current == null ? null : current.cellDetails();
        return d == null ? null : d.get(row + ":" + column);
    }

    public TableFigure toFigure() {
        if (current == null) return null;
        return new TableFigure(current.title(), current.columns(), current.rows());
    }

    private TableColumn<Row, Cell> column(String name, int index) {
        TableColumn<Row, Cell> col = new TableColumn<>(name);
        // The header wraps instead of ending in "…" (the stylesheet shows the header label's graphic
        // only, so the column keeps its name as text for sorting, lookups and exports).
        Label header = new Label(name);
        header.setWrapText(true);
        header.getStyleClass().add("column-header-text");
        header.setMinHeight(Region.USE_PREF_SIZE);
        header.maxWidthProperty().bind(col.widthProperty().subtract(14));
        header.setTooltip(new Tooltip(name));
        col.setGraphic(header);
        col.setCellValueFactory(cd -> {
            Row row = cd.getValue();
            String text = index < row.cells().size() ? row.cells().get(index) : "";
            return new ReadOnlyObjectWrapper<>(new Cell(text, detail(row.index(), index), highlight(row.index(), index)));
        });
        col.setComparator((a, b) -> NUMBERS_FIRST.compare(a.text(), b.text()));
        col.setCellFactory(c -> new TableCell<>() {
            // One tooltip per cell, created on first need: a Tooltip builds a popup scene, and
            // making one on every update stalled the window while a run refreshed the table.
            private Tooltip tip;

            @Override
            protected void updateItem(Cell item, boolean empty) {
                super.updateItem(item, empty);
                Cell cell = empty ? null : item;
                setText(cell == null ? null : cell.text());
                String detail = cell == null ? null : cell.detail();
                String mark = cell == null ? null : cell.mark();
                // Pseudo-classes, changed only when they differ: re-adding a style class on every
                // update re-applied CSS to each cell whenever the run refreshed the table.
                pseudoClassStateChanged(HAS_DETAIL, detail != null);
                pseudoClassStateChanged(DIFFERS, mark != null);
                String tipText = detail == null ? mark : mark == null ? detail : detail + "\n\n" + mark;
                if (tipText == null) {
                    setTooltip(null);
                } else {
                    if (tip == null) {
                        tip = new Tooltip();
                        tip.setShowDelay(Duration.millis(250));
                        tip.setShowDuration(Duration.seconds(30));
                        tip.setWrapText(true);
                        tip.setMaxWidth(420);
                    }
                    tip.setText(tipText);
                    setTooltip(tip);
                }
            }
        });
        return col;
    }

    private static double estimateWidth(RunEvent.Table t, int c) {
        // A header wraps, so it asks for two lines at most: its longest word, or half its length
        // and a margin (the bold header font is wider than the cells': 8 px a character, not 7.5).
        String name = t.columns().get(c);
        int longestWord = java.util.Arrays.stream(name.split(" ")).mapToInt(String::length).max().orElse(0);
        double header = 30 + 8 * Math.max(longestWord + 1, name.length() / 2 + 3);
        int chars = 0;
        for (List<String> r : t.rows()) {
            if (c < r.size() && r.get(c) != null) chars = Math.max(chars, r.get(c).length());
        }
        return Math.min(260, Math.max(header, 28 + 7.5 * chars));
    }

    private void fitHeight(int rows) {
        double h = Math.min(MAX_HEIGHT, 44 + ROW_HEIGHT * Math.max(rows, 2) + 4);
        table.setPrefHeight(h);
        table.setMinHeight(Math.min(h, 34 + ROW_HEIGHT * 3));
    }

    /** Sorts "0.912" and "12" as numbers and everything else as text, numbers first. */
    static final Comparator<String> NUMBERS_FIRST = (a, b) -> {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) return Double.compare(x, y);
        if (x != null) return -1;
        if (y != null) return 1;
        return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
    };

    private static Double number(String s) {
        if (s == null) return null;
        String t = s.trim();
        int space = t.indexOf(' '); // "97.1 ± 0.3" sorts by its mean
        if (space > 0) t = t.substring(0, space);
        if (t.endsWith("%")) t = t.substring(0, t.length() - 1);
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
