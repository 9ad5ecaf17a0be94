package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nnlab.kernel.figure.ImageGridFigure;
import nnlab.kernel.figure.LineFigure;
import org.junit.jupiter.api.Test;

/** The validation strip: four tiles a canvas, a compact class key under the grid, a title that does not widen it; curves in a fixed order. */
class UNetFiguresTest {

    private static SegmentationSet validation() throws Exception {
        // the default canvas size, generated shapes (no Fashion-MNIST needed), 11 class names as the study has them
        SegmentationSet v = UNetData.load(UNetTiny.config(Map.of("canvas-height", "64", "canvas-width", "84", "max-items", "3")))
                .validation();
        List<String> names = new ArrayList<>(nnlab.datasets.DataSources.FASHION_CLASSES);
        names.add(0, "background");
        return new SegmentationSet(v.name(), v.pixels(), v.masks(), v.size(), v.height(), v.width(), names);
    }

    private static int[] asInts(byte[] mask) {
        int[] out = new int[mask.length];
        for (int i = 0; i < mask.length; i++) out[i] = mask[i];
        return out;
    }

    @Test
    void theStripHasFourTilesPerCanvasAndACompactKeyOfEveryClass() throws Exception {
        SegmentationSet val = validation();
        int[] idx = {0, 1, 2, 3};
        int[][] perfect = new int[idx.length][];
        int[][] background = new int[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            perfect[i] = asInts(val.mask(idx[i]));
            background[i] = new int[val.pixelsPerImage()];
        }
        ImageGridFigure f = UNetFigures.strip(val, idx, perfect, background, UNetFigures.state(3, 3));
        assertEquals(4, f.columns());
        assertEquals(4 * idx.length, f.tiles().size(), "only images in the grid, the key is apart");
        assertEquals("target", f.tiles().get(1).caption());
        assertTrue(f.tiles().get(2).caption().startsWith("with skips (100 % px)"), f.tiles().get(2).caption());
        assertEquals(11, f.key().size());
        for (int c = 0; c < 11; c++) {
            assertEquals(val.classNames().get(c), f.key().get(c).label());
            assertEquals(UNetFigures.colour(c), f.key().get(c).argb());
        }
        assertEquals("Validation strip, after epoch 3", f.title());

        BufferedImage img = f.render(1);
        BufferedImage noKey = new ImageGridFigure(f.title(), f.columns(), f.tiles()).render(1);
        BufferedImage noTitle = new ImageGridFigure("", f.columns(), f.tiles(), f.key()).render(1);
        assertEquals(noTitle.getWidth(), img.getWidth(), "the title must not make the strip wider than its grid");
        int keyHeight = img.getHeight() - noKey.getHeight();
        assertTrue(keyHeight > 0 && keyHeight <= 3 * 22, "the key of 11 classes takes at most three short lines, got " + keyHeight + " px");
        // every item colour is drawn as a swatch below the grid
        int gridBottom = noKey.getHeight() - 14;
        for (int c = 1; c < 11; c++) {
            assertTrue(hasColour(img, gridBottom, UNetFigures.colour(c)), "no swatch of class " + c + " under the grid");
        }
        Path out = Path.of("target", "unet-figures-test");
        Files.createDirectories(out);
        ImageIO.write(f.render(2), "png", out.resolve("strip.png").toFile());
    }

    @Test
    void theStateSaysEachModelsEpochOnlyWhenTheyDiffer() {
        assertEquals("untrained", UNetFigures.state(0, 0));
        assertEquals("after epoch 2", UNetFigures.state(2, 2));
        assertEquals("with skips after epoch 1, without after epoch 2", UNetFigures.state(1, 2));
    }

    @Test
    void curvesComeInTheRoundsOrderWithSkipsFirstWhoeverFinishedFirst() {
        List<UNetExperiment.Round> rounds = new ArrayList<>();
        for (int seed = 0; seed < 2; seed++) {
            for (String model : List.of(UNetExperiment.WITH, UNetExperiment.WITHOUT)) {
                UNetExperiment.Round r = new UNetExperiment.Round(model, seed);
                r.trainLoss.addAll(List.of(2.0, 1.0));
                rounds.add(r);
            }
        }
        LineFigure curves = UNetExperiment.curves(rounds, 2, r -> r.trainLoss).build("t", "epoch", "loss", false);
        assertEquals(List.of("with skips, seed 0", "without skips, seed 0", "with skips, seed 1", "without skips, seed 1"),
                curves.series().stream().map(LineFigure.Series::name).toList());
        assertEquals(1.0, curves.series().get(0).x()[0]);
    }

    private static boolean hasColour(BufferedImage img, int fromY, int argb) {
        for (int y = fromY; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == (argb & 0xFFFFFF)) return true;
        }
        return false;
    }
}
