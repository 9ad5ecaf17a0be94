package nnlab.kernel.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a run's metrics.csv becomes curves (no JavaFX): one chart per metric column, plotted
 * against the first of epoch / step / iteration / angle / draw that the metric's rows fill (the
 * row number if none), one curve per combination of the key columns. Key columns are the text
 * columns (net, padding, model) and the known integer keys (round, depth, seed, …); every other
 * numeric column is a metric. Empty and non-finite cells (a diverged epoch) are skipped.
 */
public final class MetricCurves {
    /** x columns, in order of preference. */
    static final List<String> X_COLUMNS = List.of("epoch", "step", "iteration", "iter", "angle", "draw");
    /** Integer columns that label a curve rather than being plotted. */
    static final Set<String> KEY_COLUMNS = Set.of("round", "depth", "seed", "fold", "repeat", "replicate", "trial", "run", "layer", "layers");

    /** One curve: its name (the key values, "" when there are no keys) and its points in file order. */
    public record Curve(String name, double[] x, double[] y) { }

    /** One metric column's curves against its x column ("row" when the file has none). */
    public record Chart(String metric, String xColumn, List<Curve> curves) {
        public String title() { return humanise(metric); }
    }

    private MetricCurves() { }

    public static List<Chart> charts(CsvTable table) {
        List<Chart> out = new ArrayList<>();
        if (table == null || table.columns().isEmpty()) return out;
        List<String> cols = table.columns();
        List<Integer> keys = new ArrayList<>();
        List<Integer> metrics = new ArrayList<>();
        for (int c = 0; c < cols.size(); c++) {
            String name = cols.get(c);
            if (X_COLUMNS.contains(name.toLowerCase(Locale.ROOT))) continue;
            Boolean numeric = numeric(table, c);
            if (numeric == null) continue; // an empty column
            if (!numeric || KEY_COLUMNS.contains(name.toLowerCase(Locale.ROOT))) keys.add(c);
            else metrics.add(c);
        }
        for (int m : metrics) {
            List<List<String>> rows = new ArrayList<>();
            for (List<String> r : table.rows()) {
                Double v = number(cell(r, m));
                if (v != null && Double.isFinite(v)) rows.add(r);
            }
            if (rows.isEmpty()) continue;
            int x = xColumn(table, rows);
            Map<String, List<double[]>> byCurve = new LinkedHashMap<>();
            int rowNo = 0;
            for (List<String> r : rows) {
                rowNo++;
                double xv = x < 0 ? rowNo : number(cell(r, x));
                byCurve.computeIfAbsent(curveName(cols, keys, r), k -> new ArrayList<>())
                        .add(new double[] {xv, number(cell(r, m))});
            }
            List<Curve> curves = new ArrayList<>();
            for (Map.Entry<String, List<double[]>> e : byCurve.entrySet()) {
                double[] xs = new double[e.getValue().size()];
                double[] ys = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = e.getValue().get(i)[0];
                    ys[i] = e.getValue().get(i)[1];
                }
                curves.add(new Curve(e.getKey(), xs, ys));
            }
            out.add(new Chart(cols.get(m), x < 0 ? "row" : cols.get(x), curves));
        }
        return out;
    }

    /** "train_loss" → "Train loss". */
    public static String humanise(String id) {
        return nnlab.kernel.run.ViewSpec.titleFromId(id);
    }

    /** The first x column filled (with numbers) in every one of these rows, or -1. */
    private static int xColumn(CsvTable table, List<List<String>> rows) {
        for (String candidate : X_COLUMNS) {
            int c = indexIgnoringCase(table.columns(), candidate);
            if (c < 0) continue;
            boolean filled = true;
            for (List<String> r : rows) {
                Double v = number(cell(r, c));
                if (v == null || !Double.isFinite(v)) {
                    filled = false;
                    break;
                }
            }
            if (filled) return c;
        }
        return -1;
    }

    private static String curveName(List<String> cols, List<Integer> keys, List<String> row) {
        List<String> parts = new ArrayList<>();
        for (int k : keys) {
            String v = cell(row, k);
            if (v.isEmpty()) continue;
            parts.add(number(v) != null ? cols.get(k) + " " + v : v);
        }
        return String.join(" · ", parts);
    }

    /** True if every filled cell is a number, false if one is text, null if none is filled. */
    private static Boolean numeric(CsvTable table, int c) {
        boolean any = false;
        for (List<String> r : table.rows()) {
            String v = cell(r, c);
            if (v.isEmpty()) continue;
            any = true;
            if (number(v) == null) return false;
        }
        return any ? Boolean.TRUE : null;
    }

    private static int indexIgnoringCase(List<String> cols, String name) {
        for (int i = 0; i < cols.size(); i++) if (cols.get(i).equalsIgnoreCase(name)) return i;
        return -1;
    }

    public static String cell(List<String> row, int c) {
        if (c >= row.size() || row.get(c) == null) return "";
        return row.get(c).trim();
    }

    /** The cell as a number (NaN and Infinity included), or null when it is text or empty. */
    public static Double number(String s) {
        if (s == null || s.isEmpty()) return null;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
