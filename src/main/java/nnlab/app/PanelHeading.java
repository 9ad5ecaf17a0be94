package nnlab.app;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The title and wrapped description at the top of a page, growing to fill its header row. */
public final class PanelHeading {
    private PanelHeading() { }

    /**
     * A student's reading guide for a panel: a "How to read this" toggle for the heading (closed
     * by default, one click opens it) and the text it shows, meant for a full-width row under the
     * header so that it reads as wide lines, not as a narrow column.
     */
    public static final class ReadingGuide {
        private final javafx.scene.control.ToggleButton toggle = new javafx.scene.control.ToggleButton("How to read this ▸");
        private final Label text;

        ReadingGuide(String guide) {
            text = new Label(guide.strip());
            text.setWrapText(true);
            text.getStyleClass().add("how-to-read-text");
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.setMaxWidth(Double.MAX_VALUE);
            text.setStyle("-fx-padding: 6 14 10 14; -fx-line-spacing: 2;");
            text.setId("how-to-read-text");
            text.visibleProperty().bind(toggle.selectedProperty());
            text.managedProperty().bind(toggle.selectedProperty());
            toggle.getStyleClass().add("how-to-read");
            toggle.setId("how-to-read");
            toggle.setFocusTraversable(true);
            // The colour comes from the stylesheet's .how-to-read rule: an inline lookup of -nn-accent warns wherever no NN Lab sheet is loaded.
            toggle.setStyle("-fx-background-color: transparent; -fx-padding: 2 0 0 0; -fx-cursor: hand;");
            toggle.selectedProperty().addListener((o, a, open) -> toggle.setText(open ? "How to read this ▾" : "How to read this ▸"));
        }

        /** The toggle, for the heading. */
        public javafx.scene.control.ToggleButton toggle() { return toggle; }

        /** The text, shown while the toggle is on. */
        public Label text() { return text; }

        public boolean isOpen() { return toggle.isSelected(); }
    }

    /** The guide for this text, or null when it is blank. */
    public static ReadingGuide readingGuide(String howToRead) {
        return howToRead == null || howToRead.isBlank() ? null : new ReadingGuide(howToRead);
    }

    /**
     * The band at the top of a panel: title, description and, when there is one, the "How to read
     * this" toggle with its text below; styled as the generic panel's header, so a tab that is not
     * a run panel (a lab, an explorer) still opens with the same shell.
     */
    public static VBox header(String title, String description, String howToRead) {
        VBox heading = of(title, description);
        ReadingGuide guide = readingGuide(howToRead);
        if (guide != null) heading.getChildren().add(guide.toggle());
        VBox header = new VBox(heading);
        if (guide != null) header.getChildren().add(guide.text());
        header.getStyleClass().add("experiment-header");
        return header;
    }

    public static VBox of(String title, String description) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("experiment-title");
        // Long titles ("Same pair or not: CNN vs CNNChannel …") wrap rather than end in an ellipsis.
        titleLabel.setWrapText(true);
        Label descriptionLabel = new Label(description);
        descriptionLabel.getStyleClass().add("experiment-description");
        descriptionLabel.setWrapText(true);
        VBox heading = new VBox(2, titleLabel, descriptionLabel);
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setMinWidth(200);
        // A long description would otherwise claim its one-line width and squeeze the controls beside it.
        heading.setPrefWidth(300);
        return heading;
    }
}
