package nnlab.kernel.store;

import java.util.List;
import java.util.Locale;

/** RFC 4180 CSV cells: quotes only where needed, numbers in a locale-independent form. */
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
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
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
}
