package nnlab.kernel.shard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.store.SummaryRows;

/**
 * The sweep's results: one row per grid point (and per thing the study compares, e.g. padding's
 * variants), the swept values, then mean ± population std of every per-round or per-seed list of
 * the summary (e.g. padding's val_acc and test_acc), or its plain numbers when it has no such
 * list (their std is then 0), plus a line figure per swept setting.
 */
public final class SweepTable {
    private final List<String> swept;
    private final List<String> columns = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    /** Per row: swept values, identity (the row's words, e.g. "Net1 · fconv") and the means of the lists. */
    private final List<Map<String, String>> points = new ArrayList<>();
    private final List<String> identities = new ArrayList<>();
    private final List<Map<String, double[]>> stats = new ArrayList<>();

    public SweepTable(List<String> swept) {
        this.swept = List.copyOf(swept);
    }

    /** Adds the rows of one grid point from its summary.json. */
    public void add(Map<String, String> point, Map<String, Object> summary) {
        for (Map<String, String> row : SummaryRows.flatten(summary)) {
            List<String> words = new ArrayList<>();
            Map<String, double[]> lists = new LinkedHashMap<>();
            Map<String, double[]> scalars = new LinkedHashMap<>();
            for (Map.Entry<String, String> cell : row.entrySet()) {
                double[] values = numbers(cell.getValue());
                if (values != null && cell.getValue().contains(SummaryRows.LIST_SEPARATOR)) lists.put(cell.getKey(), values);
                else if (values != null) scalars.put(cell.getKey(), values);
                else if (!cell.getKey().equals("experiment") && !cell.getValue().isEmpty()) words.add(cell.getValue());
            }
            // A study without per-round lists (one number per result) is tabulated by its numbers.
            if (lists.isEmpty()) lists = scalars;
            Map<String, double[]> meanStd = new LinkedHashMap<>();
            lists.forEach((k, v) -> meanStd.put(k, meanStd(v)));
            points.add(point);
            identities.add(String.join(" · ", words));
            stats.add(meanStd);
        }
    }

    public List<String> columns() {
        build();
        return columns;
    }

    public List<List<String>> rows() {
        build();
        return rows;
    }

    private void build() {
        columns.clear();
        rows.clear();
        Set<String> statColumns = new LinkedHashSet<>();
        stats.forEach(s -> statColumns.addAll(s.keySet()));
        columns.addAll(swept);
        boolean named = identities.stream().anyMatch(s -> !s.isEmpty());
        if (named) columns.add("row");
        for (String s : statColumns) columns.add(s + " (mean ± std)");
        for (int i = 0; i < points.size(); i++) {
            List<String> row = new ArrayList<>();
            for (String s : swept) row.add(points.get(i).get(s));
            if (named) row.add(identities.get(i));
            for (String s : statColumns) {
                double[] ms = stats.get(i).get(s);
                row.add(ms == null ? "" : String.format(Locale.ROOT, "%.4g ± %.2g", ms[0], ms[1]));
            }
            rows.add(row);
        }
    }

    /** The first list whose name says test (else the first one that is not a swept setting): what the figures plot. */
    public String plotted() {
        Set<String> all = new LinkedHashSet<>();
        stats.forEach(s -> all.addAll(s.keySet()));
        // A swept setting echoed in the summary says nothing new.
        all.removeAll(swept);
        return all.stream().filter(k -> k.contains("test")).findFirst().orElse(all.stream().findFirst().orElse(null));
    }

    /**
     * The plotted mean against one swept setting: one curve per row identity and combination of
     * the other swept values. Values that are not numbers are plotted at their position (1, 2, …).
     */
    public LineFigure figure(String setting, String studyTitle) {
        String y = plotted();
        List<String> order = new ArrayList<>();
        for (Map<String, String> p : points) if (!order.contains(p.get(setting))) order.add(p.get(setting));
        boolean numeric = order.stream().allMatch(v -> numbers(v) != null && numbers(v).length == 1);
        LineFigure.Builder b = new LineFigure.Builder();
        for (int i = 0; i < points.size(); i++) {
            double[] ms = y == null ? null : stats.get(i).get(y);
            if (ms == null) continue;
            List<String> name = new ArrayList<>();
            if (!identities.get(i).isEmpty()) name.add(identities.get(i));
            for (String s : swept) if (!s.equals(setting)) name.add(s + "=" + points.get(i).get(s));
            String v = points.get(i).get(setting);
            double x = numeric ? Double.parseDouble(v) : order.indexOf(v) + 1;
            b.add(name.isEmpty() ? y : String.join(", ", name), x, ms[0]);
        }
        String xLabel = numeric ? setting : setting + " (value number: " + String.join(", ", order) + ")";
        return b.build(studyTitle + ": " + y + " (mean over rounds/seeds) against " + setting, xLabel, y, false);
    }

    private static double[] numbers(String cell) {
        if (cell == null || cell.isBlank()) return null;
        String[] parts = cell.split(SummaryRows.LIST_SEPARATOR);
        double[] out = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i].strip());
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    private static double[] meanStd(double[] v) {
        double mean = 0;
        for (double x : v) mean += x / v.length;
        double var = 0;
        for (double x : v) var += (x - mean) * (x - mean) / v.length;
        return new double[] {mean, Math.sqrt(var)};
    }
}
