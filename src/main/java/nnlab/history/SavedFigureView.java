package nnlab.history;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import nnlab.app.Dialogs;
import nnlab.app.Exports;

/**
 * A figure as the run saved it: its PNG (written at 2×, shown at its natural size or smaller),
 * loaded in the background, with an export menu that copies the saved PNG and its CSV data.
 */
public class SavedFigureView extends VBox {
    private static final double MAX_HEIGHT = 560;
    /** Runs save figures at 2× (RunRecorder); shown at 1× they have the size of a live figure. */
    private static final double SAVED_SCALE = 2.0;

    private final String figureId;
    private final Path png;
    private final Label title = new Label();
    private final Label placeholder = new Label("Loading the figure…");
    private final ImageView imageView = new ImageView();
    private final ImageBox box = new ImageBox();

    public SavedFigureView(String figureId, Path png, String caption) {
        this.figureId = figureId;
        this.png = png;
        getStyleClass().addAll("card", "figure-view", "saved-figure");
        title.getStyleClass().add("card-title");
        title.setText(caption);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        // The PNG carries its own title; the card title is only needed while there is no image.
        title.visibleProperty().bind(placeholder.visibleProperty());
        title.managedProperty().bind(title.visibleProperty());
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, exportMenu());
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("card-header");
        StackPane body = new StackPane(box, placeholder);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, body);

        Image image = new Image(png.toUri().toString(), true);
        image.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() >= 1) loaded(image);
        });
        image.errorProperty().addListener((o, a, b) -> {
            if (b) loaded(image);
        });
        if (image.getProgress() >= 1) loaded(image);
    }

    public String figureId() { return figureId; }

    public Path file() { return png; }

    /** The loaded image, or null while loading or when the file could not be read. */
    public Image image() {
        Image i = imageView.getImage();
        return i == null || i.isError() ? null : i;
    }

    private void loaded(Image image) {
        if (imageView.getImage() == image) return;
        if (image.isError() || image.getWidth() <= 0) {
            String why = image.getException() == null ? "not a readable PNG" : Exports.describe(image.getException());
            placeholder.setText("Could not show " + png.getFileName() + ": " + why);
            placeholder.setVisible(true);
            return;
        }
        imageView.setImage(image);
        placeholder.setVisible(false);
        box.requestLayout();
    }

    private MenuButton exportMenu() {
        MenuButton export = new MenuButton("Export");
        export.getStyleClass().add("export-button");
        export.setTooltip(new Tooltip("Save a copy of this figure as the run saved it: PNG (2×) or its data as CSV"));
        MenuItem pngItem = new MenuItem("PNG (as saved, 2×)…");
        pngItem.setOnAction(e -> copy(png, "PNG image", "*.png"));
        Path csv = png.resolveSibling(figureId + ".csv");
        MenuItem csvItem = new MenuItem("CSV…");
        csvItem.setOnAction(e -> copy(csv, "CSV file", "*.csv"));
        export.getItems().addAll(pngItem, csvItem);
        // Whether the CSV exists is checked when the menu opens, not while building the view.
        export.setOnShowing(e -> csvItem.setDisable(!Files.isRegularFile(csv)));
        return export;
    }

    private void copy(Path source, String kind, String pattern) {
        Window owner = getScene() == null ? null : getScene().getWindow();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName(source.getFileName().toString());
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) return;
        Path target = chosen.toPath();
        HistoryIo.inBackground(() -> Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING), (copied, error) -> {
            if (error != null) Dialogs.error(owner, "Export failed", "Could not copy to " + target + ":\n" + Exports.describe(error));
        });
    }

    /** Takes the width it is given and asks for the height that keeps the image's aspect ratio. */
    private final class ImageBox extends Region {
        ImageBox() {
            getChildren().add(imageView);
            setMinSize(0, 0);
        }

        private double naturalWidth() {
            Image i = imageView.getImage();
            return i == null ? 0 : i.getWidth() / SAVED_SCALE;
        }

        private double naturalHeight() {
            Image i = imageView.getImage();
            return i == null ? 0 : i.getHeight() / SAVED_SCALE;
        }

        private double displayWidth(double available) {
            double w = naturalWidth();
            if (w <= 0) return 0;
            return Math.floor(Math.min(Math.min(available, w), MAX_HEIGHT * w / naturalHeight()));
        }

        @Override public Orientation getContentBias() { return Orientation.HORIZONTAL; }

        @Override protected double computePrefWidth(double height) {
            return naturalWidth() > 0 ? Math.min(naturalWidth(), 480) : 200;
        }

        @Override protected double computePrefHeight(double width) {
            double w = naturalWidth();
            if (w <= 0) return 60;
            return Math.ceil(displayWidth(width < 0 ? computePrefWidth(-1) : width) * naturalHeight() / w);
        }

        @Override protected void layoutChildren() {
            double w = displayWidth(getWidth());
            imageView.setFitWidth(w);
            double h = naturalWidth() <= 0 ? 0 : w * naturalHeight() / naturalWidth();
            imageView.relocate(Math.max(0, (getWidth() - w) / 2), Math.max(0, (getHeight() - h) / 2));
        }
    }
}
