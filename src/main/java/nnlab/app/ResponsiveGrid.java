package nnlab.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A grid of cards whose column count follows its width (one column when narrow, two or more
 * when wide); wide cards such as tables take a whole row. Items are kept in a given order.
 */
public class ResponsiveGrid extends GridPane {
    private final double minColumnWidth;
    private final List<Node> items = new ArrayList<>();
    private final Set<Node> wide = new HashSet<>();
    private Comparator<Node> order = (a, b) -> 0;
    private int columns = 1;
    private boolean relayoutPending;
    private final List<Runnable> itemListeners = new ArrayList<>();

    public ResponsiveGrid(double minColumnWidth) {
        this.minColumnWidth = minColumnWidth;
        getStyleClass().add("view-grid");
        setHgap(14);
        setVgap(14);
        widthProperty().addListener((o, a, b) -> {
            if (columnsFor(b.doubleValue()) != columns) scheduleRelayout();
        });
    }

    /** Items sort by this (a stable sort: equal items keep their arrival order). */
    public void setOrder(Comparator<Node> order) {
        this.order = order;
        relayout();
    }

    public void addItem(Node node, boolean spanAllColumns) {
        items.add(node);
        if (spanAllColumns) wide.add(node);
        relayout();
        itemListeners.forEach(Runnable::run);
    }

    public void removeItem(Node node) {
        items.remove(node);
        wide.remove(node);
        relayout();
        itemListeners.forEach(Runnable::run);
    }

    /** Called after an item is added or removed. */
    public void itemsChanged(Runnable listener) {
        itemListeners.add(listener);
    }

    public List<Node> items() {
        return List.copyOf(items);
    }

    private int columnsFor(double width) {
        if (width <= 0) return columns;
        return Math.max(1, (int) ((width + getHgap()) / (minColumnWidth + getHgap())));
    }

    /** Deferred because the grid must not change its children in the middle of its own layout pass. */
    private void scheduleRelayout() {
        if (relayoutPending) return;
        relayoutPending = true;
        Platform.runLater(() -> {
            relayoutPending = false;
            relayout();
        });
    }

    /**
     * Places the items by grid constraints only. Clearing and re-adding the children would take
     * every card out of the scene and back, re-applying CSS to all of them and laying everything
     * out again: a run start or a new table then froze the window for 100 ms or more.
     */
    private void relayout() {
        int wanted = columnsFor(getWidth());
        if (wanted != columns || getColumnConstraints().size() != wanted) {
            columns = wanted;
            List<ColumnConstraints> constraints = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setPercentWidth(100.0 / columns);
                cc.setHgrow(Priority.ALWAYS);
                cc.setFillWidth(true);
                constraints.add(cc);
            }
            getColumnConstraints().setAll(constraints);
        }
        items.sort(order);
        getChildren().retainAll(items);
        int row = 0;
        int col = 0;
        for (Node n : items) {
            if (n.getParent() != this) getChildren().add(n);
            if (wide.contains(n)) {
                if (col != 0) row++;
                GridPane.setConstraints(n, 0, row, columns, 1);
                row++;
                col = 0;
            } else {
                GridPane.setConstraints(n, col, row, 1, 1);
                col++;
                if (col == columns) {
                    col = 0;
                    row++;
                }
            }
        }
        // Keyboard focus follows the children's order; toFront only permutes, nothing leaves the scene.
        if (!getChildren().equals(items)) items.forEach(Node::toFront);
    }
}
