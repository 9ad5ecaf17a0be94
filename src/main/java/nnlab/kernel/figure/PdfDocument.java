package nnlab.kernel.figure;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfGraphics2D;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Font;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Drawing} as a one-page PDF the size of the figure (1 point per logical unit), by
 * OpenPDF's Graphics2D: text is real text in an embedded subset of the font the layout measured,
 * shapes are vector paths, images are embedded once each, losslessly.
 */
final class PdfDocument {
    private PdfDocument() { }

    static byte[] of(Drawing drawing, String title) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        float w = (float) drawing.width(), h = (float) drawing.height();
        Document document = new Document(new Rectangle(w, h), 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, bytes);
            if (title != null && !title.isBlank()) document.addTitle(title);
            document.addCreator("NN Lab");
            document.open();
            Graphics2D g = new PdfGraphics2D(writer.getDirectContent(), w, h, new EmbeddedSans(), false, false, 1f);
            try {
                SvgDocument.prepare(g, drawing);
                drawing.painter().paint(g);
            } finally {
                g.dispose();
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("could not make the PDF: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) document.close();
        }
        return bytes.toByteArray();
    }

    /**
     * Maps the renderers' fonts to the installed file of the same face, embedded with Unicode
     * encoding (the figures use ±, −, …, ᵀ and Greek). Without such a file, Helvetica with the
     * Latin-1 set: every viewer has it, and characters outside that set are left out.
     */
    private static final class EmbeddedSans implements FontMapper {
        private final Map<Boolean, BaseFont> fonts = new HashMap<>();

        @Override
        public BaseFont awtToPdf(Font font) {
            return fonts.computeIfAbsent(font.isBold(), bold -> {
                SansSerifFiles.Face face = SansSerifFiles.face(bold);
                try {
                    if (face != null) return BaseFont.createFont(face.file().toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (IOException | RuntimeException e) {
                    // fall back below
                }
                try {
                    return BaseFont.createFont(bold ? BaseFont.HELVETICA_BOLD : BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
                } catch (DocumentException | IOException e) {
                    throw new IllegalStateException("no font for the PDF: " + e.getMessage(), e);
                }
            });
        }

        @Override
        public Font pdfToAwt(BaseFont font, int size) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, size);
        }
    }
}
