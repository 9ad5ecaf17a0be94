package nnlab.kernel.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 CSV: cells quoted only where needed, numbers in a locale-independent form, and the
 * reader for what these cells make.
 */
public final class Csv {
    private Csv() { }

    public static String cell(Object value) {
        if (value == null) return "";
        String s;
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            s = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.6g", d);
        } else {
            s = String.valueOf(value);
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    public static String row(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(cell(cells.get(i)));
        }
        return sb.toString();
    }

    public static String table(List<String> columns, List<? extends List<?>> rows) {
        StringBuilder sb = new StringBuilder(row(columns)).append('\n');
        for (List<?> r : rows) sb.append(row(r)).append('\n');
        return sb.toString();
    }

    /**
     * Reads CSV text: the first record is the header. Quoted cells may hold commas, doubled
     * quotes and line breaks; records end with LF or CRLF; empty lines are skipped.
     *
     * @throws IllegalArgumentException when a quoted cell is never closed
     */
    public static CsvTable parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                cellStarted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                cellStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                endRecord(records, record, cell, cellStarted);
                record = new ArrayList<>();
                cellStarted = false;
            } else {
                cell.append(c);
                cellStarted = true;
            }
            i++;
        }
        if (quoted) throw new IllegalArgumentException("a quoted cell is never closed");
        endRecord(records, record, cell, cellStarted);
        if (records.isEmpty()) return new CsvTable(List.of(), List.of());
        return new CsvTable(records.get(0), List.copyOf(records.subList(1, records.size())));
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder cell, boolean cellStarted) {
        if (!cellStarted && record.isEmpty()) return; // an empty line, or the end after a final line break
        record.add(cell.toString());
        cell.setLength(0);
        records.add(List.copyOf(record));
    }
}
