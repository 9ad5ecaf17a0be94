package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import nnlab.datasets.DataFileException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings and bad own data are refused, naming the setting or the file and the reason. */
class UNetInputTest {
    final ConfigSchema schema = UNetSettings.schema();

    @Test
    void sizesThePoolingsCannotHalveAreRefusedNamingTheSetting() {
        var h = refused(Map.of("canvas-height", "62"));
        assertEquals("canvas-height", h.key());
        assertTrue(h.getMessage().contains("multiple of 4"), h.getMessage());
        assertEquals("canvas-width", refused(Map.of("canvas-width", "86")).key());
    }

    @Test
    void otherBadSettingsNameTheirField() {
        assertEquals("min-items", refused(Map.of("min-items", "4", "max-items", "3")).key());
        assertEquals("data-dir", refused(Map.of("data", "folder")).key());
        assertEquals("lr", refused(Map.of("lr", "5")).key());
    }

    /** The one problem a config is refused for. */
    private nnlab.kernel.config.SettingException refused(Map<String, String> settings) {
        ConfigException e = assertThrows(ConfigException.class, () -> schema.fromText(settings));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    private static void png(Path file, int w, int h, int value) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.getRaster().setSample(x, y, 0, value);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void ownDataIsReadWithItsClasses(@TempDir Path dir) throws Exception {
        png(dir.resolve("images/a.png"), 8, 4, 200);
        png(dir.resolve("masks/a.png"), 8, 4, 3);
        SegmentationSet s = MaskFolder.read(dir, UNetData.classNames());
        assertEquals(1, s.size());
        assertEquals(3, s.masks()[0]);
        assertEquals(200 / 255f, s.pixels()[5], 1e-3);
    }

    @Test
    void aMaskOfAnotherSizeIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        png(dir.resolve("images/a.png"), 8, 4, 10);
        png(dir.resolve("masks/a.png"), 8, 8, 1);
        DataFileException e = assertThrows(DataFileException.class, () -> MaskFolder.read(dir, UNetData.classNames()));
        assertEquals(dir.resolve("masks/a.png"), e.file());
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void aClassOutOfRangeIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        png(dir.resolve("images/b.png"), 8, 4, 10);
        png(dir.resolve("masks/b.png"), 8, 4, 11);
        DataFileException e = assertThrows(DataFileException.class, () -> MaskFolder.read(dir, UNetData.classNames()));
        assertEquals(dir.resolve("masks/b.png"), e.file());
        assertTrue(e.getMessage().contains("class 11, out of range 0..10"), e.getMessage());
    }

    @Test
    void ownImagesThePoolingsCannotHalveAreRefused(@TempDir Path dir) throws Exception {
        png(dir.resolve("images/c.png"), 10, 4, 10);
        png(dir.resolve("masks/c.png"), 10, 4, 0);
        DataFileException e = assertThrows(DataFileException.class, () -> MaskFolder.read(dir, UNetData.classNames()));
        assertEquals(dir.resolve("images/c.png"), e.file());
        assertTrue(e.getMessage().contains("multiples of 4"), e.getMessage());
    }

    @Test
    void aMissingMaskIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        png(dir.resolve("images/d.png"), 8, 4, 10);
        Files.createDirectories(dir.resolve("masks"));
        DataFileException e = assertThrows(DataFileException.class, () -> MaskFolder.read(dir, UNetData.classNames()));
        assertEquals(dir.resolve("masks/d.png"), e.file());
    }

    @Test
    void withoutFashionMnistTheGeneratedShapesStandInAndSaySo() throws Exception {
        UNetData.Splits d = UNetData.load(schema.fromText(Map.of("data", "shapes", "train-size", "4", "val-size", "4", "test-size", "2")));
        assertEquals("shapes", d.source());
        assertTrue(d.location().contains("generated shapes"), d.location());
        assertEquals(9, d.train().classes(), "background + 8 shapes");
    }
}
