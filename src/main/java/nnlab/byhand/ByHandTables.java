package nnlab.byhand;

import static nnlab.byhand.NumberText.format;
import static nnlab.byhand.NumberText.vector;

import java.util.ArrayList;
import java.util.List;
import nnlab.kernel.figure.TableFigure;

/**
 * The lab's tables, laid out the way a student writes the computation down: one row per step,
 * the rule in words beside the number. The panel shows them and the command line saves them
 * (PNG + CSV), so both read the same.
 */
public final class ByHandTables {
    private ByHandTables() { }

    // ---------------------------------------------------------------- 1-D convolution

    public static TableFigure conv(ConvByHand.Result r, int digits) {
        String act = r.relu() ? "ReLU" : "Output";
        List<String> columns = List.of("Output", "Window", "Inputs", "Term by term", "Products", "Sum + b", act, "ND4J conv1d");
        List<List<String>> rows = new ArrayList<>();
        int k = r.kernel().length;
        for (int i = 0; i < r.windows().size(); i++) {
            ConvByHand.Window w = r.windows().get(i);
            StringBuilder terms = new StringBuilder();
            for (int j = 0; j < k; j++) {
                terms.append(j > 0 ? " + " : "").append(paren(w.inputs()[j], digits)).append('·').append(paren(r.kernel()[j], digits));
            }
            String window = r.padding() == 0 ? "x" + (w.start() + 1) + "…x" + (w.start() + k)
                    : "positions " + (w.start() + 1) + "–" + (w.start() + k) + " of the padded input";
            String sum = r.bias() == 0 ? format(w.preActivation(), digits)
                    : format(w.preActivation() - r.bias(), digits) + " + " + paren(r.bias(), digits) + " = " + format(w.preActivation(), digits);
            rows.add(List.of(String.valueOf(i + 1), window, vector(w.inputs(), digits), terms.toString(), vector(w.products(), digits),
                    sum, format(w.output(), digits), format(w.opOutput(), digits)));
        }
        rows.add(List.of("Total", "Σ of the " + act + " column", "", "", "", "", format(r.total(), digits), ""));
        String title = "1-D convolution: kernel " + vector(r.kernel(), digits) + " on " + vector(r.input(), digits)
                + ", b = " + format(r.bias(), digits) + (r.padding() > 0 ? ", zero padding " + r.padding() : "")
                + (r.stride() > 1 ? ", stride " + r.stride() : "") + " → " + act + " → sum = " + format(r.total(), digits);
        return new TableFigure(title, columns, rows);
    }

    private static String paren(double v, int digits) {
        String s = format(v, digits);
        return v < 0 ? "(" + s + ")" : s;
    }

    // ---------------------------------------------------------------- graph network by hand

    public static TableFigure graphNet(GraphNetByHand.Result r, int digits) {
        GraphNetByHand.Inputs in = r.inputs();
        SmallGraph g = in.graph();
        List<List<String>> rows = new ArrayList<>();
        String fwd = "forward", bwd = "backward";
        for (int u = 0; u < g.nodes(); u++) {
            rows.add(row(fwd, "W h⁽⁰⁾" + sub(u), "W · " + vector(in.h0()[u], digits), vector(r.wh()[u], digits), ""));
        }
        for (int v = 0; v < g.nodes(); v++) {
            rows.add(row(fwd, "z" + sub(v), "Σ of W h⁽⁰⁾_u over u ∈ " + SmallGraph.nodeSet(aggregated(g, v, in.selfLoops())),
                    vector(r.z()[v], digits), ""));
        }
        for (int v = 0; v < g.nodes(); v++) rows.add(row(fwd, "h⁽¹⁾" + sub(v), "ReLU(z" + sub(v) + ")", vector(r.h1()[v], digits), ""));
        rows.add(row(fwd, "Σ_v h⁽¹⁾_v", "sum over the " + g.nodes() + " nodes", vector(r.sum(), digits), ""));
        rows.add(row(fwd, "s", "qᵀ Σ_v h⁽¹⁾_v with q = " + vector(in.q(), digits), format(r.s(), digits), ""));
        rows.add(row(fwd, "y", "σ(s) = 1 / (1 + e^(−s))", format(r.y(), digits), ""));
        rows.add(row(fwd, "L", "−[t log y + (1 − t) log(1 − y)] with t = " + format(in.target(), digits), format(r.loss(), digits), ""));
        rows.add(row(bwd, "∂L/∂s", "y − t", format(r.dS(), digits), ""));
        rows.add(row(bwd, "∂L/∂q", "∂L/∂s · Σ_v h⁽¹⁾_v", vector(r.dQ(), digits), vector(r.fdQ(), digits)));
        for (int v = 0; v < g.nodes(); v++) rows.add(row(bwd, "∂L/∂h⁽¹⁾" + sub(v), "∂L/∂s · q (the same for every node)",
                vector(r.dH1()[v], digits), ""));
        for (int v = 0; v < g.nodes(); v++) rows.add(row(bwd, "∂L/∂z" + sub(v), "∂L/∂h⁽¹⁾" + sub(v) + " where z" + sub(v)
                + " > 0, else 0 (ReLU′)", vector(r.dZ()[v], digits), ""));
        rows.add(row(bwd, "∂L/∂W", "Σ_v ∂L/∂z_v · (Σ_{u ∈ " + (in.selfLoops() ? "N(v) ∪ {v}" : "N(v)") + "} h⁽⁰⁾_u)ᵀ",
                NumberText.matrix(r.dW(), digits), NumberText.matrix(r.fdW(), digits)));
        for (int u = 0; u < g.nodes(); u++) {
            rows.add(row(bwd, "∂L/∂h⁽⁰⁾" + sub(u), "Wᵀ · Σ of ∂L/∂z_v over v ∈ " + SmallGraph.nodeSet(aggregated(g, u, in.selfLoops())),
                    vector(r.dH0()[u], digits), vector(r.fdH0()[u], digits)));
        }
        String title = "Graph network by hand: y = " + format(r.y(), digits) + ", L = " + format(r.loss(), digits)
                + (in.selfLoops() ? " (each node counts itself)" : " (neighbours only)");
        return new TableFigure(title, List.of("Pass", "Quantity", "Rule", "Autodiff (SameDiff)", "Finite difference"), rows);
    }

    /** The nodes whose W h⁽⁰⁾ node v adds up: its neighbours, and v itself when it counts itself (0-based). */
    static List<Integer> aggregated(SmallGraph g, int v, boolean selfLoops) {
        List<Integer> out = new ArrayList<>(g.neighbours(v));
        if (selfLoops) {
            out.add(v);
            out.sort(Integer::compare);
        }
        return out;
    }

    private static String sub(int v) {
        return "_" + (v + 1);
    }

    private static List<String> row(String pass, String quantity, String rule, String value, String fd) {
        return List.of(pass, quantity, rule, value, fd);
    }

    // ---------------------------------------------------------------- graph matrices

    /** A square matrix with node numbers on both sides. */
    public static TableFigure nodeMatrix(String title, double[][] m, int digits) {
        List<String> columns = new ArrayList<>(List.of(""));
        for (int j = 0; j < m.length; j++) columns.add(String.valueOf(j + 1));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1)));
            for (double v : m[i]) row.add(format(v, digits));
            rows.add(row);
        }
        return new TableFigure(title, columns, rows);
    }

    /** A nodes × features matrix such as LX. */
    public static TableFigure featureMatrix(String title, String columnPrefix, double[][] m, int digits) {
        List<String> columns = new ArrayList<>(List.of("node"));
        for (int j = 0; j < m[0].length; j++) columns.add(columnPrefix + (j + 1));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1)));
            for (double v : m[i]) row.add(format(v, digits));
            rows.add(row);
        }
        return new TableFigure(title, columns, rows);
    }

    public static String powerTitle(int n) {
        return "A" + superscript(n) + ": entry (i, j) counts the walks of length " + n + " from i to j";
    }

    public static TableFigure messagePassing(GraphMatrices.Result r, int digits) {
        SmallGraph g = r.inputs().graph();
        String act = r.inputs().activation().label;
        List<List<String>> rows = new ArrayList<>();
        for (int v = 0; v < g.nodes(); v++) {
            List<Integer> nb = g.neighbours(v);
            rows.add(List.of(String.valueOf(v + 1), nb.isEmpty() ? "{} (mean taken as 0)" : SmallGraph.nodeSet(nb),
                    vector(r.inputs().x()[v], digits), vector(r.mean()[v], digits), vector(r.pre()[v], digits),
                    vector(r.next()[v], digits)));
        }
        return new TableFigure("Message passing: h′_v = " + act + "(W·mean_{u∈N(v)} h_u + B·h_v), h = X",
                List.of("v", "N(v)", "h_v", "mean_{u ∈ N(v)} h_u", "W · mean + B · h_v", "h′_v"), rows);
    }

    static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) sb.append(digits.charAt(c - '0'));
        return sb.toString();
    }
}
