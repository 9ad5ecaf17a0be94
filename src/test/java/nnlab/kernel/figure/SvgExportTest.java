package nnlab.kernel.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The SVG of every figure kind, read back as XML: its text is text, its shapes are the expected elements. */
class SvgExportTest {
    @TempDir
    Path dir;

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // A standalone SVG needs no DTD; refusing one also keeps the parser off the network.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS(SvgDocument.SVG_NS, tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    static List<String> texts(Document doc) {
        return elements(doc, "text").stream().map(e -> e.getTextContent().strip()).toList();
    }

    /** Elements drawn on the canvas, not the shapes that define clip paths. */
    static List<Element> drawn(Document doc, String tag) {
        return elements(doc, tag).stream().filter(e -> !inside(e, "clipPath")).toList();
    }

    private static boolean inside(Element e, String tag) {
        for (Node p = e.getParentNode(); p instanceof Element pe; p = p.getParentNode()) {
            if (tag.equals(pe.getLocalName())) return true;
        }
        return false;
    }

    /** A style property as it applies to the element: its own style, else the nearest group's. */
    static String style(Element e, String property) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            for (String decl : el.getAttribute("style").split(";")) {
                int colon = decl.indexOf(':');
                if (colon > 0 && decl.substring(0, colon).strip().equals(property)) return decl.substring(colon + 1).strip();
            }
            if (el.hasAttribute(property)) return el.getAttribute(property);
        }
        return "";
    }

    static BufferedImage embedded(Element image) throws IOException {
        String href = image.getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertTrue(href.startsWith("data:image/png;base64,"), "images are embedded PNGs");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1))));
    }

    @Test
    void documentIsStandaloneSvgSizedLikeThePng() throws Exception {
        LineFigure f = VectorSamples.line();
        String svg = FigureExporter.svg(f);
        assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg"), svg.substring(0, 80));
        Element root = parse(svg).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        BufferedImage png = f.render(1);
        assertEquals(png.getWidth(), Double.parseDouble(root.getAttribute("width")), 1.0);
        assertEquals(png.getHeight(), Double.parseDouble(root.getAttribute("height")), 1.0);
        assertTrue(root.getAttribute("viewBox").startsWith("0 0 "));
        String inline = FigureExporter.svgElement(f);
        assertTrue(inline.startsWith("<svg") && inline.endsWith("</svg>"), "the element alone, for HTML");
    }

    @Test
    void lineFigureHasItsTitleLegendAndOnePathPerSeries() throws Exception {
        Document doc = parse(FigureExporter.svg(VectorSamples.line()));
        List<String> texts = texts(doc);
        for (String t : List.of("Loss per epoch", "train", "test & held out", "val", "epoch", "loss")) {
            assertTrue(texts.contains(t), t + " is text in " + texts);
        }
        List<Element> paths = drawn(doc, "path");
        assertEquals(3, paths.size(), "one path per series");
        List<String> strokes = paths.stream().map(p -> style(p, "stroke")).toList();
        assertEquals(List.of("rgb(0,114,178)", "rgb(213,94,0)", "rgb(0,158,115)"), strokes, "in the palette's order");
        assertTrue(paths.stream().allMatch(p -> style(p, "clip-path").startsWith("url(#")), "clipped to the plot");
        assertTrue(drawn(doc, "image").isEmpty(), "nothing rasterised");
    }

    @Test
    void barFigureHasErrorBarsAsLines() throws Exception {
        Document doc = parse(FigureExporter.svg(VectorSamples.bars()));
        List<String> texts = texts(doc);
        for (String t : List.of("Test accuracy (mean ± std)", "Net1", "Net2", "valid", "same", "accuracy %", "96.2")) {
            assertTrue(texts.contains(t), t + " is text in " + texts);
        }
        long errorLines = drawn(doc, "line").stream().filter(l -> style(l, "stroke-width").equals("1.3")).count();
        assertEquals(3 * 3, errorLines, "three error bars (the zero one is not drawn), each a stem and two caps");
        long bars = drawn(doc, "rect").stream().filter(r -> style(r, "fill").equals("rgb(213,94,0)")).count();
        assertEquals(1 + 1, bars, "Net2's one bar and its legend swatch");
    }

    @Test
    void heatmapIsOneImageWithVectorAxesAndColourBar() throws Exception {
        Document doc = parse(FigureExporter.svg(VectorSamples.heatmap()));
        List<String> texts = texts(doc);
        for (String t : List.of("Gram matrix", "column j", "row i", "0", "1", "2", "-1.0", "1.0")) {
            assertTrue(texts.contains(t), t + " is text in " + texts);
        }
        List<Element> images = drawn(doc, "image");
        assertEquals(2, images.size(), "the cells and the colour bar's gradient, one image each");
        BufferedImage cells = embedded(images.get(0));
        assertEquals(0, cells.getWidth() % 3, "whole pixels per column");
        assertEquals(0, cells.getHeight() % 2, "whole pixels per row");
        int cw = cells.getWidth() / 3, ch = cells.getHeight() / 2;
        assertEquals(ColorMap.DIVERGING.argb(1.0) & 0xFFFFFF, cells.getRGB(cw / 2, ch / 2) & 0xFFFFFF, "cell (0,0) = 1");
        assertEquals(ColorMap.DIVERGING.argb(0.25) & 0xFFFFFF, cells.getRGB(2 * cw + cw / 2, ch + ch / 2) & 0xFFFFFF,
                "cell (1,2) = -0.5");
        assertEquals("pixelated", style(images.get(0), "image-rendering"));
    }

    @Test
    void imageGridEmbedsEachTileOnceWithItsCaption() throws Exception {
        Document doc = parse(FigureExporter.svg(VectorSamples.imageGrid()));
        List<String> texts = texts(doc);
        for (String t : List.of("Test images", "cat", "dog", "✗ bird")) assertTrue(texts.contains(t), t + " in " + texts);
        List<Element> images = drawn(doc, "image");
        assertEquals(3, images.size());
        BufferedImage first = embedded(images.get(0));
        int px = first.getWidth() / 2;
        assertEquals(0xFF0000, first.getRGB(px / 2, px / 2) & 0xFFFFFF, "top-left pixel of the first tile");
        assertEquals(0xFFFFFF, first.getRGB(px + px / 2, px + px / 2) & 0xFFFFFF, "bottom-right pixel");
    }

    @Test
    void scatterHasOneDotPerPoint() throws Exception {
        Document doc = parse(FigureExporter.svg(VectorSamples.scatter()));
        List<String> texts = texts(doc);
        for (String t : List.of("Embeddings", "class A", "class B", "dim 1", "dim 2")) assertTrue(texts.contains(t), t);
        assertEquals(5 + 2, drawn(doc, "circle").size(), "five points and two legend dots");
    }

    @Test
    void tableCellsAreTextBetweenThreeRules() throws Exception {
        Document doc = parse(FigureExporter.svg(VectorSamples.table()));
        List<String> texts = texts(doc);
        assertEquals(List.of("Results", "Net", "Test acc %", "Net1", "97.1 ± 0.3", "Net2", "98.0 ± 0.2"), texts);
        assertEquals(3, drawn(doc, "line").size(), "top, header and bottom rules");
    }

    @Test
    void idsDifferBetweenDocumentsSoInlinedFiguresKeepTheirOwnClipPaths() throws Exception {
        String a = FigureExporter.svgElement(VectorSamples.line());
        String b = FigureExporter.svgElement(VectorSamples.line());
        String idA = elements(parse(a), "clipPath").get(0).getAttribute("id");
        String idB = elements(parse(b), "clipPath").get(0).getAttribute("id");
        assertFalse(idA.equals(idB), idA);
    }

    @Test
    void writeSvgWritesTheDocumentAsUtf8() throws Exception {
        Path file = dir.resolve("bars.svg");
        FigureExporter.writeSvg(VectorSamples.bars(), file);
        assertTrue(texts(parse(Files.readString(file))).contains("Test accuracy (mean ± std)"));
    }

    @Test
    void figureWithoutADrawingSaysSo() {
        Figure pixelsOnly = new Figure() {
            @Override public String title() { return "pixels"; }
            @Override public String toCsv() { return ""; }
            @Override public BufferedImage render(double scale) { return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB); }
        };
        assertFalse(FigureExporter.hasVectorDrawing(pixelsOnly));
        assertTrue(VectorSamples.all().stream().allMatch(FigureExporter::hasVectorDrawing));
        var e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> FigureExporter.writeSvg(pixelsOnly, dir.resolve("p.svg")));
        assertTrue(e.getMessage().contains("pixels"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("p.svg")));
    }
}
