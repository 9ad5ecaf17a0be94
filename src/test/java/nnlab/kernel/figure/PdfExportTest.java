package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF of every figure kind, read back with OpenPDF: one page the figure's size, its text extractable. */
class PdfExportTest {
    @TempDir
    Path dir;

    private static String text(PdfReader reader) throws IOException {
        return new PdfTextExtractor(reader).getTextFromPage(1);
    }

    private static int images(PdfReader reader) {
        PdfDictionary resources = reader.getPageN(1).getAsDict(PdfName.RESOURCES);
        PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
        return xobjects == null ? 0 : xobjects.size();
    }

    @Test
    void everyKindIsOnePageOfItsOwnSizeWithItsTitleAsText() throws IOException {
        for (Figure f : VectorSamples.all()) {
            PdfReader reader = new PdfReader(FigureExporter.pdf(f));
            try {
                assertEquals(1, reader.getNumberOfPages(), f.title());
                BufferedImage png = f.render(1);
                assertEquals(png.getWidth(), reader.getPageSize(1).getWidth(), 1.0, f.title() + " width in points");
                assertEquals(png.getHeight(), reader.getPageSize(1).getHeight(), 1.0, f.title() + " height");
                String text = text(reader);
                String asciiTitle = f.title().replaceAll("[^\\x20-\\x7e].*", "").strip();
                assertTrue(text.contains(asciiTitle), f.title() + " in: " + text);
                assertEquals(f.title(), reader.getInfo().get("Title"), "the title is in the document's metadata");
            } finally {
                reader.close();
            }
        }
    }

    @Test
    void vectorKindsEmbedNoImagesAndImageKindsOneEach() throws IOException {
        for (Figure f : List.of(VectorSamples.line(), VectorSamples.bars(), VectorSamples.scatter(), VectorSamples.table())) {
            assertEquals(0, images(new PdfReader(FigureExporter.pdf(f))), f.title() + " is all vectors and text");
        }
        assertEquals(2, images(new PdfReader(FigureExporter.pdf(VectorSamples.heatmap()))), "cells + colour bar");
        assertEquals(3, images(new PdfReader(FigureExporter.pdf(VectorSamples.imageGrid()))), "one per tile");
    }

    @Test
    void legendAxisAndCellTextIsExtractable() throws IOException {
        String line = text(new PdfReader(FigureExporter.pdf(VectorSamples.line())));
        for (String t : List.of("train", "test & held out", "val", "epoch", "loss")) assertTrue(line.contains(t), t + " in " + line);
        String table = text(new PdfReader(FigureExporter.pdf(VectorSamples.table())));
        for (String t : List.of("Net1", "Net2", "Test acc %")) assertTrue(table.contains(t), t + " in " + table);
    }

    @Test
    void symbolsOutsideLatin1SurviveWithAnEmbeddedFont() throws IOException {
        assumeTrue(SansSerifFiles.face(false) != null, "no known sans-serif font file installed");
        String bars = text(new PdfReader(FigureExporter.pdf(VectorSamples.bars())));
        assertTrue(bars.contains("Test accuracy (mean ± std)"), bars);
        String grid = text(new PdfReader(FigureExporter.pdf(VectorSamples.imageGrid())));
        assertTrue(grid.contains("✗ bird") || grid.contains("bird"), grid);
    }

    @Test
    void writePdfWritesTheSameBytesAFileReaderOpens() throws IOException {
        Path file = dir.resolve("heatmap.pdf");
        FigureExporter.writePdf(VectorSamples.heatmap(), file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals("%PDF-", new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(text(new PdfReader(bytes)).contains("Gram matrix"));
    }
}
