package nnlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nnlab.app.Fx;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.figure.ImageGridFigure;
import nnlab.kernel.figure.LineFigure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A saved figure offers SVG and PDF only where the run kept what they need, and says why not otherwise. */
@ExtendWith(ApplicationExtension.class)
class SavedFigureViewTest {
    @TempDir
    Path run;
    private StackPane root;

    private static final LineFigure LOSS = new LineFigure.Builder().add("train", 1, 0.9).add("train", 2, 0.5)
            .add("val", 1, 1.0).add("val", 2, 0.7).build("Loss — Net1", "epoch", "cross-entropy", true);

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 600, 400));
        stage.show();
    }

    /** The export menu's items by text, after the view has looked at the run's files and the menu opened. */
    private Map<String, MenuItem> menu(Path png, String id) {
        SavedFigureView view = Fx.get(() -> {
            SavedFigureView v = new SavedFigureView(id, png, "caption");
            root.getChildren().setAll(v);
            return v;
        });
        Fx.waitUntil("the run's files looked at", 10_000, () -> view.vectors() != null);
        return Fx.get(() -> {
            MenuButton button = (MenuButton) view.lookup(".export-button");
            button.getOnShowing().handle(null);
            return button.getItems().stream().filter(i -> i.getText() != null && i.isVisible())
                    .collect(Collectors.toMap(MenuItem::getText, i -> i, (a, b) -> a, java.util.LinkedHashMap::new));
        });
    }

    @Test
    void aLineFigureOfThisVersionIsDrawnAgainFromItsPngAndCsv() throws Exception {
        Path png = run.resolve("loss-curves.png");
        FigureExporter.writePng(LOSS, png, 2);
        FigureExporter.writeCsv(LOSS, run.resolve("loss-curves.csv"));
        SavedFigureView.Vectors v = SavedFigureView.vectors(png, "loss-curves");
        assertTrue(v.redrawn() instanceof LineFigure l && l.logY() && l.title().equals("Loss — Net1"), "title and log axis kept");
        assertNull(v.whyNot());

        Map<String, MenuItem> items = menu(png, "loss-curves");
        assertEquals(List.of("PNG (as saved, 2×)…", "SVG…", "PDF…", "CSV…", "pgfplots (.tex)…"), List.copyOf(items.keySet()));
        assertFalse(items.get("SVG…").isDisable());
        assertFalse(items.get("PDF…").isDisable());
    }

    @Test
    void anOlderRunsPngOffersNoVectorsAndSaysWhy() throws Exception {
        Path png = run.resolve("loss-curves.png");
        ImageIO.write(LOSS.render(2), "png", png.toFile());
        Files.writeString(run.resolve("loss-curves.csv"), LOSS.toCsv());
        Map<String, MenuItem> items = menu(png, "loss-curves");
        assertTrue(items.get("SVG…").isDisable() && items.get("PDF…").isDisable());
        assertFalse(items.containsKey("pgfplots (.tex)…"));
        String why = items.keySet().stream().filter(t -> t.startsWith("No SVG or PDF")).findFirst().orElseThrow();
        assertTrue(why.contains("no recipe"), why);
    }

    @Test
    void anImageFigureOffersTheSvgAndPdfTheRunSaved() throws Exception {
        ImageGridFigure grid = new ImageGridFigure("Samples", 1, List.of(new ImageGridFigure.Tile("a", 1, 1, new int[] {0xFF0000})));
        Path png = run.resolve("samples.png");
        FigureExporter.writePng(grid, png, 2);
        FigureExporter.writeCsv(grid, run.resolve("samples.csv"));
        assertTrue(SavedFigureView.vectors(png, "samples").whyNot().contains("no recipe"), "an image grid has none");

        FigureExporter.writeSvg(grid, run.resolve("samples.svg"));
        FigureExporter.writePdf(grid, run.resolve("samples.pdf"));
        SavedFigureView.Vectors v = SavedFigureView.vectors(png, "samples");
        assertEquals(run.resolve("samples.svg"), v.savedSvg());
        assertEquals(run.resolve("samples.pdf"), v.savedPdf());
        assertNull(v.whyNot(), "a run made with --format svg,pdf has them");
        Map<String, MenuItem> items = menu(png, "samples");
        assertFalse(items.get("SVG…").isDisable());
        assertFalse(items.get("PDF…").isDisable());
    }

    @Test
    void withoutItsCsvNothingCanBeRedrawn() throws Exception {
        Path png = run.resolve("loss-curves.png");
        FigureExporter.writePng(LOSS, png, 2);
        SavedFigureView.Vectors v = SavedFigureView.vectors(png, "loss-curves");
        assertNull(v.redrawn());
        assertTrue(v.whyNot().contains("no data"), v.whyNot());
    }
}
