package nnlab.unet;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import nnlab.datasets.DataFileException;

/**
 * Own segmentation data: {@code DIR/images/NAME.png} (any colour; read as grey 0–1) and
 * {@code DIR/masks/NAME.png} holding each pixel's class index as its grey value (first band).
 * Every problem is a {@link DataFileException} naming the file: a missing or unreadable mask, a
 * mask whose size differs from its image, a class index ≥ classes, images of different sizes, or
 * a size the two 2×2 poolings cannot halve twice.
 */
public final class MaskFolder {
    private MaskFolder() { }

    public static SegmentationSet read(Path dir, List<String> classNames) throws IOException {
        Path images = dir.resolve("images");
        Path masks = dir.resolve("masks");
        if (!Files.isDirectory(images)) throw new DataFileException(images, "missing: own data needs images/ and masks/ folders");
        if (!Files.isDirectory(masks)) throw new DataFileException(masks, "missing: own data needs images/ and masks/ folders");
        List<Path> files;
        try (Stream<Path> list = Files.list(images)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpg|jpeg|bmp|gif)")).sorted().toList();
        }
        if (files.isEmpty()) throw new DataFileException(images, "holds no images (png, jpg, bmp, gif)");
        int h = -1;
        int w = -1;
        List<float[]> pixelList = new ArrayList<>();
        List<byte[]> maskList = new ArrayList<>();
        for (Path imageFile : files) {
            BufferedImage image = readImage(imageFile);
            String base = imageFile.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            Path maskFile = masks.resolve(base + ".png");
            if (!Files.isRegularFile(maskFile)) throw new DataFileException(maskFile, "missing: every image needs a same-named mask PNG");
            BufferedImage mask = readImage(maskFile);
            if (h < 0) {
                h = image.getHeight();
                w = image.getWidth();
                if (h % 4 != 0 || w % 4 != 0) {
                    throw new DataFileException(imageFile, "size " + h + "×" + w + " (height×width) cannot be halved twice by the two 2×2 "
                            + "poolings: height and width must be multiples of 4");
                }
            } else if (image.getHeight() != h || image.getWidth() != w) {
                throw new DataFileException(imageFile, "size " + image.getHeight() + "×" + image.getWidth() + " differs from the first image's "
                        + h + "×" + w);
            }
            if (mask.getHeight() != h || mask.getWidth() != w) {
                throw new DataFileException(maskFile, "size " + mask.getHeight() + "×" + mask.getWidth() + " does not match its image's " + h + "×" + w);
            }
            pixelList.add(grey(image));
            maskList.add(classes(mask, maskFile, classNames.size()));
        }
        int hw = h * w;
        float[] pixels = new float[files.size() * hw];
        byte[] all = new byte[files.size() * hw];
        for (int i = 0; i < files.size(); i++) {
            System.arraycopy(pixelList.get(i), 0, pixels, i * hw, hw);
            System.arraycopy(maskList.get(i), 0, all, i * hw, hw);
        }
        return new SegmentationSet("own data " + dir.getFileName(), pixels, all, files.size(), h, w, classNames);
    }

    private static BufferedImage readImage(Path file) throws IOException {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DataFileException(file, "unreadable image (" + e.getMessage() + ")");
        }
        if (img == null) throw new DataFileException(file, "not an image format Java can read");
        return img;
    }

    private static float[] grey(BufferedImage img) {
        int h = img.getHeight();
        int w = img.getWidth();
        float[] out = new float[h * w];
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY || img.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            // getRGB would apply the grey colour space's gamma: read the stored values as they are.
            double max = (1 << img.getColorModel().getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[y * w + x] = (float) (img.getRaster().getSample(x, y, 0) / max);
            return out;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                out[y * w + x] = (0.299f * ((rgb >> 16) & 255) + 0.587f * ((rgb >> 8) & 255) + 0.114f * (rgb & 255)) / 255f;
            }
        }
        return out;
    }

    /** The first band's value per pixel: a class index, refused when ≥ classes. */
    private static byte[] classes(BufferedImage mask, Path file, int classes) throws DataFileException {
        Raster r = mask.getRaster();
        int h = mask.getHeight();
        int w = mask.getWidth();
        byte[] out = new byte[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = r.getSample(x, y, 0);
                if (v < 0 || v >= classes) {
                    throw new DataFileException(file, "pixel (x " + x + ", y " + y + ") holds class " + v + ", out of range 0.." + (classes - 1));
                }
                out[y * w + x] = (byte) v;
            }
        }
        return out;
    }
}
