package nnlab.kernel.figure;

import java.math.BigDecimal;
import java.util.Locale;

/** Text and numbers for LaTeX sources: special characters escaped, the figures' Unicode spelled out. */
public final class Latex {
    private Latex() { }

    private static final String GREEK = "αβγδεηθκλμνπρστφχψωΔΣΩ";
    private static final String[] GREEK_NAMES = {"alpha", "beta", "gamma", "delta", "epsilon", "eta", "theta", "kappa",
        "lambda", "mu", "nu", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega", "Delta", "Sigma", "Omega"};

    /**
     * Text for LaTeX's text mode: the ten special characters escaped, and the symbols the
     * figures and tables use (±, ×, −, –, —, …, °, ∞, √, ≈, ≤, ≥, →, ✗, ✓, ᵀ, Greek letters) spelled
     * as commands that need no package, so pdfLaTeX typesets it. Other characters are left as they
     * are: accented letters work with UTF-8 input (LaTeX's default since 2018), the rest with
     * LuaLaTeX or XeLaTeX.
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
                case '≈' -> sb.append("$\\approx$");
                case '≤' -> sb.append("$\\leq$");
                case '≥' -> sb.append("$\\geq$");
                case '→' -> sb.append("$\\rightarrow$");
                case '✗' -> sb.append("$\\times$");
                case '✓' -> sb.append("$\\surd$");
                case 'ᵀ' -> sb.append("\\textsuperscript{T}");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> {
                    int greek = GREEK.indexOf(c);
                    if (greek >= 0) sb.append("$\\").append(GREEK_NAMES[greek]).append('$');
                    else sb.append(c);
                }
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
