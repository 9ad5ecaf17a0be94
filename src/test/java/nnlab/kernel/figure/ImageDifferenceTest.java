package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageDifferenceTest {

    private static BufferedImage filled(int w, int h, int argb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image.setRGB(x, y, argb);
        return image;
    }

    @Test
    void theSameImageTwiceIsIdenticalAndItsDifferenceBlack() {
        BufferedImage a = filled(4, 3, 0xFF336699);
        ImageDifference d = ImageDifference.of(a, filled(4, 3, 0xFF336699));
        assertTrue(d.identical());
        assertEquals(0, d.differingPixels());
        assertEquals(0, d.difference().getRGB(2, 1) & 0xFFFFFF);
        assertEquals("identical, pixel for pixel", d.describe());
    }

    @Test
    void eachPixelOfTheDifferenceIsTheAbsoluteDifferencePerChannel() {
        BufferedImage a = filled(10, 10, 0xFF808080);
        BufferedImage b = filled(10, 10, 0xFF808080);
        a.setRGB(3, 7, 0xFFFF0010);
        b.setRGB(3, 7, 0xFF00FF20);
        ImageDifference d = ImageDifference.of(a, b);
        assertFalse(d.identical());
        assertEquals(1, d.differingPixels());
        assertEquals(255, d.maxDifference());
        assertEquals(0xFFFF10, d.difference().getRGB(3, 7) & 0xFFFFFF, "|255−0|, |0−255|, |16−32|");
        assertEquals(0, d.difference().getRGB(0, 0) & 0xFFFFFF);
        assertEquals("1.0 % of the pixels differ, by up to 255 of 255", d.describe());
        BufferedImage big = filled(2000, 1000, 0xFFFFFFFF);
        big.setRGB(5, 5, 0xFFFFFFF0);
        assertEquals("1 pixel differs, by up to 15 of 255", ImageDifference.of(big, filled(2000, 1000, 0xFFFFFFFF)).describe());
        // Swapping A and B gives the same picture: the difference is absolute.
        assertEquals(d.difference().getRGB(3, 7), ImageDifference.of(b, a).difference().getRGB(3, 7));
    }

    @Test
    void transparentAndWhiteLookTheSameOnAPage() {
        ImageDifference d = ImageDifference.of(filled(2, 2, 0x00000000), filled(2, 2, 0xFFFFFFFF));
        assertTrue(d.identical(), d.describe());
    }

    @Test
    void imagesOfDifferentSizesAreNotComparedAndTheDescriptionSaysSo() {
        ImageDifference d = ImageDifference.of(filled(800, 600, 0xFFFFFFFF), filled(820, 600, 0xFFFFFFFF));
        assertFalse(d.sameSize());
        assertNull(d.difference());
        assertEquals("the images differ in size (800 × 600 and 820 × 600 px), so they are not compared pixel by pixel", d.describe());
    }

    @Test
    void twoRendersOfOneFigureAreIdenticalAndAChangedValueShows() {
        LineFigure one = new LineFigure("Loss", "epoch", "loss", List.of(new LineFigure.Series("a", new double[] {1, 2, 3}, new double[] {3, 2, 1})), false);
        LineFigure same = new LineFigure("Loss", "epoch", "loss", List.of(new LineFigure.Series("a", new double[] {1, 2, 3}, new double[] {3, 2, 1})), false);
        LineFigure other = new LineFigure("Loss", "epoch", "loss", List.of(new LineFigure.Series("a", new double[] {1, 2, 3}, new double[] {3, 1, 1})), false);
        assertTrue(ImageDifference.of(one.render(1), same.render(1)).identical());
        ImageDifference changed = ImageDifference.of(one.render(1), other.render(1));
        assertTrue(changed.sameSize());
        assertTrue(changed.differingPixels() > 0);
    }
}
