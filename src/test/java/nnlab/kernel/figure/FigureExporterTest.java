package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureExporterTest {
    @TempDir
    Path dir;

    static List<Figure> samples() {
        LineFigure line = new LineFigure.Builder().add("train", 1, 0.5).add("train", 2, 0.25).add("test, held out", 1, 0.75)
                .build("Loss", "epoch", "loss", false);
        BarFigure bar = new BarFigure("Accuracy", "accuracy", List.of("valid", "same"), List.of("Net1", "Net2"),
                new double[][] {{0.962, 0.971}, {0.981, Double.NaN}}, new double[][] {{0.004, 0.003}, {0.002, 0}}, 0.9, 1);
        ImageGridFigure grid = new ImageGridFigure("Samples", 2, List.of(
                new ImageGridFigure.Tile("a", 2, 1, new int[] {0xFF102030, 0xFF0000FF})));
        TableFigure table = new TableFigure("Results", List.of("model", "accuracy"),
                List.of(List.of("Net1", "0.962"), List.of("Net2, wide", "0.987")));
        HeatmapFigure heat = new HeatmapFigure("EtE", "j", "i", new double[][] {{1, 0.5, 0}, {0.5, 1, -0.5}}, ColorMap.DIVERGING);
        return List.of(line, bar, grid, table, heat);
    }

    @Test
    void pngDecodesToTheRenderedSizeAtEachScale() throws IOException {
        for (Figure f : samples()) {
            BufferedImage reference = f.render(1);
            for (double scale : new double[] {1, 2, 3}) {
                Path png = dir.resolve(f.getClass().getSimpleName() + "@" + scale + ".png");
                FigureExporter.writePng(f, png, scale);
                BufferedImage back = ImageIO.read(png.toFile());
                assertEquals(scale * reference.getWidth(), back.getWidth(), 1.0, f.title() + " width at " + scale);
                assertEquals(scale * reference.getHeight(), back.getHeight(), 1.0, f.title() + " height at " + scale);
                if (scale == 1) assertEquals(reference.getRGB(reference.getWidth() / 2, reference.getHeight() / 2),
                        back.getRGB(back.getWidth() / 2, back.getHeight() / 2), "lossless");
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void scaleOutOfRangeIsRejected() {
        Figure f = samples().get(0);
        assertThrows(IllegalArgumentException.class, () -> FigureExporter.writePng(f, dir.resolve("x.png"), 0));
        assertThrows(IllegalArgumentException.class, () -> FigureExporter.writePng(f, dir.resolve("x.png"), Double.NaN));
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    private String csv(Figure f) throws IOException {
        Path file = dir.resolve("data.csv");
        FigureExporter.writeCsv(f, file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void csvOfEachFigureType() throws IOException {
        List<Figure> s = samples();
        String line = csv(s.get(0));
        assertTrue(line.startsWith("series,epoch,loss\n"), line);
        assertTrue(line.contains("train,2,0.250000\n") && line.contains("\"test, held out\",1,0.750000\n"), line);

        String bar = csv(s.get(1));
        assertTrue(bar.startsWith("category,group,value,error\n"), bar);
        assertTrue(bar.contains("valid,Net2,0.981000,0.00200000\n"), bar);
        assertFalse(bar.contains("same,Net2"), "NaN values are no bar and no row");

        String grid = csv(s.get(2));
        assertEquals("tile,caption,x,y,r,g,b\n0,a,0,0,16,32,48\n0,a,1,0,0,0,255\n", grid);

        String table = csv(s.get(3));
        assertEquals("model,accuracy\nNet1,0.962\n\"Net2, wide\",0.987\n", table);

        String heat = csv(s.get(4));
        assertTrue(heat.startsWith("row,col,value\n0,0,1\n"), heat);
        assertTrue(heat.contains("1,2,-0.500000\n"), heat);
        assertEquals(7, heat.split("\n").length);
    }

    @Test
    void missingFolderFailsWithoutCreatingAnything() {
        Path missing = dir.resolve("no-such-folder");
        assertThrows(IOException.class, () -> FigureExporter.writePng(samples().get(0), missing.resolve("f.png"), 1));
        assertThrows(IOException.class, () -> FigureExporter.writeCsv(samples().get(0), missing.resolve("f.csv")));
        assertFalse(Files.exists(missing));
    }

    @Test
    void failedReplaceLeavesNoTempFileBehind() throws IOException {
        // A non-empty directory where the PNG should go: the temp file is written, the final move fails.
        Path blocker = Files.createDirectories(dir.resolve("f.png"));
        Files.writeString(blocker.resolve("keep.txt"), "x");
        assertThrows(IOException.class, () -> FigureExporter.writePng(samples().get(0), blocker, 1));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(blocker), files.toList(), "only the pre-existing entry remains");
        }
    }

    @Test
    void parentThatIsAFileFails() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThrows(IOException.class, () -> FigureExporter.writeCsv(samples().get(0), file.resolve("f.csv")));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void readOnlyFolderFailsAndStaysEmpty() throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        try {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        } catch (UnsupportedOperationException e) {
            assumeFalse(true, "no POSIX permissions on this file system");
        }
        try {
            // Root ignores permissions; then this case cannot be provoked (the tests above still cover failures).
            assumeFalse(Files.isWritable(ro), "running with privileges that ignore folder permissions");
            assertThrows(IOException.class, () -> FigureExporter.writePng(samples().get(0), ro.resolve("f.png"), 1));
            try (Stream<Path> files = Files.list(ro)) {
                assertEquals(0, files.count());
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
