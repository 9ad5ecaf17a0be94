package nnlab.posenc;

import nnlab.app.widgets.SliderField;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.app.Exports;
import nnlab.app.LiveScrollPane;
import nnlab.kernel.figure.Figure;

/** The building blocks the positional-encoding tabs share, so every tab looks the same. */
final class PosEncLayout {
    private PosEncLayout() { }

    static VBox group(String title, Node... nodes) {
        Label t = new Label(title);
        t.getStyleClass().add("posenc-view-title");
        VBox box = new VBox(10, t);
        box.getChildren().addAll(nodes);
        return box;
    }

    /** A label on the left, the control pushed to the right. */
    static Node labelled(String label, Node control) {
        HBox box = new HBox(6, new Label(label), new Region(), control);
        HBox.setHgrow(box.getChildren().get(1), Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    static VBox controlsRow(Node... nodes) {
        // A FlowPane wraps onto a second line instead of squeezing labels into "…".
        FlowPane row = new FlowPane(18, 8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node nd : nodes) {
            if (nd instanceof SliderField s) {
                s.setPrefWidth(210);
                s.setMinWidth(210);
            }
        }
        VBox box = new VBox(row);
        box.setPadding(new Insets(6, 4, 2, 4));
        return box;
    }

    static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("posenc-note");
        l.setPadding(new Insets(0, 4, 0, 4));
        // Without this the tab's fit-to-height layout squeezes the note to one truncated line.
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static Label bigSymbol(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("posenc-big-number");
        return l;
    }

    static ScrollPane scroll(Node content) {
        ScrollPane sp = new LiveScrollPane(content);
        sp.setFitToWidth(true);
        // Fill the tab's height when there is room; scroll only when the views' minimum sizes do not fit.
        sp.setFitToHeight(true);
        sp.setPadding(new Insets(6));
        return sp;
    }

    /** The view under a thin strip holding its Export menu (PNG 1×/2×/3×, CSV), so the menu never covers the title. */
    static Node withExport(Region view, Supplier<Figure> figure) {
        MenuButton export = Exports.menuButton(figure);
        export.getStyleClass().add("posenc-small-button");
        HBox strip = new HBox(export);
        strip.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(0, strip, view);
        VBox.setVgrow(view, Priority.ALWAYS);
        box.getStyleClass().add("posenc-box");
        return box;
    }

    /** Toggles the shared "invalid" look from nnlab.css. */
    static void markInvalid(Node node, boolean invalid) {
        node.getStyleClass().remove("invalid");
        if (invalid) node.getStyleClass().add("invalid");
    }
}
