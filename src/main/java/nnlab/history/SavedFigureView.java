package nnlab.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nnlab.app.Exports;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.Pgfplots;
import nnlab.kernel.store.AtomicFiles;

/**
 * A figure as the run saved it: its PNG (written at 2×, shown at its natural size or smaller),
 * loaded in the background, with an export menu that copies the saved PNG and its CSV data, and
 * offers SVG, PDF (and pgfplots for line figures) only where they can be made truthfully: the
 * run's own SVG/PDF files, or the figure drawn again from the recipe in its PNG and its CSV. An
 * older run's PNG, or an image figure's, has no recipe; the menu then says so instead.
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
    private volatile Vectors vectors;

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

    /**
     * What the run left to export beyond the PNG and CSV: SVG or PDF files it saved (runs made
     * with --format svg,pdf), or the figure drawn again from its PNG's recipe and its CSV.
     */
    record Vectors(Path savedSvg, Path savedPdf, Figure redrawn, String whyNot) {
        boolean svg() { return savedSvg != null || redrawn != null; }

        boolean pdf() { return savedPdf != null || redrawn != null; }
    }

    /** Looks at the run's files (off the JavaFX thread: it reads the PNG's metadata). */
    static Vectors vectors(Path png, String figureId) {
        Path svg = png.resolveSibling(figureId + ".svg"), pdf = png.resolveSibling(figureId + ".pdf");
        Path savedSvg = Files.isRegularFile(svg) ? svg : null, savedPdf = Files.isRegularFile(pdf) ? pdf : null;
        Path csv = png.resolveSibling(figureId + ".csv");
        String why = null;
        Figure redrawn = null;
        if (!Files.isRegularFile(csv)) {
            why = "No SVG or PDF: the run saved no data (CSV) for this figure";
        } else {
            try {
                redrawn = FigureExporter.readSaved(png, csv).orElse(null);
                if (redrawn == null) why = "No SVG or PDF: this PNG carries no recipe to redraw it (an image figure, or an older run)";
            } catch (IOException | RuntimeException e) {
                why = "No SVG or PDF: " + Exports.describe(e);
            }
        }
        return new Vectors(savedSvg, savedPdf, redrawn, savedSvg != null && savedPdf != null ? null : why);
    }

    /** What the export menu can offer, once known (null while the run's files are being read). */
    public Vectors vectors() { return vectors; }

    private MenuButton exportMenu() {
        MenuButton export = new MenuButton("Export");
        export.getStyleClass().add("export-button");
        export.setTooltip(new Tooltip("Save a copy of this figure as the run saved it (PNG at 2×, its data as CSV), "
                + "or drawn again as SVG, PDF or pgfplots where the run kept what that needs"));
        MenuItem pngItem = new MenuItem("PNG (as saved, 2×)…");
        pngItem.setOnAction(e -> copy(png, "PNG image", ".png"));
        MenuItem svgItem = new MenuItem("SVG…");
        svgItem.setOnAction(e -> vector(".svg"));
        MenuItem pdfItem = new MenuItem("PDF…");
        pdfItem.setOnAction(e -> vector(".pdf"));
        Path csv = png.resolveSibling(figureId + ".csv");
        MenuItem csvItem = new MenuItem("CSV…");
        csvItem.setOnAction(e -> copy(csv, "CSV file", ".csv"));
        MenuItem texItem = new MenuItem("pgfplots (.tex)…");
        texItem.setOnAction(e -> Exports.saveAs(this, "Export LaTeX file", "LaTeX file", ".tex", figureId + ".tex",
                file -> FigureExporter.writeText(file, Pgfplots.of((LineFigure) vectors.redrawn()))));
        MenuItem whyNot = new MenuItem();
        whyNot.setDisable(true);
        export.getItems().addAll(pngItem, svgItem, pdfItem, new SeparatorMenuItem(), csvItem, texItem, whyNot);
        // What exists is checked when the menu opens, not while building the view.
        export.setOnShowing(e -> {
            Vectors v = vectors;
            csvItem.setDisable(!Files.isRegularFile(csv));
            svgItem.setDisable(v == null || !v.svg());
            pdfItem.setDisable(v == null || !v.pdf());
            texItem.setVisible(v != null && v.redrawn() instanceof LineFigure);
            String why = v == null ? "Checking what this run saved…" : v.whyNot();
            whyNot.setText(why);
            whyNot.setVisible(why != null);
        });
        HistoryIo.inBackground(() -> vectors(png, figureId), (v, error) -> vectors = error == null ? v
                : new Vectors(null, null, null, "No SVG or PDF: " + Exports.describe(error)));
        return export;
    }

    /** An SVG or PDF: the run's own file when it saved one, else the figure drawn again. */
    private void vector(String extension) {
        Vectors v = vectors;
        if (v == null) return;
        Path saved = extension.equals(".svg") ? v.savedSvg() : v.savedPdf();
        if (saved != null) {
            copy(saved, extension.equals(".svg") ? "SVG drawing" : "PDF document", extension);
            return;
        }
        Figure f = v.redrawn();
        Exports.saveAs(this, "Export " + extension.substring(1).toUpperCase(java.util.Locale.ROOT), extension.equals(".svg")
                        ? "SVG drawing" : "PDF document", extension, figureId + extension,
                file -> {
                    if (extension.equals(".svg")) FigureExporter.writeSvg(f, file);
                    else FigureExporter.writePdf(f, file);
                });
    }

    /** A copy of a file of the run, written atomically. */
    private void copy(Path source, String kind, String extension) {
        Exports.saveAs(this, "Export " + kind, kind, extension, source.getFileName().toString(),
                target -> AtomicFiles.write(target, out -> Files.copy(source, out)));
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
