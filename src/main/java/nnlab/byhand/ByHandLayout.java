package nnlab.byhand;

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

/** The pieces the three tabs share, so they look alike: cards with an Export menu, the "How to read this" note. */
final class ByHandLayout {
    private ByHandLayout() { }

    /** A white card: its title, the Export menu (PNG, SVG/PDF where drawn, CSV, LaTeX for tables) and the content. */
    static VBox card(Label title, Node content, Supplier<Figure> figure) {
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        MenuButton export = Exports.menuButton(figure);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, export);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("card-header");
        VBox card = new VBox(4, header, content);
        card.getStyleClass().addAll("card", "byhand-card");
        return card;
    }

    /** The note that tells a student what each number is and how to check it by hand. */
    static VBox howTo(String text) {
        Label head = new Label("How to read this");
        head.getStyleClass().add("byhand-howto-title");
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        body.getStyleClass().add("byhand-howto");
        VBox box = new VBox(3, head, body);
        box.getStyleClass().add("byhand-howto-box");
        return box;
    }

    /** The fields of one view side by side, wrapping onto more lines when narrow. */
    static FlowPane fieldRow(Node... boxes) {
        FlowPane row = new FlowPane(16, 8, boxes);
        row.setAlignment(Pos.TOP_LEFT);
        row.setPadding(new Insets(2, 0, 4, 0));
        return row;
    }

    /** A line of emphasised text, e.g. the result and the machine's check. */
    static Label fact() {
        Label l = new Label();
        l.getStyleClass().add("byhand-fact");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static ScrollPane scroll(Node content) {
        ScrollPane sp = new LiveScrollPane(content);
        sp.setFitToWidth(true);
        sp.setPadding(new Insets(8));
        return sp;
    }
}
