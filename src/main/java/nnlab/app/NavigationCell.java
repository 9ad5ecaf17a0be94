package nnlab.app;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.kernel.run.Experiment;

/**
 * An experiment in the navigation: its title with the description underneath, both wrapped to
 * the rail's width (a long title takes a second line instead of an ellipsis), and both whole in
 * the tooltip.
 */
final class NavigationCell extends ListCell<Experiment> {
    /** The rail is 236 px wide; the cell's padding and border leave this much for the text. */
    static final double TEXT_WIDTH = 200;

    private final Label title = new Label();
    private static final int DESCRIPTION_LINES = 3;
    private final Label description = new Label();
    private final VBox box = new VBox(2, title, description);
    private final Tooltip tip = new Tooltip();

    NavigationCell() {
        title.getStyleClass().add("nav-title");
        description.getStyleClass().add("nav-description");
        for (Label l : new Label[] {title, description}) {
            l.setWrapText(true);
            l.setMaxWidth(TEXT_WIDTH);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        box.setMaxWidth(TEXT_WIDTH);
        // At most three lines (the rest on hover): the Johnson–Lindenstrauss entry's six pushed the
        // last experiment of the list below a 800-px window.
        description.setMinHeight(0);
        description.setMaxHeight(DESCRIPTION_LINES * 15.5);
        // Ten experiments with three-line descriptions did not fit the rail: the list hid half of
        // them below the fold. Titles for all, the description under the open one (and on hover).
        description.visibleProperty().bind(selectedProperty());
        description.managedProperty().bind(selectedProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(360);
    }

    @Override
    protected void updateItem(Experiment item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
        } else {
            title.setText(item.title());
            description.setText(item.description());
            tip.setText(item.title() + "\n\n" + item.description());
            setGraphic(box);
            setTooltip(tip);
        }
        setText(null);
    }
}
