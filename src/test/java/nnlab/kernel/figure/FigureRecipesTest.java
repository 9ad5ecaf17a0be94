package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved figure (PNG + CSV) is drawn again exactly, so saved runs export SVG and PDF truthfully. */
class FigureRecipesTest {
    @TempDir
    Path dir;

    private Optional<Figure> saveAndRead(Figure f) throws IOException {
        Path png = dir.resolve("f.png"), csv = dir.resolve("f.csv");
        FigureExporter.writePng(f, png, 2);
        FigureExporter.writeCsv(f, csv);
        return FigureExporter.readSaved(png, csv);
    }

    private static void assertSamePixels(BufferedImage a, BufferedImage b, String what) {
        assertEquals(a.getWidth(), b.getWidth(), what);
        assertEquals(a.getHeight(), b.getHeight(), what);
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) throw new AssertionError(what + " differs at " + x + "," + y);
            }
        }
    }

    @Test
    void lineBarScatterAndHeatmapComeBackAsTheyWereDrawn() throws IOException {
        LineFigure logWithGap = new LineFigure("Loss — Net1 (log)", "epoch", "loss", List.of(
                new LineFigure.Series("train", new double[] {1, 2, 3}, new double[] {1, 0.1, 0.01}),
                new LineFigure.Series("empty", new double[0], new double[0]),
                new LineFigure.Series("val, held out", new double[] {1, 2, 3}, new double[] {2, Double.NaN, 0.5})), true);
        List<Figure> figures = List.of(VectorSamples.line(), logWithGap, VectorSamples.bars(), VectorSamples.scatter(),
                VectorSamples.heatmap(),
                new BarFigure("No errors", "n", List.of("a", "b"), List.of("g"), new double[][] {{1, 2}}, null, Double.NaN, Double.NaN));
        for (Figure f : figures) {
            Figure back = saveAndRead(f).orElseThrow(() -> new AssertionError(f.title() + " has a recipe"));
            assertEquals(f.getClass(), back.getClass());
            assertEquals(f.title(), back.title());
            assertSamePixels(f.render(1), back.render(1), f.title());
            assertEquals(f.toCsv(), back.toCsv(), f.title() + "'s data");
        }
    }

    @Test
    void thePngIsTheSamePictureWithTheRecipeBeside() throws IOException {
        Path png = dir.resolve("f.png");
        FigureExporter.writePng(VectorSamples.line(), png, 1);
        assertSamePixels(VectorSamples.line().render(1), ImageIO.read(png.toFile()), "decoded PNG");
    }

    @Test
    void imageGridsAndOldPngsHaveNoRecipe() throws IOException {
        assertTrue(saveAndRead(VectorSamples.imageGrid()).isEmpty(), "alpha is not in the CSV");
        Path old = dir.resolve("old.png");
        ImageIO.write(VectorSamples.line().render(1), "png", old.toFile());
        Files.writeString(dir.resolve("old.csv"), VectorSamples.line().toCsv());
        assertTrue(FigureExporter.readSaved(old, dir.resolve("old.csv")).isEmpty(), "a PNG from before recipes");
        LineFigure twins = new LineFigure("t", "x", "y", List.of(new LineFigure.Series("a", new double[] {1}, new double[] {1}),
                new LineFigure.Series("a", new double[] {2}, new double[] {2})), false);
        assertTrue(FigureRecipes.recipe(twins).isEmpty(), "two series of one name cannot be told apart in the CSV");
    }

    @Test
    void aCsvThatDoesNotFitTheRecipeIsAnError() throws IOException {
        Path png = dir.resolve("f.png"), csv = dir.resolve("f.csv");
        FigureExporter.writePng(VectorSamples.bars(), png, 1);
        Files.writeString(csv, "category,group,value,error\nunknown,Net1,1,0\n");
        IOException e = assertThrows(IOException.class, () -> FigureExporter.readSaved(png, csv));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }
}
