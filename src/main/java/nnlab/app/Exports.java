package nnlab.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.FigureExporter;

/**
 * The export menu shared by figures, live charts and tables: PNG at 1×/2×/3× and CSV, written by
 * {@link FigureExporter} on a background thread so a large render never freezes the window.
 */
public final class Exports {
    /** One writer thread: exports are rare, and serialising them keeps two clicks from racing on one file. */
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-export");
        t.setDaemon(true);
        return t;
    });
    private static File lastDirectory;

    private Exports() { }

    public static CompletableFuture<Path> writePng(Figure figure, Path file, double scale) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                FigureExporter.writePng(figure, file, scale);
                return file;
            } catch (IOException | RuntimeException e) {
                throw new CompletionException(e);
            }
        }, WRITER);
    }

    public static CompletableFuture<Path> writeCsv(Figure figure, Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                FigureExporter.writeCsv(figure, file);
                return file;
            } catch (IOException | RuntimeException e) {
                throw new CompletionException(e);
            }
        }, WRITER);
    }

    /**
     * An "Export" menu for whatever figure the supplier returns at click time (null = nothing to
     * export yet). Asks for the file with a FileChooser and reports failures in an Alert.
     */
    public static MenuButton menuButton(Supplier<Figure> figure) {
        MenuButton button = new MenuButton("Export");
        button.getStyleClass().add("export-button");
        // A long card title or phase is cut with "…", never the button ("Exp…" or "…" read as nothing).
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip("Save this view as a PNG image (1×, 2× or 3× resolution) or its data as CSV"));
        for (int scale = 1; scale <= 3; scale++) {
            int s = scale;
            MenuItem item = new MenuItem("PNG " + s + "×");
            item.setOnAction(e -> export(button, figure.get(), s));
            button.getItems().add(item);
        }
        MenuItem csv = new MenuItem("CSV…");
        csv.setOnAction(e -> export(button, figure.get(), 0));
        button.getItems().add(csv);
        return button;
    }

    /** scale 0 means CSV. */
    private static void export(Node anchor, Figure figure, int scale) {
        Window owner = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        if (figure == null) {
            showError(owner, "There is nothing to export yet.");
            return;
        }
        boolean csv = scale == 0;
        FileChooser chooser = new FileChooser();
        chooser.setTitle(csv ? "Export data as CSV" : "Export image as PNG (" + scale + "×)");
        chooser.getExtensionFilters().add(csv
                ? new FileChooser.ExtensionFilter("CSV file", "*.csv")
                : new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(fileStem(figure.title()) + (csv ? ".csv" : scale == 1 ? ".png" : "@" + scale + "x.png"));
        if (lastDirectory != null && lastDirectory.isDirectory()) chooser.setInitialDirectory(lastDirectory);
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) return;
        lastDirectory = chosen.getParentFile();
        Path file = withExtension(chosen.toPath(), csv ? ".csv" : ".png");
        CompletableFuture<Path> done = csv ? writeCsv(figure, file) : writePng(figure, file, scale);
        done.whenComplete((path, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                Platform.runLater(() -> showError(owner, "Could not export to " + file + ":\n" + describe(cause)));
            }
        });
    }

    /** A throwable's message for people, or its class name when it has none. */
    public static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static void showError(Window owner, String message) {
        showError(owner, "Export failed", message);
    }

    /** A non-blocking error dialog with this header. */
    public static void showError(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        if (owner != null) alert.initOwner(owner);
        alert.show();
    }

    /** A file name stem from a title: "Loss — Net1" → "loss-net1". */
    public static String fileStem(String title) {
        String stem = title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return stem.isEmpty() ? "figure" : stem;
    }

    private static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(ext) ? p : p.resolveSibling(name + ext);
    }
}
