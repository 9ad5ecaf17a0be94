package nnlab.attncost;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.app.Exports;
import nnlab.app.RepaintAnchor;
import nnlab.kernel.figure.Figure;

/**
 * One figure of the explore tab, shown as an image the worker thread has already rendered (so the
 * panel knows when the pixels are in place: the redraw time it reports ends here), with the app's
 * export menu (PNG, SVG, PDF, CSV, LaTeX) for the figure on screen.
 */
final class FigureCard extends VBox {
    /**
     * Widest a figure is shown, in points: its natural width, where its text has its natural size
     * (at 460 two cards fitted side by side, with 8-px tick labels).
     */
    static final double MAX_WIDTH = 640;
    private final ImageView image = new ImageView();
    private final Label title = new Label();
    private Figure figure;

    FigureCard(String id, String initialTitle) {
        setId(id + "-card");
        getStyleClass().addAll("card", "figure-view");
        title.getStyleClass().add("card-title");
        title.setText(initialTitle);
        title.setWrapText(true);
        MenuButton export = Exports.menuButton(() -> figure);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, export);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("card-header");
        // The rendered figure draws its own title; the card's repeats it only until then.
        title.visibleProperty().bind(image.imageProperty().isNull());
        title.managedProperty().bind(title.visibleProperty());
        image.setPreserveRatio(true);
        image.setSmooth(true);
        getChildren().addAll(header, image);
    }

    /** The figure's image at the given pixel scale, made on the calling (worker) thread. */
    static Image render(Figure f, double scale) {
        BufferedImage img = f.render(scale);
        return SwingFXUtils.toFXImage(img, null);
    }

    /** Shows a figure and its already rendered image, at the given width in points; JavaFX thread. */
    void show(Figure f, Image rendered, double pixelScale) {
        figure = f;
        image.setImage(rendered);
        double width = Math.min(MAX_WIDTH, rendered.getWidth() / pixelScale);
        image.setFitWidth(width);
        setPrefWidth(width + 16);
        setMaxWidth(width + 16);
        RepaintAnchor.touch(this);
    }

    Figure figure() { return figure; }

    /** The width the image is shown at, in points (0 before the first). */
    double shownWidth() { return image.getImage() == null ? 0 : image.getFitWidth(); }

    Image image() { return image.getImage(); }
}
