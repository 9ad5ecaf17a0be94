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
     * With a student's reading guide under the description: "How to read this", collapsed, one
     * click opens it (nothing is added when the text is blank).
     */
    public static VBox of(String title, String description, String howToRead) {
        VBox heading = of(title, description);
        if (howToRead != null && !howToRead.isBlank()) heading.getChildren().add(howToRead(howToRead));
        return heading;
    }

    /** The collapsible reading guide; its paragraphs are separated by blank lines. */
    public static javafx.scene.control.TitledPane howToRead(String text) {
        Label body = new Label(text.strip());
        body.setWrapText(true);
        body.getStyleClass().add("how-to-read-text");
        body.setMinHeight(Region.USE_PREF_SIZE);
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane("How to read this", body);
        pane.getStyleClass().add("how-to-read");
        pane.setId("how-to-read");
        pane.setExpanded(false);
        pane.setAnimated(false);
        return pane;
    }

    public static VBox of(String title, String description) {
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("experiment-title");
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
