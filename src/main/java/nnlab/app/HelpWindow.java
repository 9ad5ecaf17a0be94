package nnlab.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Accordion;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import nnlab.kernel.run.Experiment;

/**
 * The help window (F1): every keyboard shortcut, and each panel's "How to read this" for the
 * experiments that have one, one collapsible section each. Not modal: it can stay open beside the
 * panel it explains.
 */
public final class HelpWindow {
    /** One line of the shortcut list: the keys as the user presses them, and what they do. */
    public record Shortcut(String keys, String action) { }

    private final Stage stage = new Stage();
    private final Accordion readingGuides = new Accordion();
    private final Map<String, TitledPane> guides = new LinkedHashMap<>();

    public HelpWindow(Window owner, List<Shortcut> shortcuts, List<Experiment> experiments, List<String> stylesheets) {
        stage.initOwner(owner);
        stage.setTitle("NN Lab help");

        Label shortcutsTitle = new Label("Keyboard shortcuts");
        shortcutsTitle.getStyleClass().add("section-title");
        GridPane keys = new GridPane();
        keys.setId("help-shortcuts");
        keys.getStyleClass().add("help-shortcuts");
        keys.setHgap(18);
        keys.setVgap(6);
        for (int i = 0; i < shortcuts.size(); i++) {
            Label k = new Label(shortcuts.get(i).keys());
            k.getStyleClass().add("help-key");
            k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label a = new Label(shortcuts.get(i).action());
            a.setWrapText(true);
            keys.addRow(i, k, a);
        }

        Label guidesTitle = new Label("How to read each panel");
        guidesTitle.getStyleClass().add("section-title");
        for (Experiment e : experiments) {
            if (e.howToRead() == null || e.howToRead().isBlank()) continue;
            Label text = new Label(e.howToRead().strip());
            text.setWrapText(true);
            text.getStyleClass().add("help-guide-text");
            TitledPane pane = new TitledPane(e.title(), text);
            pane.setId("help-guide-" + e.id());
            guides.put(e.id(), pane);
            readingGuides.getPanes().add(pane);
        }
        Label noGuides = new Label("No experiment has a reading guide yet.");
        noGuides.getStyleClass().add("section-hint");
        VBox content = new VBox(10, shortcutsTitle, keys, guidesTitle, guides.isEmpty() ? noGuides : readingGuides);
        content.setPadding(new Insets(16, 18, 18, 18));
        content.getStyleClass().add("help-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("help-window");
        Scene scene = new Scene(scroll, 620, 640);
        scene.getStylesheets().setAll(stylesheets);
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ESCAPE), stage::hide);
        stage.setScene(scene);
    }

    public Stage stage() { return stage; }

    /** Shows the window with every reading guide folded. */
    public void show() {
        readingGuides.setExpandedPane(null);
        present();
    }

    /** Shows the window with this experiment's "How to read this" open; false when it has none. */
    public boolean showGuide(String experimentId) {
        TitledPane pane = guides.get(experimentId);
        if (pane == null) return false;
        readingGuides.setExpandedPane(pane);
        present();
        return true;
    }

    public boolean hasGuide(String experimentId) {
        return guides.containsKey(experimentId);
    }

    public void setStylesheets(List<String> stylesheets) {
        stage.getScene().getStylesheets().setAll(stylesheets);
    }

    private void present() {
        stage.show();
        stage.toFront();
    }
}
