package nnlab.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.figure.LatexTables;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.Pgfplots;
import nnlab.kernel.figure.TableFigure;
import nnlab.kernel.store.IoProblems;

/**
 * The export menu shared by figures, live charts and tables: PNG at 1×/2×/3×, SVG and PDF (the
 * same drawing as vectors), CSV, and LaTeX (pgfplots for line figures, booktabs for tables).
 * Files are written by {@link FigureExporter} on a background thread, atomically, so a large
 * render never freezes the window and a failure leaves no partial file.
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

    /** Writes a figure to a file; runs on the writer thread. */
    @FunctionalInterface
    public interface FileWriter {
        void write(Figure figure, Path file) throws IOException;
    }

    /**
     * One way to export: its menu text, the file chooser's filter and the file name's ending
     * ("@2x.png"), the figures it applies to, and the writer.
     */
    public record Format(String menuText, String kind, String extension, String suffix, Predicate<Figure> appliesTo,
                         FileWriter writer) { }

    private static final Predicate<Figure> ANY = f -> true;

    /** The formats, in menu order (a separator before CSV). */
    public static final List<Format> FORMATS = List.of(
            new Format("PNG 1×", "PNG image", ".png", "", ANY, (f, p) -> FigureExporter.writePng(f, p, 1)),
            new Format("PNG 2×", "PNG image", ".png", "@2x", ANY, (f, p) -> FigureExporter.writePng(f, p, 2)),
            new Format("PNG 3×", "PNG image", ".png", "@3x", ANY, (f, p) -> FigureExporter.writePng(f, p, 3)),
            new Format("SVG…", "SVG drawing", ".svg", "", FigureExporter::hasVectorDrawing, FigureExporter::writeSvg),
            new Format("PDF…", "PDF document", ".pdf", "", FigureExporter::hasVectorDrawing, FigureExporter::writePdf),
            new Format("CSV…", "CSV file", ".csv", "", ANY, FigureExporter::writeCsv),
            new Format("pgfplots (.tex)…", "LaTeX file", ".tex", "", f -> f instanceof LineFigure,
                    (f, p) -> FigureExporter.writeText(p, Pgfplots.of((LineFigure) f))),
            new Format("LaTeX table (.tex)…", "LaTeX file", ".tex", "", f -> f instanceof TableFigure,
                    (f, p) -> FigureExporter.writeText(p, LatexTables.of((TableFigure) f))));

    public static CompletableFuture<Path> write(Figure figure, Path file, FileWriter writer) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                writer.write(figure, file);
                return file;
            } catch (IOException | RuntimeException e) {
                throw new CompletionException(e);
            }
        }, WRITER);
    }

    public static CompletableFuture<Path> writePng(Figure figure, Path file, double scale) {
        return write(figure, file, (f, p) -> FigureExporter.writePng(f, p, scale));
    }

    public static CompletableFuture<Path> writeCsv(Figure figure, Path file) {
        return write(figure, file, FigureExporter::writeCsv);
    }

    public static CompletableFuture<Path> writeSvg(Figure figure, Path file) {
        return write(figure, file, FigureExporter::writeSvg);
    }

    public static CompletableFuture<Path> writePdf(Figure figure, Path file) {
        return write(figure, file, FigureExporter::writePdf);
    }

    /** The figure's LaTeX, if it has one: booktabs for a table, pgfplots for a line figure; else null. */
    public static String latex(Figure figure) {
        if (figure instanceof TableFigure t) return LatexTables.of(t);
        if (figure instanceof LineFigure l) return Pgfplots.of(l);
        return null;
    }

    /**
     * An "Export" menu for whatever figure the supplier returns at click time (null = nothing to
     * export yet). The items that do not apply to the figure shown are hidden when the menu opens.
     */
    public static MenuButton menuButton(Supplier<Figure> figure) {
        MenuButton button = new MenuButton("Export");
        button.getStyleClass().add("export-button");
        // A long card title or phase is cut with "…", never the button ("Exp…" or "…" read as nothing).
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip("Save this view as an image (PNG at 1×, 2× or 3×; SVG or PDF as vectors), "
                + "its data as CSV, or as LaTeX"));
        List<MenuItem> formatItems = new ArrayList<>();
        for (Format format : FORMATS) {
            if (format.extension().equals(".csv")) button.getItems().add(new SeparatorMenuItem());
            MenuItem item = new MenuItem(format.menuText());
            item.setOnAction(e -> export(button, figure.get(), format));
            button.getItems().add(item);
            formatItems.add(item);
        }
        MenuItem copyLatex = new MenuItem("Copy as LaTeX");
        copyLatex.setOnAction(e -> copyLatex(button, figure.get()));
        button.getItems().add(copyLatex);
        button.setOnShowing(e -> {
            Figure f = figure.get();
            for (int i = 0; i < FORMATS.size(); i++) formatItems.get(i).setVisible(f == null || FORMATS.get(i).appliesTo().test(f));
            copyLatex.setVisible(f instanceof TableFigure || f instanceof LineFigure);
        });
        return button;
    }

    private static void copyLatex(Node anchor, Figure figure) {
        String tex = figure == null ? null : latex(figure);
        if (tex == null) {
            showError(owner(anchor), "There is no LaTeX for this view.");
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(tex);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    private static Window owner(Node anchor) {
        return anchor.getScene() == null ? null : anchor.getScene().getWindow();
    }

    private static void export(Node anchor, Figure figure, Format format) {
        if (figure == null) {
            showError(owner(anchor), "There is nothing to export yet.");
            return;
        }
        String title = "Export " + (format.menuText().startsWith("PNG") ? format.menuText() : format.kind());
        saveAs(anchor, title, format.kind(), format.extension(), fileStem(figure.title()) + format.suffix() + format.extension(),
                file -> format.writer().write(figure, file));
    }

    /** Writes one chosen file; runs on the writer thread. */
    @FunctionalInterface
    public interface FileWork {
        void write(Path file) throws IOException;
    }

    /**
     * Asks where to save (a save dialog filtered to the extension, opened in the last folder
     * used), adds the extension when the name lacks it, asks before replacing a file the dialog
     * did not ask about, then writes on the writer thread and reports a failure naming the file.
     */
    public static void saveAs(Node anchor, String title, String kind, String extension, String initialName, FileWork work) {
        Window owner = owner(anchor);
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*" + extension));
        chooser.setInitialFileName(initialName);
        if (lastDirectory != null && lastDirectory.isDirectory()) chooser.setInitialDirectory(lastDirectory);
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) return;
        lastDirectory = chosen.getParentFile();
        Path file;
        try {
            file = withExtension(chosen.toPath(), extension);
        } catch (InvalidPathException e) {
            showError(owner, "Could not export to " + chosen + ":\nthe name is not allowed here (" + e.getReason() + ")");
            return;
        }
        if (needsOwnConfirmation(chosen.toPath(), file)) {
            Dialogs.confirm(owner, "Replace " + file.getFileName() + "?",
                    file.getFileName() + " already exists in " + file.getParent() + ". Replacing it overwrites its contents.",
                    "Replace", () -> write(owner, file, work));
        } else {
            write(owner, file, work);
        }
    }

    private static void write(Window owner, Path file, FileWork work) {
        CompletableFuture.runAsync(() -> {
            try {
                work.write(file);
            } catch (IOException | RuntimeException e) {
                throw new CompletionException(e);
            }
        }, WRITER).whenComplete((done, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                Platform.runLater(() -> showError(owner, "Could not export to " + file + ":\n" + describe(cause)));
            }
        });
    }

    /**
     * True when the file about to be written exists but is not the name the save dialog returned:
     * the platform's dialog (GTK, macOS, Windows) has already asked about replacing the name it
     * returns, but not about that name with the extension added.
     */
    static boolean needsOwnConfirmation(Path chosen, Path target) {
        return !target.equals(chosen) && Files.exists(target);
    }

    /** A throwable's message for people (for a file error: its cause, not the path), or its class name. */
    public static String describe(Throwable t) {
        if (t instanceof IOException io) return IoProblems.describe(io);
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

    static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(ext) ? p : p.resolveSibling(name + ext);
    }
}
