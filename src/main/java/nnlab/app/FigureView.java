package nnlab.app;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.Duration;
import nnlab.kernel.figure.Figure;

/**
 * Shows one {@link Figure} as an image drawn by the same Java2D renderer as the exported PNGs,
 * so what you see is what you export. The image is re-rendered for the space it gets and the
 * screen's pixel density, on a background thread and at most ten times a second while resizing.
 */
public class FigureView extends VBox {
    /** Figures are drawn larger than their natural size only up to this factor; more just looks bloated. */
    private static final double MAX_ZOOM = 1.5;
    private double maxZoom = MAX_ZOOM;
    private static final double MAX_HEIGHT = 560;
    private static final ExecutorService RENDERER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-figure-render");
        t.setDaemon(true);
        return t;
    });

    private final String figureId;
    private final Label title = new Label();
    private final Label placeholder = new Label();
    private final ImageView imageView = new ImageView();
    private final ImageBox imageBox = new ImageBox();
    private final PauseTransition resizeThrottle = new PauseTransition(Duration.millis(100));
    private Figure figure;
    /** The figure's size at scale 1, known after its first render. */
    private double naturalWidth;
    private double naturalHeight;
    /** Bumped per figure and per size, so a slow render never overwrites a newer one. */
    private long generation;
    private double renderedWidth;
    private double renderedPixelScale;

    public FigureView(String figureId, String initialTitle) {
        this(figureId, initialTitle, "The figure appears here while the experiment runs.");
    }

    public FigureView(String figureId, String initialTitle, String placeholderText) {
        this.figureId = figureId;
        getStyleClass().addAll("card", "figure-view");
        title.getStyleClass().add("card-title");
        title.setText(initialTitle);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        placeholder.setText(placeholderText);
        // The rendered figure draws its own title; repeating it above the image looks like a mistake.
        title.visibleProperty().bind(placeholder.visibleProperty());
        title.managedProperty().bind(title.visibleProperty());
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        MenuButton export = Exports.menuButton(() -> figure);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, export);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("card-header");
        StackPane body = new StackPane(imageBox, placeholder);
        body.setAlignment(Pos.CENTER);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, body);
        resizeThrottle.setOnFinished(e -> renderForCurrentSize());
        imageBox.widthProperty().addListener((o, a, b) -> {
            if (resizeThrottle.getStatus() != javafx.animation.Animation.Status.RUNNING) resizeThrottle.playFromStart();
        });
    }

    public String figureId() { return figureId; }

    /**
     * Caps how far the figure is drawn beyond its natural size (1.5 by default): a lab that shows
     * its figures one per row at full column width would otherwise make each one a screen tall.
     */
    public void setMaxZoom(double zoom) {
        if (!(zoom >= 0.25)) throw new IllegalArgumentException("max zoom must be at least 0.25, got " + zoom);
        maxZoom = zoom;
        imageBox.requestLayout();
        renderForCurrentSize();
    }

    /** The shown width over the natural width: text is drawn this many times its natural size (null before the first render). */
    public Double shownZoom() {
        return naturalWidth > 0 && imageView.getImage() != null ? imageView.getFitWidth() / naturalWidth : null;
    }

    public Figure figure() { return figure; }

    public String title() { return title.getText(); }

    /** The image on screen (null until the first render finishes). */
    public Image image() { return imageView.getImage(); }

    /** Shows a new version of the figure; call on the JavaFX thread. */
    public void setFigure(Figure newFigure) {
        figure = newFigure;
        if (newFigure == null) {
            imageView.setImage(null);
            placeholder.setVisible(true);
            return;
        }
        title.setText(newFigure.title());
        long gen = ++generation;
        if (naturalWidth > 0 && renderedWidth > 0 && imageView.getImage() != null) {
            replaceAtShownSize(newFigure, gen);
            return;
        }
        // The first render at scale 1 tells us the natural size, which every later size derives from.
        CompletableFuture.supplyAsync(() -> newFigure.render(1.0), RENDERER).whenComplete((img, error) -> Platform.runLater(() -> {
            if (gen != generation) return;
            if (error != null) {
                showError(error);
                return;
            }
            naturalWidth = img.getWidth();
            naturalHeight = img.getHeight();
            renderedWidth = 0;
            imageBox.requestLayout();
            renderForCurrentSize();
        }));
    }

    /**
     * A new version of a figure on screen (a slider moved, an epoch ended) nearly always keeps its
     * natural size, so it is rendered once, straight for the width shown, instead of once at scale 1
     * and again for the width (the labs' five figures redrew in 186 ms, most of it the second render).
     * When the size did change, the usual two steps follow.
     */
    private void replaceAtShownSize(Figure f, long gen) {
        ShownSize size = shownSize();
        CompletableFuture.supplyAsync(() -> size.render(f), RENDERER).whenComplete((img, error) -> Platform.runLater(() -> {
            if (gen != generation) return;
            if (error != null) {
                showError(error);
                return;
            }
            if (img != null) {
                show(img, size.width());
                return;
            }
            naturalWidth = 0;
            renderedWidth = 0;
            setFigure(f);
        }));
    }

    /**
     * The size the figure is shown at, read on the JavaFX thread, so that a caller with a thread of
     * its own (an interactive lab's worker) can render the next version there and hand over the
     * image; null before the figure has been shown.
     */
    public ShownSize shownSize() {
        if (naturalWidth <= 0 || renderedWidth <= 0 || imageView.getImage() == null) return null;
        return new ShownSize(naturalWidth, naturalHeight, renderedWidth, renderedPixelScale);
    }

    /** A figure's size at scale 1 and the width (in points) and pixel density it is shown at. */
    public record ShownSize(double naturalWidth, double naturalHeight, double width, double pixelScale) {
        /** Renders a figure for this size, on any thread; null when the figure's natural size differs (a layout is then needed). */
        public Image render(Figure f) {
            double scale = Math.max(0.25, Math.min(4, width / naturalWidth * pixelScale));
            java.awt.image.BufferedImage img = f.render(scale);
            boolean sameSize = Math.abs(img.getWidth() / scale - naturalWidth) < 2 && Math.abs(img.getHeight() / scale - naturalHeight) < 2;
            return sameSize ? SwingFXUtils.toFXImage(img, null) : null;
        }
    }

    /**
     * Shows a figure already rendered for {@code size} (see {@link #shownSize()}): no render
     * thread, no second hop to the JavaFX thread, no layout. Falls back to {@link #setFigure} when
     * the image is missing or the view's size changed meanwhile.
     */
    public void setRendered(Figure f, Image img, ShownSize size) {
        if (img == null || size == null || !size.equals(shownSize())) {
            setFigure(f);
            return;
        }
        figure = f;
        title.setText(f.title());
        ++generation;
        show(img, size.width());
    }

    /** Writes the figure as a PNG on a background thread; the future fails with the cause (e.g. an unwritable folder). */
    public CompletableFuture<Path> exportPng(Path file, double scale) {
        if (figure == null) return CompletableFuture.failedFuture(new IllegalStateException("no figure to export yet"));
        return Exports.writePng(figure, file, scale);
    }

    public CompletableFuture<Path> exportCsv(Path file) {
        if (figure == null) return CompletableFuture.failedFuture(new IllegalStateException("no figure to export yet"));
        return Exports.writeCsv(figure, file);
    }

    /** Writes the figure as SVG (text as text, lines as vectors) on a background thread. */
    public CompletableFuture<Path> exportSvg(Path file) {
        if (figure == null) return CompletableFuture.failedFuture(new IllegalStateException("no figure to export yet"));
        return Exports.writeSvg(figure, file);
    }

    /** Writes the figure as a one-page PDF on a background thread. */
    public CompletableFuture<Path> exportPdf(Path file) {
        if (figure == null) return CompletableFuture.failedFuture(new IllegalStateException("no figure to export yet"));
        return Exports.writePdf(figure, file);
    }

    private void renderForCurrentSize() {
        if (figure == null || naturalWidth <= 0) return;
        double width = displayWidth(imageBox.getWidth());
        double pixelScale = outputScale(this);
        if (width <= 1 || (Math.abs(width - renderedWidth) < 1 && pixelScale == renderedPixelScale)) return;
        renderedWidth = width;
        renderedPixelScale = pixelScale;
        Figure f = figure;
        long gen = ++generation;
        double scale = Math.max(0.25, Math.min(4, width / naturalWidth * pixelScale));
        // Converted to a JavaFX image here too: for a large figure that copy alone took the JavaFX thread 10–30 ms.
        CompletableFuture.supplyAsync(() -> SwingFXUtils.toFXImage(f.render(scale), null), RENDERER)
                .whenComplete((img, error) -> Platform.runLater(() -> {
                    if (gen != generation) return;
                    if (error != null) {
                        showError(error);
                        return;
                    }
                    show(img, width);
                }));
    }

    private void show(Image img, double width) {
        imageView.setImage(img);
        RepaintAnchor.touch(this);
        imageView.setFitWidth(width);
        placeholder.setVisible(false);
        imageBox.requestLayout();
    }

    private void showError(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        imageView.setImage(null);
        placeholder.setText("Could not draw this figure: " + Exports.describe(cause));
        placeholder.setVisible(true);
    }

    /** The width the figure gets in a box of the given width. */
    private double displayWidth(double available) {
        if (naturalWidth <= 0) return 0;
        double zoom = Math.min(maxZoom, Math.min(available / naturalWidth, MAX_HEIGHT / naturalHeight));
        return Math.floor(naturalWidth * zoom);
    }

    /** Device pixels per point where the node is shown (2 on a HiDPI screen), so images are drawn sharp. */
    static double outputScale(javafx.scene.Node node) {
        Window w = node.getScene() == null ? null : node.getScene().getWindow();
        double s = w != null ? w.getOutputScaleX() : Screen.getPrimary().getOutputScaleX();
        return s > 0 ? s : 1;
    }

    /** Takes whatever width its parent gives and asks for the height that keeps the aspect ratio. */
    private final class ImageBox extends Region {
        ImageBox() {
            getChildren().add(imageView);
            setMinSize(0, 0);
        }

        @Override public Orientation getContentBias() { return Orientation.HORIZONTAL; }

        @Override protected double computePrefWidth(double height) {
            return naturalWidth > 0 ? Math.min(naturalWidth, 480) : 200;
        }

        @Override protected double computePrefHeight(double width) {
            if (naturalWidth <= 0) return 120;
            double w = displayWidth(width < 0 ? computePrefWidth(-1) : width);
            return Math.ceil(w * naturalHeight / naturalWidth);
        }

        @Override protected void layoutChildren() {
            double w = imageView.getImage() == null ? 0 : imageView.getFitWidth();
            double h = w == 0 ? 0 : w * naturalHeight / naturalWidth;
            imageView.relocate(Math.max(0, (getWidth() - w) / 2), Math.max(0, (getHeight() - h) / 2));
        }
    }
}
