package nnlab.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.MetricCurves;

/**
 * What differs between runs of one experiment (no JavaFX): the settings whose values differ, and
 * the cells of a results table that differ from the same cell in another run. Rows are matched by
 * their leading text cells (e.g. net and padding), so a run with fewer variants still lines up;
 * columns by name.
 */
public final class RunComparison {
    /** A setting that differs: its key and its value in each run ("—" where a run lacks it). */
    public record SettingDiff(String key, List<String> values) { }

    public static final String MISSING = "—";

    private RunComparison() { }

    /** The settings (in first-seen order) whose values are not the same in every run. */
    public static List<SettingDiff> differingSettings(List<Map<String, Object>> settings) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Object> s : settings) if (s != null) keys.addAll(s.keySet());
        List<SettingDiff> out = new ArrayList<>();
        for (String key : keys) {
            List<String> values = new ArrayList<>();
            for (Map<String, Object> s : settings) {
                values.add(s == null || !s.containsKey(key) ? MISSING : format(s.get(key)));
            }
            if (new LinkedHashSet<>(values).size() > 1) out.add(new SettingDiff(key, values));
        }
        return out;
    }

    /** A setting value as shown: lists comma-separated, whole doubles without ".0", null as empty. */
    public static String format(Object v) {
        if (v == null) return "";
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) parts.add(format(o));
            return String.join(", ", parts);
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
        return String.valueOf(v);
    }

    /**
     * For each of the given tables (one per run, null where a run lacks it), the cells that differ
     * from the matching cell of at least one other run that has the table: "row:col" → a note
     * with every run's value ("—" where that run lacks the row or column).
     */
    public static List<Map<String, String>> differingCells(List<CsvTable> tables, List<String> runNames) {
        List<Map<String, Integer>> rowIndex = new ArrayList<>();
        for (CsvTable t : tables) rowIndex.add(t == null ? Map.of() : rowKeys(t));
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            Map<String, String> marks = new LinkedHashMap<>();
            CsvTable t = tables.get(i);
            if (t != null) {
                Map<Integer, String> keyOfRow = new HashMap<>();
                rowIndex.get(i).forEach((k, r) -> keyOfRow.put(r, k));
                for (int r = 0; r < t.rows().size(); r++) {
                    String key = keyOfRow.get(r);
                    for (int c = 0; c < t.columns().size(); c++) {
                        String column = t.columns().get(c);
                        // Runs without this table have nothing to compare with, so they mark nothing.
                        List<String> values = new ArrayList<>();
                        List<String> names = new ArrayList<>();
                        for (int j = 0; j < tables.size(); j++) {
                            if (tables.get(j) == null) continue;
                            values.add(j == i ? MetricCurves.cell(t.rows().get(r), c) : valueIn(tables.get(j), rowIndex.get(j), key, column));
                            names.add(j < runNames.size() ? runNames.get(j) : "run " + (j + 1));
                        }
                        if (new LinkedHashSet<>(values).size() > 1) marks.put(r + ":" + c, note(names, values));
                    }
                }
            }
            out.add(marks);
        }
        return out;
    }

    private static String valueIn(CsvTable t, Map<String, Integer> rows, String key, String column) {
        if (key == null) return MISSING;
        Integer r = rows.get(key);
        int c = t.columns().indexOf(column);
        if (r == null || c < 0) return MISSING;
        return MetricCurves.cell(t.rows().get(r), c);
    }

    private static String note(List<String> runNames, List<String> values) {
        StringBuilder sb = new StringBuilder("Differs between the runs:");
        for (int j = 0; j < values.size(); j++) {
            sb.append('\n').append(runNames.get(j)).append(": ")
                    .append(values.get(j).isEmpty() ? "(empty)" : values.get(j));
        }
        return sb.toString();
    }

    /**
     * Row key → row index. The key is the row's leading text cells with their column names
     * (the first number ends it); when that is not unique within the table, rows are matched by
     * position instead.
     */
    static Map<String, Integer> rowKeys(CsvTable t) {
        Map<String, Integer> byText = new LinkedHashMap<>();
        boolean unique = true;
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                String v = MetricCurves.cell(row, c);
                if (MetricCurves.number(firstWord(v)) != null) break;
                parts.add((c < t.columns().size() ? t.columns().get(c) : "#" + c) + "=" + v);
            }
            // By column name, in name order: a table whose columns come in another order still matches.
            parts.sort(null);
            String key = parts.isEmpty() ? null : String.join("\u0000", parts);
            if (key == null || byText.putIfAbsent(key, r) != null) {
                unique = false;
                break;
            }
        }
        if (unique) return byText;
        Map<String, Integer> byPosition = new LinkedHashMap<>();
        for (int r = 0; r < t.rows().size(); r++) byPosition.put("#" + r, r);
        return byPosition;
    }

    /** "97.1 ± 0.3" counts as a number (its first word), so a mean ± std cell ends the key. */
    private static String firstWord(String v) {
        String s = v.trim();
        int space = s.indexOf(' ');
        s = space > 0 ? s.substring(0, space) : s;
        return s.endsWith("%") ? s.substring(0, s.length() - 1) : s;
    }
}
