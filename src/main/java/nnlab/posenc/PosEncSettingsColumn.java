package nnlab.posenc;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.app.SettingsFileActions;
import nnlab.app.widgets.SliderField;

/**
 * The panel's settings column, laid out as every other panel's (a "Settings" title with Load… and
 * Save…, one section per settings group, "Reset to defaults" at the foot) and shown on every tab:
 * each tab's own settings are in their section here. A refused value is explained under its field.
 */
final class PosEncSettingsColumn {
    private final VBox root;
    /** Encoding, content X, attention, convolution: in the order of {@link #SECTIONS_OF_TAB}'s flags. */
    private final java.util.List<TitledPane> sections;
    /** Which sections each tab uses (tabs in PosEncPanel.TAB_GRAM … TAB_CONV order). */
    private static final boolean[][] SECTIONS_OF_TAB = {
        {true, false, false, false}, {true, true, false, false}, {true, true, true, false}, {false, false, false, true}};

    PosEncSettingsColumn(PosEncControls controls, Refusals refusals, SettingsFileActions files, Runnable newRandomSignal,
                         Runnable reset) {
        Button next = new Button("Next draw");
        next.setTooltip(new Tooltip("Show the next seeded draw of X."));
        next.setOnAction(e -> controls.draw.setValue(Math.min(controls.draw.slider().getMax(), controls.draw.value() + 1)));
        Button random = new Button("Random signal");
        random.setTooltip(new Tooltip("A new random positive signal of the chosen length (seeded by the seed field)."));
        random.setOnAction(e -> newRandomSignal.run());
        controls.decomposition.setWrapText(true);
        controls.decomposition.setMinWidth(0);
        controls.decomposition.setMaxWidth(Double.MAX_VALUE);

        sections = java.util.List.of(
                section("Encoding E (p × N)", slider(controls.p, refusals), slider(controls.n, refusals),
                        field(controls.label("base"), controls.base, "base", refusals),
                        field(controls.label("colormap"), controls.colorMap, "colormap", refusals),
                        slider(controls.row, refusals)),
                section("Content X", slider(controls.sigma, refusals), slider(controls.draw, refusals),
                        field(controls.label("seed"), withButton(controls.seed, next), "seed", refusals), controls.decomposition),
                section("Attention", field("Q = K =", controls.query, "query", refusals)),
                section("Convolution and max pool", field(controls.label("signal"), controls.signal, "signal", refusals),
                        random, slider(controls.length, refusals), slider(controls.k, refusals), slider(controls.c, refusals)));
        VBox form = new VBox(10);
        form.getChildren().addAll(sections);
        form.getStyleClass().add("settings-form");
        form.setMinWidth(0);
        Button resetButton = new Button("Reset to defaults");
        resetButton.getStyleClass().add("reset-button");
        resetButton.setId("reset-settings");
        resetButton.setOnAction(e -> reset.run());
        HBox footer = new HBox(resetButton);
        footer.getStyleClass().add("settings-footer");
        form.getChildren().add(footer);

        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        Label title = new Label("Settings");
        title.getStyleClass().add("pane-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(2, title, spacer, files.loadButton(), files.saveButton());
        titleRow.setAlignment(Pos.CENTER_LEFT);
        titleRow.getStyleClass().add("settings-title-row");
        root = new VBox(titleRow, scroll);
        root.getStyleClass().add("settings-pane");
        root.setId("posenc-settings");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.setMinWidth(260);
        root.setPrefWidth(300);
    }

    VBox view() {
        return root;
    }

    /**
     * Opens the sections the tab uses and folds the others, so a tab's settings are in sight
     * without scrolling; every section stays there to open by hand.
     */
    void showSectionsOf(int tab) {
        if (tab < 0 || tab >= SECTIONS_OF_TAB.length) return;
        for (int i = 0; i < sections.size(); i++) sections.get(i).setExpanded(SECTIONS_OF_TAB[tab][i]);
    }

    private static TitledPane section(String title, Node... nodes) {
        VBox box = new VBox(12, nodes);
        box.getStyleClass().add("settings-group");
        box.setMinWidth(0);
        TitledPane pane = new TitledPane(title, box);
        pane.getStyleClass().add("settings-section");
        // The column's width rules: a long title or control wraps or gives way rather than widening it.
        pane.setMinWidth(0);
        return pane;
    }

    private static Node slider(SliderField f, Refusals refusals) {
        String key = f.setting().key();
        // A value that is used again ends the refusal.
        f.valueProperty().addListener(o -> refusals.clear(key));
        return new VBox(2, f, refusals.label(key));
    }

    private static Node field(String label, Node control, String key, Refusals refusals) {
        Label l = new Label(label);
        l.getStyleClass().add("setting-label");
        l.setWrapText(true);
        if (control instanceof TextField t) t.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, l, control, refusals.label(key));
        box.getStyleClass().add("setting-field");
        return box;
    }

    private static Node withButton(TextField field, Button button) {
        HBox row = new HBox(6, field, button);
        HBox.setHgrow(field, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return row;
    }
}
