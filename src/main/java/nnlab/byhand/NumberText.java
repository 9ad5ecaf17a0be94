package nnlab.byhand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The typed forms of this lab's numbers: lists ("3, 0, -1"), matrices ("1, 2; 0, 1", one row per
 * ';' or line, or "[[1,2],[0,1]]") and edge lists ("1-2, 2-3", nodes numbered from 1). Every
 * refusal says which entry is wrong and why, in words a student can act on; the caller adds the
 * field's name.
 */
public final class NumberText {
    private NumberText() { }

    /** Parses a list of finite numbers, separated by commas or spaces; brackets are ignored. */
    public static double[] list(String text, int minSize, int maxSize) {
        String t = text == null ? "" : text.replace('[', ' ').replace(']', ' ').replace('(', ' ').replace(')', ' ').trim();
        List<Double> values = new ArrayList<>();
        if (!t.isEmpty()) {
            String[] parts = t.split("\\s*,\\s*|\\s+");
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].isEmpty()) throw new IllegalArgumentException("entry " + (values.size() + 1) + " is empty (two commas in a row?)");
                values.add(number(parts[i], "entry " + (values.size() + 1)));
            }
        }
        if (values.size() < minSize) {
            throw new IllegalArgumentException("needs at least " + minSize + (minSize == 1 ? " number" : " numbers") + ", got " + values.size());
        }
        if (values.size() > maxSize) throw new IllegalArgumentException("takes at most " + maxSize + " numbers, got " + values.size());
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    /** Parses a matrix whose rows all have the same length. */
    public static double[][] matrix(String text, int maxRows, int maxColumns) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("[[") && t.endsWith("]]")) t = t.substring(2, t.length() - 2).replaceAll("\\]\\s*,\\s*\\[", ";");
        String[] rowTexts = t.split("\\s*[;\\n]\\s*", -1);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < rowTexts.length; r++) {
            if (rowTexts[r].isBlank()) {
                if (r == rowTexts.length - 1 && r > 0) continue; // a trailing ';' is harmless
                throw new IllegalArgumentException(t.isBlank() ? "is empty: type rows like 1, 2; 0, 1" : "row " + (r + 1) + " is empty");
            }
            double[] row;
            try {
                row = list(rowTexts[r], 1, maxColumns);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + (r + 1) + ": " + e.getMessage());
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + row.length + " numbers but row 1 has "
                        + rows.get(0).length + " (rows are separated by ';')");
            }
            rows.add(row);
        }
        if (rows.size() > maxRows) throw new IllegalArgumentException("takes at most " + maxRows + " rows, got " + rows.size());
        return rows.toArray(double[][]::new);
    }

    /**
     * Parses an edge list "1-2, 2-3" into a graph; a bare number ("5") adds a node without
     * edges. The node count is the largest node named.
     */
    public static SmallGraph edges(String text, int maxNodes) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) throw new IllegalArgumentException("is empty: type edges like 1-2, 2-3");
        int n = 0;
        List<int[]> edges = new ArrayList<>();
        for (String part : t.split("\\s*,\\s*")) {
            if (part.isBlank()) throw new IllegalArgumentException("has an empty entry (two commas in a row?)");
            String[] ends = part.trim().split("\\s*[-–—]\\s*");
            if (ends.length == 1) {
                n = Math.max(n, node(ends[0], part, maxNodes));
                continue;
            }
            if (ends.length != 2) throw new IllegalArgumentException("'" + part + "' is not an edge like 1-2");
            int a = node(ends[0], part, maxNodes);
            int b = node(ends[1], part, maxNodes);
            if (a == b) throw new IllegalArgumentException("'" + part + "' joins node " + a + " to itself; self-loops are not allowed here");
            for (int[] e : edges) {
                if (e[0] == Math.min(a, b) - 1 && e[1] == Math.max(a, b) - 1) {
                    throw new IllegalArgumentException("edge " + a + "–" + b + " is listed twice");
                }
            }
            edges.add(new int[] {Math.min(a, b) - 1, Math.max(a, b) - 1});
            n = Math.max(n, Math.max(a, b));
        }
        return new SmallGraph(n, edges);
    }

    private static int node(String s, String part, int maxNodes) {
        int v;
        try {
            v = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + part + "' is not an edge like 1-2 (nodes are whole numbers)");
        }
        if (v < 1) throw new IllegalArgumentException("'" + part + "': nodes are numbered from 1");
        if (v > maxNodes) throw new IllegalArgumentException("'" + part + "': at most " + maxNodes + " nodes, so numbers up to " + maxNodes);
        return v;
    }

    private static double number(String s, String where) {
        double v;
        try {
            v = Double.parseDouble(s.replace('−', '-'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + s + "' is not a number");
        }
        if (!Double.isFinite(v)) throw new IllegalArgumentException(where + ": '" + s + "' is not a finite number");
        if (Math.abs(v) > 1e6) throw new IllegalArgumentException(where + ": '" + s + "' is too large (keep |values| ≤ 1000000)");
        return v;
    }

    /** A number as a student writes it: whole numbers plain, others with this many significant digits. */
    public static String format(double v, int digits) {
        if (v == 0) return "0"; // also −0
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (s.contains("e")) {
            String[] m = s.split("e");
            return trimZeros(m[0]) + "e" + Integer.parseInt(m[1]);
        }
        s = trimZeros(s);
        // σ(20) = 0.999999998 must not read as exactly 1: show it as "1.00000" (digits kept) instead.
        if (Double.parseDouble(s) == Math.rint(Double.parseDouble(s))) return String.format(Locale.ROOT, "%." + digits + "g", v);
        return s;
    }

    private static String trimZeros(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** "(5, 2)". */
    public static String vector(double[] v, int digits) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(format(v[i], digits));
        return sb.append(')').toString();
    }

    /** "[[2, 6], [2, 6]]". */
    public static String matrix(double[][] m, int digits) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < m.length; r++) {
            sb.append(r > 0 ? ", [" : "[");
            for (int c = 0; c < m[r].length; c++) sb.append(c > 0 ? ", " : "").append(format(m[r][c], digits));
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** The typed form of a matrix, as the fields take it: "1, 2; 0, 1". */
    public static String matrixText(double[][] m) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < m.length; r++) {
            if (r > 0) sb.append("; ");
            for (int c = 0; c < m[r].length; c++) sb.append(c > 0 ? ", " : "").append(format(m[r][c], 12));
        }
        return sb.toString();
    }
}
