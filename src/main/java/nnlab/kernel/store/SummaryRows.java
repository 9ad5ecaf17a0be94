package nnlab.kernel.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A summary.json as flat rows, one per thing the study compares: the first top-level list of
 * objects (padding's variants, oversmoothing's depths, posenc's max-pool points) or map of objects
 * (rotation's models, keyed by name) gives one row per element; a summary without one is one row.
 * The other top-level values are repeated on every row. Nested objects become dotted columns
 * ({@code graph.nodes}), lists of numbers or words one cell joined by ";", and a list of objects
 * other than the rows one cell of JSON. Numbers keep every digit JSON gave them.
 */
public final class SummaryRows {
    /** Joins the items of a list of plain values in one cell. */
    public static final String LIST_SEPARATOR = ";";

    private SummaryRows() { }

    /** The rows, each a column → cell text map in the summary's key order. */
    public static List<Map<String, String>> flatten(Map<String, Object> summary) {
        String rowsKey = rowsKey(summary);
        Map<String, String> common = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            if (!e.getKey().equals(rowsKey)) put(common, e.getKey(), e.getValue());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if (rowsKey == null) {
            rows.add(common);
            return rows;
        }
        Object elements = summary.get(rowsKey);
        if (elements instanceof Map<?, ?> byName) {
            String keyColumn = singular(rowsKey);
            for (Map.Entry<?, ?> e : byName.entrySet()) {
                Map<String, String> row = new LinkedHashMap<>(common);
                row.put(keyColumn, String.valueOf(e.getKey()));
                addFields(row, e.getValue());
                rows.add(row);
            }
        } else {
            for (Object element : (List<?>) elements) {
                Map<String, String> row = new LinkedHashMap<>(common);
                addFields(row, element);
                rows.add(row);
            }
        }
        return rows;
    }

    /** The key whose elements become rows, or null for a summary of one row. */
    static String rowsKey(Map<String, Object> summary) {
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map)) return e.getKey();
            if (v instanceof Map<?, ?> map && !map.isEmpty() && map.values().stream().allMatch(o -> o instanceof Map)) return e.getKey();
        }
        return null;
    }

    /** "models" → "model", "depths" → "depth": the column that names a row of a keyed map. */
    static String singular(String key) {
        return key.length() > 1 && key.endsWith("s") ? key.substring(0, key.length() - 1) : key + "_key";
    }

    @SuppressWarnings("unchecked")
    private static void addFields(Map<String, String> row, Object element) {
        if (element instanceof Map<?, ?> fields) {
            for (Map.Entry<String, Object> f : ((Map<String, Object>) fields).entrySet()) put(row, f.getKey(), f.getValue());
        } else {
            put(row, "value", element);
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, String> row, String column, Object value) {
        if (value instanceof Map<?, ?> nested) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) nested).entrySet()) put(row, column + "." + e.getKey(), e.getValue());
        } else if (value instanceof List<?> list) {
            boolean plain = list.stream().noneMatch(o -> o instanceof Map || o instanceof List);
            if (plain) {
                List<String> parts = new ArrayList<>();
                for (Object o : list) parts.add(text(o));
                row.put(column, String.join(LIST_SEPARATOR, parts));
            } else {
                row.put(column, Json.write(list).replaceAll("\\s*\\n\\s*", " "));
            }
        } else {
            row.put(column, text(value));
        }
    }

    /** A JSON value as a cell: numbers in full (whole ones without ".0"), null as empty. */
    static String text(Object value) {
        if (value == null) return "";
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf((long) d);
            return Double.toString(d);
        }
        return String.valueOf(value);
    }
}
