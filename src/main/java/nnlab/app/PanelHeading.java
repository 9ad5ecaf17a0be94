package nnlab.app;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The title and wrapped description at the top of a page, growing to fill its header row. */
public final class PanelHeading {
    private PanelHeading() { }

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
