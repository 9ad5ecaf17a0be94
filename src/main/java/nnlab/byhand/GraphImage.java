package nnlab.byhand;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/** A {@link GraphFigure} on screen: the same Java2D drawing the export writes, redrawn when it changes. */
final class GraphImage extends StackPane {
    private final ImageView view = new ImageView();
    private GraphFigure figure;

    GraphImage() {
        getChildren().add(view);
        view.setPreserveRatio(true);
        getStyleClass().add("byhand-graph");
    }

    void show(GraphFigure f) {
        if (f.equals(figure)) return;
        figure = f;
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        view.setImage(SwingFXUtils.toFXImage(f.render(scale), null));
        view.setFitWidth(f.drawing().width());
        nnlab.app.RepaintAnchor.touch(this);
    }

    GraphFigure figure() {
        return figure;
    }
}
