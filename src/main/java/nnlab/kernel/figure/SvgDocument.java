package nnlab.kernel.figure;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGCSSStyler;
import javax.imageio.ImageIO;
import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A {@link Drawing} as SVG, by Batik's Java2D SVG generator: text stays text (searchable, and
 * editable in Inkscape or Illustrator), lines and shapes stay vectors, and images (heatmap cells,
 * image tiles) are embedded once each as PNG and kept crisp when enlarged.
 */
final class SvgDocument {
    private SvgDocument() { }

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";
    /** Each document's ids get their own prefix, so several figures inlined in one HTML page keep their own clip paths. */
    private static final AtomicLong DOCUMENTS = new AtomicLong();

    /** A standalone SVG file's text. */
    static String document(Drawing drawing) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(drawing) + "\n";
    }

    /** Only the {@code <svg>} element, for inlining in HTML. */
    static String element(Drawing drawing) {
        Document dom = newDocument();
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(dom);
        context.setComment(null);
        context.setEmbeddedFontsOn(false);
        context.setPrecision(5);
        context.setImageHandler(new PngDataUris());
        String prefix = "nnlab" + DOCUMENTS.incrementAndGet() + "-";
        SVGIDGenerator ids = new SVGIDGenerator();
        context.setIDGenerator(new SVGIDGenerator() {
            @Override
            public String generateID(String kind) {
                return prefix + ids.generateID(kind);
            }
        });
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension((int) Math.ceil(drawing.width()), (int) Math.ceil(drawing.height())));
        prepare(g, drawing);
        drawing.painter().paint(g);
        Element root = g.getRoot();
        root.setAttribute("width", number(drawing.width()));
        root.setAttribute("height", number(drawing.height()));
        root.setAttribute("viewBox", "0 0 " + number(drawing.width()) + " " + number(drawing.height()));
        forEach(root, "defs", e -> {
            if (e.getAttribute("id").equals("genericDefs")) e.setAttribute("id", prefix + "genericDefs");
        });
        pinFonts(root);
        crispImages(root);
        g.dispose();
        root.setAttributeNS(XMLNS_NS, "xmlns", SVG_NS);
        root.setAttributeNS(XMLNS_NS, "xmlns:xlink", XLINK_NS);
        // Presentation attributes become style properties, as Batik's own stream() does with CSS on.
        SVGCSSStyler.style(root);
        return serialize(root);
    }

    /** One element per line; the JDK's serializer, since Batik's puts line breaks inside the tags. */
    private static String serialize(Element root) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(root), new StreamResult(out));
            return out.toString().strip();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not write the SVG: " + e.getMessage(), e);
        }
    }

    /** Images as PNG data URIs, encoded by ImageIO (Batik's own encoder lives in a module we do not need). */
    private static final class PngDataUris extends ImageHandlerBase64Encoder {
        @Override
        public void handleHREF(RenderedImage image, Element imageElement, SVGGeneratorContext context)
                throws SVGGraphics2DIOException {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                if (!ImageIO.write(image, "png", png)) throw new SVGGraphics2DIOException("no PNG writer available");
            } catch (IOException e) {
                throw new SVGGraphics2DIOException(e);
            }
            imageElement.setAttributeNS(XLINK_NS, "xlink:href",
                    "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
        }
    }

    /** 216 image pixels per inch: cell edges stay sharp in print, files stay small. */
    static final int EMBED_PIXELS_PER_POINT = 3;

    /** The raster canvas's hints and white background, so the painting comes out the same; images embedded enlarged. */
    static void prepare(Graphics2D g, Drawing drawing) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setRenderingHint(Drawing.EMBED_PIXELS_PER_POINT, EMBED_PIXELS_PER_POINT);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, drawing.width(), drawing.height()));
        g.setColor(Gfx.TEXT);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().getDOMImplementation().createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML DOM available: " + e.getMessage(), e);
        }
    }

    /**
     * Batik names Java's logical font "sans-serif"; naming the font the layout measured first
     * keeps text widths as in the PNG wherever that font is installed.
     */
    private static void pinFonts(Element root) {
        SansSerifFiles.Face face = SansSerifFiles.face(false);
        if (face == null) return;
        String pinned = "'" + face.family().replace("'", "") + "', sans-serif";
        forEach(root, "*", e -> {
            if ("sans-serif".equals(e.getAttribute("font-family"))) e.setAttribute("font-family", pinned);
        });
    }

    /** Enlarged image pixels stay squares (nearest neighbour), as in the PNG, not a blur. */
    private static void crispImages(Element root) {
        forEach(root, "image", e -> e.setAttribute("image-rendering", "pixelated"));
    }

    private static void forEach(Element root, String tag, java.util.function.Consumer<Element> action) {
        NodeList nodes = root.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) action.accept((Element) nodes.item(i));
        if (tag.equals("*") || root.getLocalName().equals(tag)) action.accept(root);
    }

    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }
}
