package nnlab.kernel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report tests' parser refuses HTML that is not also XML, and reads text as a reader sees it. */
class ReportDomTest {
    private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\" /><title>t</title></head>";

    @Test
    void markupThatIsNotWellFormedIsRefused() {
        for (String body : List.of("<body><meta charset=\"utf-8\"></body>", "<body><p>a &nbsp; b</p></body>",
                "<body><p>a & b</p></body>", "<body><p><span>a</p></span></body>", "<body><!-- a -- b --></body>")) {
            AssertionError e = assertThrows(AssertionError.class, () -> ReportDom.parse(HEAD + body + "</html>"), body);
            assertTrue(e.getMessage().startsWith("the report is not well-formed at line"), e.getMessage());
        }
    }

    @Test
    void textCollapsesWhiteSpaceSetsBlocksApartAndKeepsPreformattedText() {
        ReportDom d = ReportDom.parse(HEAD + "<body><dl id=\"e\"><dt>ND4J</dt><dd>1.0</dd>\n<dt>CPU</dt><dd> x\n  y </dd></dl>"
                + "<p id=\"p\">a <span>b</span><!-- no -->c</p><pre><code id=\"c\">--x  'two  words'</code></pre></body></html>");
        assertEquals("ND4J 1.0 CPU x y", ReportDom.text(d.byId("e")));
        assertEquals("a bc", ReportDom.text(d.byId("p")));
        assertEquals("--x  'two  words'", ReportDom.text(d.byId("c")));
    }

    @Test
    void anHtmlCommentNeverHoldsTwoDashesInARow() {
        assertEquals("<!-- a- -b- - -c -->", Html.comment("a--b---c"));
        ReportDom.parse(HEAD + "<body>" + Html.comment("x--y-") + "</body></html>");
    }
}
