package nnlab.history;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The buttons and headers every History page shares, so that the list, a run and a comparison look alike. */
final class HistoryControls {
    private HistoryControls() { }

    static Button actionButton(String text, String id, String tip, boolean enabled) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("history-action");
        b.setTooltip(new Tooltip(tip));
        b.setDisable(!enabled);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** A run's or a comparison's header: "‹ All runs" (which calls back), then the heading. */
    static HBox pageHeader(Runnable back, Node heading, Pos alignment) {
        Button backButton = new Button("‹ All runs");
        backButton.setId("history-back");
        backButton.getStyleClass().add("back-button");
        backButton.setTooltip(new Tooltip("Back to the list of runs (Esc)"));
        backButton.setMinWidth(Region.USE_PREF_SIZE);
        backButton.setOnAction(e -> back.run());
        HBox header = new HBox(14, backButton, heading);
        header.setAlignment(alignment);
        header.getStyleClass().addAll("experiment-header", "history-header");
        return header;
    }
}
