package nnlab.kernel.figure;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * PNGs with one UTF-8 text entry (an iTXt chunk) beside the pixels: how figure PNGs carry their
 * {@link FigureRecipes recipe}. Viewers ignore it; the pixels are what {@link ImageIO} writes.
 */
final class PngMetadata {
    private PngMetadata() { }

    private static final String FORMAT = "javax_imageio_png_1.0";

    static void write(BufferedImage image, String keyword, String text, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer available");
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", keyword);
            entry.setAttribute("compressionFlag", "TRUE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", text);
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            itxt.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(FORMAT);
            root.appendChild(itxt);
            metadata.mergeTree(FORMAT, root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** The text stored under keyword, without decoding the pixels; empty when there is none. */
    static Optional<String> read(Path png, String keyword) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            if (in == null) throw new IOException("cannot read " + png);
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException(png.getFileName() + " is not an image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                IIOMetadata metadata = reader.getImageMetadata(0);
                if (metadata == null || !java.util.Arrays.asList(metadata.getMetadataFormatNames()).contains(FORMAT)) {
                    return Optional.empty();
                }
                return find(metadata.getAsTree(FORMAT), keyword);
            } finally {
                reader.dispose();
            }
        }
    }

    private static Optional<String> find(Node node, String keyword) {
        if (node instanceof IIOMetadataNode n && "iTXtEntry".equals(n.getNodeName()) && keyword.equals(n.getAttribute("keyword"))) {
            return Optional.of(n.getAttribute("text"));
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Optional<String> found = find(c, keyword);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }
}
