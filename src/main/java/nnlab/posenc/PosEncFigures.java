package nnlab.posenc;

import nnlab.kernel.figure.NiceNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.LineFigure;

/** Titles, labels and layout of every figure of the study, shared by the CLI run and the panel's export. */
public final class PosEncFigures {
    static final String[] TERM_IDS = {"xtx", "xte", "etx", "ete"};

    private PosEncFigures() { }

    static String queryId(PosEncStudy.Query q) {
        return switch (q) {
            case E -> "e";
            case X_PLUS_E -> "x-plus-e";
            case CONCAT -> "concat";
        };
    }

    public static PosEncHeatmap gram(PosEncStudy.EncodingView v, int p, double base, ColorMap map) {
        return new PosEncHeatmap(String.format(Locale.ROOT, "EᵀE  (p = %d, N = %d, base = %s)", p, v.gram().rows(), NiceNumbers.format(base)),
                "position j", "position i", v.gram(), map);
    }

    public static LineFigure gramRow(PosEncStudy.EncodingView v) {
        double[] x = new double[v.rowValues().length];
        for (int j = 0; j < x.length; j++) x[j] = j;
        return new LineFigure("Row i = " + v.row() + " of EᵀE", "position j", "(EᵀE)[i, j]",
                List.of(new LineFigure.Series("row " + v.row(), x, v.rowValues())), false);
    }

    public static PosEncHeatmap added(PosEncStudy.ContentView v, int draw, ColorMap map) {
        return new PosEncHeatmap("(X + E)ᵀ(X + E)  (draw " + draw + ")", "position j", "position i", v.added(), map);
    }

    public static PosEncHeatmap concatenated(PosEncStudy.ContentView v, int n, int draw, ColorMap map) {
        return new PosEncHeatmap("[X | E]ᵀ[X | E]  (draw " + draw + ")", "column j of [X | E]", "column i of [X | E]",
                v.concatenated(), map, PosEncHeatmap.quarters(n, GramMatrices.BLOCK_LABELS));
    }

    public static PosEncHeatmap term(PosEncStudy.ContentView v, int t, ColorMap map) {
        return new PosEncHeatmap("Term " + GramMatrices.BLOCK_LABELS[t] + " of (X + E)ᵀ(X + E)", "position j", "position i",
                v.terms().get(t), map);
    }

    public static PosEncHeatmap attention(Matrix a, PosEncStudy.Query q, int p, int n, ColorMap map) {
        boolean concat = q == PosEncStudy.Query.CONCAT;
        return new PosEncHeatmap("softmax(QᵀK/√p), " + q.caption, concat ? "key column j of [X | E]" : "key position j",
                concat ? "query column i of [X | E]" : "query position i", a, map,
                concat ? PosEncHeatmap.quarters(n, new String[] {"X→X", "X→E", "E→X", "E→E"}) : List.of());
    }

    public static PosEncHeatmap convAttention(AttentionAsConvolution.Result r, ColorMap map) {
        return new PosEncHeatmap("Conv1D as attention: weights", "key position j", "query position i",
                Matrix.of(r.attention()), map);
    }

    public static PosEncHeatmap poolAttention(AttentionAsConvolution.Result r, int k, double c, ColorMap map) {
        return new PosEncHeatmap("Max pool as attention (k = " + k + ", c = " + NiceNumbers.format(c) + ")",
                "key position j", "query position i", Matrix.of(r.attention()), map);
    }

    public static LineFigure convOutput(double[] x, AttentionAsConvolution.Result r) {
        return outputs("Attention vs Conv1D 2·x(i−1) + x(i+1)", x, r, "Conv1D");
    }

    public static LineFigure poolOutput(double[] x, AttentionAsConvolution.Result r, int k, double c) {
        return outputs("Attention vs max pool (c = " + NiceNumbers.format(c) + ")", x, r, "max pool");
    }

    private static LineFigure outputs(String title, double[] x, AttentionAsConvolution.Result r, String reference) {
        double[] pos = new double[x.length];
        for (int i = 0; i < pos.length; i++) pos[i] = i;
        List<LineFigure.Series> s = new ArrayList<>();
        s.add(new LineFigure.Series("input x", pos, x.clone()));
        s.add(new LineFigure.Series(reference, pos, r.reference()));
        s.add(new LineFigure.Series("attention", pos, r.y()));
        s.add(new LineFigure.Series("error", pos, r.error()));
        return new LineFigure(title, "position i", "value", s, false);
    }

    public static LineFigure errorVsC(double[] c, double[] errors, int k, double chosen) {
        // Log y: the error falls by orders of magnitude; zeros cannot be drawn on a log axis.
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < c.length; i++) if (errors[i] > 0) kept.add(new double[] {c[i], errors[i]});
        double[] xs = kept.stream().mapToDouble(v -> v[0]).toArray();
        double[] ys = kept.stream().mapToDouble(v -> v[1]).toArray();
        return new LineFigure("Max-pool error vs c (k = " + k + ")",
                "c", "max |attention − max pool|", List.of(new LineFigure.Series("max |error|", xs, ys)), true);
    }
}
