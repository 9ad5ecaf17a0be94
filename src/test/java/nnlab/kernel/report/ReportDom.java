package nnlab.kernel.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A run report read back with the JDK's own XML parser and queried with XPath. The report is
 * written as well-formed XHTML-compatible HTML, so parsing it also checks that every element is
 * closed and nested, every attribute quoted and every {@code &} escaped.
 */
public final class ReportDom {
    /** The tags whose text the tests read as separate words (as a browser lays them out apart). */
    private static final Set<String> BLOCKS = Set.of("html", "head", "body", "style", "meta", "link", "title", "script",
            "main", "header", "footer", "section", "article", "nav", "aside", "p", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "li", "pre", "div", "blockquote", "hr", "figure", "figcaption", "dl", "dt", "dd", "table", "caption",
            "thead", "tbody", "tfoot", "tr", "th", "td", "svg", "form", "fieldset", "details");
    /** Blocks that a following block does not set apart by a space of its own. */
    private static final Set<String> INLINE_FORMATTED = Set.of("title", "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
            "li", "th", "td", "script", "style");

    private final Document document;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    private ReportDom(Document document) {
        this.document = document;
    }

    /** Parses the report; any well-formedness error fails with the parser's line, column and message. */
    public static ReportDom parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return new ReportDom(builder.parse(new InputSource(new StringReader(html))));
        } catch (SAXParseException e) {
            throw new AssertionError("the report is not well-formed at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new AssertionError("the report could not be parsed: " + e.getMessage(), e);
        }
    }

    /** An XPath predicate: the element's class attribute lists {@code name}. */
    public static String cls(String name) {
        return "contains(concat(' ', normalize-space(@class), ' '), ' " + name + " ')";
    }

    /** The first element the XPath finds from the document, or null. */
    public Element first(String path) {
        return first(document, path);
    }

    /** The first element the XPath finds from {@code context} (use ".//" for its descendants), or null. */
    public Element first(Node context, String path) {
        List<Element> all = all(context, path);
        return all.isEmpty() ? null : all.get(0);
    }

    public List<Element> all(String path) {
        return all(document, path);
    }

    public List<Element> all(Node context, String path) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(path, context, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>(nodes.getLength());
            for (int i = 0; i < nodes.getLength(); i++) if (nodes.item(i) instanceof Element e) out.add(e);
            return out;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    public Element byId(String id) {
        return first("//*[@id='" + id + "']");
    }

    public String title() {
        Element title = first("/html/head/title");
        return title == null ? "" : text(title);
    }

    public static boolean hasClass(Element e, String name) {
        for (String c : e.getAttribute("class").trim().split("\\s+")) if (c.equals(name)) return true;
        return false;
    }

    /** The texts of the elements that have any, in order. */
    public static List<String> eachText(List<Element> elements) {
        List<String> out = new ArrayList<>();
        for (Element e : elements) {
            String t = text(e);
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** The attribute of the elements that carry it, in order. */
    public static List<String> eachAttr(List<Element> elements, String name) {
        List<String> out = new ArrayList<>();
        for (Element e : elements) if (e.hasAttribute(name)) out.add(e.getAttribute(name));
        return out;
    }

    /**
     * The text as a reader sees it: runs of white space as one space (kept as written inside
     * {@code <pre>}), a space between blocks, trimmed; comments left out.
     */
    public static String text(Element e) {
        StringBuilder out = new StringBuilder();
        appendText(e, out, isPreformatted(e));
        return out.toString().trim();
    }

    private static boolean isPreformatted(Node n) {
        for (Node p = n; p != null; p = p.getParentNode()) if (p instanceof Element el && el.getTagName().equals("pre")) return true;
        return false;
    }

    private static void appendText(Node node, StringBuilder out, boolean pre) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                appendNormalised(out, child.getNodeValue(), pre);
            } else if (child instanceof Element el) {
                boolean block = BLOCKS.contains(el.getTagName());
                if (out.length() > 0 && block && !endsInSpace(out)) out.append(' ');
                appendText(el, out, pre || el.getTagName().equals("pre"));
                Node next = el.getNextSibling();
                boolean nextSetsApart = next instanceof Element n && BLOCKS.contains(n.getTagName())
                        && !INLINE_FORMATTED.contains(n.getTagName());
                if (block && next != null && (next.getNodeType() == Node.TEXT_NODE || next instanceof Element && !nextSetsApart)
                        && !endsInSpace(out)) {
                    out.append(' ');
                }
            }
        }
    }

    private static void appendNormalised(StringBuilder out, String text, boolean pre) {
        if (pre) {
            out.append(text);
            return;
        }
        boolean lastWasSpace = endsInSpace(out);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                if (!lastWasSpace) out.append(' ');
                lastWasSpace = true;
            } else {
                out.append(c);
                lastWasSpace = false;
            }
        }
    }

    private static boolean endsInSpace(StringBuilder out) {
        return out.length() > 0 && out.charAt(out.length() - 1) == ' ';
    }
}
