package nnlab.app.widgets;

import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.app.PanelHeading;
import nnlab.app.SettingsFileActions;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;

/**
 * The shell every experiment panel has, for an interactive lab: a settings column on the left
 * (titled, with Load/Save of the settings, scrolling on its own) and on the right the
 * experiment's title, description and collapsible "How to read this" above the lab's content,
 * with the same style classes as the generic panel so the labs look like the other panels.
 */
public final class LabShell {
    private final SplitPane root = new SplitPane();
    private final PanelHeading.ReadingGuide guide;
    private final SettingsFileActions settingsFiles;
    private final HBox headerRow;

    /**
     * @param settings the settings column's content (controls, notes)
     * @param content  the lab's figures (or tabs)
     * @param current  the settings shown, for Save; {@code apply} loads a saved file's
     */
    public LabShell(Experiment experiment, Node settings, Node content, Supplier<Config> current, Predicate<Config> apply) {
        VBox heading = PanelHeading.of(experiment.title(), experiment.description());
        guide = PanelHeading.readingGuide(experiment.howToRead());
        if (guide != null) heading.getChildren().add(guide.toggle());
        headerRow = new HBox(16, heading);
        headerRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(headerRow);
        if (guide != null) header.getChildren().add(guide.text());
        header.getStyleClass().add("experiment-header");

        settingsFiles = new SettingsFileActions(experiment.id(), experiment.schema(), current, apply);
        Label title = new Label("Settings");
        title.getStyleClass().add("pane-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(2, title, spacer, settingsFiles.loadButton(), settingsFiles.saveButton());
        titleRow.setAlignment(Pos.CENTER_LEFT);
        titleRow.getStyleClass().add("settings-title-row");
        ScrollPane scroll = new ScrollPane(settings);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        VBox column = new VBox(titleRow, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        column.getStyleClass().add("settings-pane");
        column.setMinWidth(250);
        column.setPrefWidth(270);

        BorderPane centre = new BorderPane(content);
        centre.setTop(header);
        centre.getStyleClass().add("experiment-centre");
        root.getItems().setAll(column, centre);
        root.setOrientation(Orientation.HORIZONTAL);
        root.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(column, false);
        root.getStyleClass().add("experiment-panel");
    }

    public Node view() { return root; }

    /** The "How to read this" guide (null when the experiment has none). */
    public PanelHeading.ReadingGuide readingGuide() { return guide; }

    public SettingsFileActions settingsFiles() { return settingsFiles; }

    /** Puts a node (a note, buttons) at the right end of the header row. */
    public void addToHeader(Node node) {
        headerRow.getChildren().add(node);
    }
}
