package nnlab.app;

import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;

/**
 * A run's log: a collapsed pane whose title counts the lines. Lines logged while it is closed
 * wait outside its text area: an append re-lays out the area's whole text even when closed
 * (30–45 ms a line during a run, on the JavaFX thread).
 */
final class RunLog {
    private static final int LINE_LIMIT = 5000;

    private final TextArea text = new TextArea();
    private final TitledPane pane = new TitledPane("Log", text);
    private final StringBuilder unshown = new StringBuilder();
    private int lines;

    RunLog() {
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("run-log");
        text.setPrefRowCount(8);
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.expandedProperty().addListener((o, was, open) -> {
            if (open) showUnshown();
        });
        pane.getStyleClass().add("log-pane");
    }

    TitledPane pane() { return pane; }

    /** Everything logged so far, shown or not. */
    String text() { return text.getText() + unshown; }

    void clear() {
        if (!text.getText().isEmpty()) text.clear();
        unshown.setLength(0);
        lines = 0;
        pane.setText("Log");
    }

    void append(String line) {
        if (lines >= LINE_LIMIT) {
            // TextArea re-lays out its whole text on every append; drop the oldest half rather than slow down.
            String all = text();
            int cut = all.indexOf('\n', all.length() / 2);
            String kept = "…\n" + all.substring(cut + 1);
            unshown.setLength(0);
            if (pane.isExpanded()) {
                text.setText(kept);
            } else {
                if (!text.getText().isEmpty()) text.clear();
                unshown.append(kept);
            }
            lines = LINE_LIMIT / 2;
        }
        if (pane.isExpanded()) text.appendText(line + "\n");
        else unshown.append(line).append('\n');
        lines++;
        pane.setText("Log (" + lines + (lines == 1 ? " line)" : " lines)"));
    }

    private void showUnshown() {
        if (unshown.isEmpty()) return;
        text.appendText(unshown.toString());
        unshown.setLength(0);
    }
}
