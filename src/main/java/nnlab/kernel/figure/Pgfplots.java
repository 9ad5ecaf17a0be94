package nnlab.kernel.figure;

import java.awt.Color;

/**
 * A line figure as a pgfplots picture with its data inline: the title and axis labels, a log y
 * axis where the figure has one, the figure's colours, markers where it draws them, and gaps where
 * it has missing values. Paste it into a document that loads pgfplots and it typesets in the
 * document's own fonts.
 */
public final class Pgfplots {
    private Pgfplots() { }

    private static final String[] DASHES = {"solid", "dashed", "dotted", "dashdotted"};

    public static String of(LineFigure f) {
        StringBuilder sb = new StringBuilder();
        sb.append("% Needs \\usepackage{pgfplots} and \\pgfplotsset{compat=1.16} (or newer).\n");
        sb.append("\\begin{tikzpicture}\n");
        sb.append("\\begin{axis}[\n");
        option(sb, "title", f.title());
        option(sb, "xlabel", f.xLabel());
        option(sb, "ylabel", f.yLabel());
        if (f.logY()) sb.append("    ymode=log,\n");
        // Whole x values (epochs, layers) get whole ticks while they fit, as in the PNG: no "1.5 epochs".
        if (wholeSpan(f) > 0 && wholeSpan(f) <= 10) sb.append("    xtick distance=1,\n");
        sb.append("    width=12cm, height=7.5cm,\n");
        sb.append("    grid=major,\n");
        // A missing value breaks the line, as in the PNG, instead of bridging the gap.
        sb.append("    unbounded coords=jump,\n");
        if (f.series().size() > 1) sb.append("    legend pos=outer north east,\n");
        sb.append("]\n");
        for (int i = 0; i < f.series().size(); i++) {
            LineFigure.Series s = f.series().get(i);
            int n = s.x() == null || s.y() == null ? 0 : Math.min(s.x().length, s.y().length);
            Color c = Gfx.color(i);
            sb.append("\\addplot[color={rgb,255:red,").append(c.getRed()).append(";green,").append(c.getGreen())
                    .append(";blue,").append(c.getBlue()).append("}, ")
                    .append(DASHES[(i / Gfx.PALETTE.length) % DASHES.length]).append(", thick, ")
                    .append(n <= LineRenderer.MARKER_MAX_POINTS ? "mark=*, mark size=1.5pt" : "no markers")
                    .append("] coordinates {\n");
            for (int j = 0; j < n; j++) {
                double y = s.y()[j];
                if (f.logY() && !(y > 0)) y = Double.NaN;
                sb.append(j % 8 == 0 ? "    " : " ").append('(').append(Latex.number(s.x()[j])).append(',')
                        .append(Latex.number(y)).append(')');
                if (j % 8 == 7 || j == n - 1) sb.append('\n');
            }
            sb.append("};\n");
            if (f.series().size() > 1) sb.append("\\addlegendentry{").append(Latex.escape(s.name())).append("}\n");
        }
        sb.append("\\end{axis}\n");
        sb.append("\\end{tikzpicture}\n");
        return sb.toString();
    }

    /** The x range when every finite x is a whole number, else 0. */
    private static double wholeSpan(LineFigure f) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (LineFigure.Series s : f.series()) {
            if (s.x() == null) continue;
            for (double x : s.x()) {
                if (!Double.isFinite(x)) continue;
                if (x != Math.rint(x)) return 0;
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return hi > lo ? hi - lo : 0;
    }

    private static void option(StringBuilder sb, String key, String value) {
        if (value == null || value.isBlank()) return;
        sb.append("    ").append(key).append("={").append(Latex.escape(value.strip())).append("},\n");
    }
}
