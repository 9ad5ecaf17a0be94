package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.LatexTables;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.TableFigure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Export menu offers what applies to the figure shown; vector and LaTeX exports write real files. */
@ExtendWith(ApplicationExtension.class)
class ExportsTest {
    @TempDir
    Path dir;
    private StackPane root;
    private Figure shown;

    private static final LineFigure LINE = new LineFigure.Builder().add("train", 1, 0.9).add("train", 2, 0.5)
            .add("val", 1, 1.0).add("val", 2, 0.7).build("Loss", "epoch", "loss", false);
    private static final TableFigure TABLE = new TableFigure("Results", List.of("Net", "Test acc %"),
            List.of(List.of("Net1", "97.1 ± 0.3"), List.of("Net2", "98.0 ± 0.2")));

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    /** The visible items' texts when the menu opens on this figure. */
    private List<String> offered(Figure figure) {
        return Fx.get(() -> {
            shown = figure;
            MenuButton button = Exports.menuButton(() -> shown);
            root.getChildren().setAll(button);
            button.getOnShowing().handle(null);
            return button.getItems().stream().filter(i -> i.getText() != null && i.isVisible()).map(MenuItem::getText).toList();
        });
    }

    @Test
    void aLineFigureOffersImagesVectorsDataAndPgfplots() {
        assertEquals(List.of("PNG 1×", "PNG 2×", "PNG 3×", "SVG…", "PDF…", "CSV…", "pgfplots (.tex)…", "Copy as LaTeX"),
                offered(LINE));
    }

    @Test
    void aTableOffersABooktabsTableToSaveOrCopy() {
        List<String> items = offered(TABLE);
        assertTrue(items.containsAll(List.of("SVG…", "PDF…", "LaTeX table (.tex)…", "Copy as LaTeX")), items.toString());
        assertFalse(items.contains("pgfplots (.tex)…"));
    }

    @Test
    void aFigureThatOnlyDrawsPixelsOffersNoVectors() {
        List<String> items = offered(new DemoFigure("Accuracy", List.of("a"), new double[] {1}));
        assertEquals(List.of("PNG 1×", "PNG 2×", "PNG 3×", "CSV…"), items);
    }

    @Test
    void copyAsLatexPutsTheBooktabsTableOnTheClipboard() {
        String copied = Fx.get(() -> {
            shown = TABLE;
            MenuButton button = Exports.menuButton(() -> shown);
            root.getChildren().setAll(button);
            MenuItem copy = button.getItems().stream().filter(i -> "Copy as LaTeX".equals(i.getText())).findFirst().orElseThrow();
            copy.fire();
            return Clipboard.getSystemClipboard().getString();
        });
        assertEquals(LatexTables.of(TABLE), copied);
    }

    @Test
    void everyFormatWritesAFileOfItsKind() throws Exception {
        Map<String, Exports.Format> byText = Exports.FORMATS.stream().collect(Collectors.toMap(Exports.Format::menuText, f -> f));
        Path svg = Exports.write(LINE, dir.resolve("loss.svg"), byText.get("SVG…").writer()).get(20, TimeUnit.SECONDS);
        assertTrue(Files.readString(svg).contains(">Loss</text>"));
        Path pdf = Exports.write(LINE, dir.resolve("loss.pdf"), byText.get("PDF…").writer()).get(20, TimeUnit.SECONDS);
        assertEquals("%PDF-", new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        Path tex = Exports.write(LINE, dir.resolve("loss.tex"), byText.get("pgfplots (.tex)…").writer()).get(20, TimeUnit.SECONDS);
        assertTrue(Files.readString(tex).contains("\\begin{axis}["));
        Path table = Exports.write(TABLE, dir.resolve("results.tex"), byText.get("LaTeX table (.tex)…").writer())
                .get(20, TimeUnit.SECONDS);
        assertTrue(Files.readString(table).contains("$\\mathbf{98.0 \\pm 0.2}$"));
    }

    @Test
    void aNameTheFileSystemRefusesFailsNamingTheCauseAndWritesNothing() throws Exception {
        Path tooLong = dir.resolve("x".repeat(300) + ".svg");
        ExecutionException e = assertThrows(ExecutionException.class, () -> Exports.writeSvg(LINE, tooLong).get(20, TimeUnit.SECONDS));
        assertTrue(Exports.describe(e.getCause()).toLowerCase().contains("too long"), Exports.describe(e.getCause()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing half-written");
        }
    }

    @Test
    void aFolderThatIsAFileFailsWithoutTouchingIt() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "keep");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> Exports.writePdf(LINE, plain.resolve("loss.pdf")).get(20, TimeUnit.SECONDS));
        assertTrue(Exports.describe(e.getCause()).contains("does not exist"), Exports.describe(e.getCause()));
        assertEquals("keep", Files.readString(plain));
    }

    @Test
    void onlyAnAddedExtensionThatHitsAnExistingFileNeedsOurOwnQuestion() throws Exception {
        Path existing = Files.writeString(dir.resolve("loss.svg"), "old");
        assertFalse(Exports.needsOwnConfirmation(existing, existing), "the save dialog already asked about this name");
        Path typed = dir.resolve("loss");
        assertEquals(existing, Exports.withExtension(typed, ".svg"));
        assertTrue(Exports.needsOwnConfirmation(typed, Exports.withExtension(typed, ".svg")), "nobody asked about loss.svg");
        assertFalse(Exports.needsOwnConfirmation(dir.resolve("new"), dir.resolve("new.svg")), "nothing to replace");
    }
}
