package nnlab.kernel.report;

import java.util.List;
import java.util.Set;

/** The few pieces of HTML a report is made of, escaped where text goes in. */
final class Html {
    private Html() { }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * An HTML comment around {@code text}; "--" may not occur inside one if the page is to stay
     * well-formed XML as well as HTML.
     */
    static String comment(String text) {
        return "<!-- " + (text == null ? "" : text.replaceAll("-(?=-)", "- ")) + " -->";
    }

    /** An id usable in HTML attributes and fragment links: "test-accuracy" stays, anything odd becomes "-". */
    static String slug(String id) {
        String s = id == null ? "" : id.replaceAll("[^A-Za-z0-9_-]+", "-");
        return s.isEmpty() ? "x" : s;
    }

    /**
     * A table with a header row. Columns named in {@code publishedColumns} are marked as quoted
     * numbers, and rows named in {@code markedRows} get the class "changed".
     */
    static void table(StringBuilder out, String cssClass, List<String> columns, List<List<String>> rows,
                      Set<Integer> publishedColumns, Set<Integer> markedRows) {
        out.append("<div class=\"table-scroll\"><table class=\"").append(cssClass).append("\">\n<thead><tr>");
        for (int c = 0; c < columns.size(); c++) {
            out.append(publishedColumns.contains(c) ? "<th class=\"published\" scope=\"col\">" : "<th scope=\"col\">")
                    .append(escape(columns.get(c))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            out.append(markedRows.contains(r) ? "<tr class=\"changed\">" : "<tr>");
            for (int c = 0; c < columns.size(); c++) {
                String cell = c < row.size() ? row.get(c) : "";
                String cls = publishedColumns.contains(c) ? "published" : isNumber(cell) ? "num" : "";
                out.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">").append(escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    /** Right-aligned: a number, or a "mean ± std" cell. */
    private static boolean isNumber(String cell) {
        String s = cell.trim();
        int pm = s.indexOf(" ± ");
        if (pm > 0) s = s.substring(0, pm);
        if (s.endsWith("%")) s = s.substring(0, s.length() - 1).trim();
        if (s.isEmpty()) return false;
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
