package nnlab.kernel.figure;

import java.math.BigDecimal;
import java.util.Locale;

/** Text and numbers for LaTeX sources: special characters escaped, the figures' Unicode spelled out. */
public final class Latex {
    private Latex() { }

    /**
     * Text for LaTeX's text mode: the ten special characters escaped, and the symbols the
     * figures use (±, ×, −, –, —, …, °, ∞, √) spelled as commands, so the result compiles with any
     * input encoding. Other non-ASCII letters are left for UTF-8 input (LaTeX's default since 2018).
     */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '{', '}', '$', '&', '#', '%', '_' -> sb.append('\\').append(c);
                case '^' -> sb.append("\\textasciicircum{}");
                case '~' -> sb.append("\\textasciitilde{}");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                case '|' -> sb.append("\\textbar{}");
                // "--" would print as a dash.
                case '-' -> sb.append(i + 1 < text.length() && text.charAt(i + 1) == '-' ? "-{}" : "-");
                case '±' -> sb.append("$\\pm$");
                case '×' -> sb.append("$\\times$");
                case '−' -> sb.append("$-$");
                case '–' -> sb.append("--");
                case '—' -> sb.append("---");
                case '…' -> sb.append("\\ldots{}");
                case '°' -> sb.append("\\textdegree{}");
                case '∞' -> sb.append("$\\infty$");
                case '√' -> sb.append("$\\surd$");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A number for a pgfplots coordinate: at most 6 significant digits, "nan" when not finite. */
    static String number(double v) {
        if (!Double.isFinite(v)) return "nan";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        BigDecimal d = new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e15 ? d.toPlainString() : d.toString().replace('E', 'e');
    }
}
