package nnlab.kernel.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import nnlab.kernel.run.PublishedResults;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.SummaryRows;

/** The report's tables: results (with any published numbers beside them), summary.json and the settings. */
final class ReportSections {
    static final String PUBLISHED_SUFFIX = " — published, not computed";

    private final RunReport.Contents c;
    private final StringBuilder out;

    ReportSections(RunReport.Contents contents, StringBuilder out) {
        this.c = contents;
        this.out = out;
    }

    void results() {
        if (c.tables().isEmpty()) return;
        PublishedResults.Published published = ReportPage.published(c);
        out.append("<section id=\"results\">\n<h2>Results</h2>\n");
        for (Map.Entry<String, CsvTable> t : c.tables().entrySet()) {
            String id = t.getKey();
            List<PublishedResults.PublishedValue> quoted = new ArrayList<>();
            if (published != null) for (PublishedResults.PublishedValue v : published.values()) if (v.table().equals(id)) quoted.add(v);
            out.append("<figure class=\"results-table\" id=\"table-").append(Html.slug(id)).append("\" data-table=\"")
                    .append(Html.escape(id)).append("\">\n<figcaption>").append(Html.escape(c.title(id)))
                    .append(" <span class=\"file\">(").append(Html.escape(id)).append(".csv)</span></figcaption>\n");
            withPublished(t.getValue(), quoted);
            out.append("</figure>\n");
        }
        out.append("</section>\n");
    }

    /** The table with a marked column after each column the write-up quotes a number for. */
    private void withPublished(CsvTable table, List<PublishedResults.PublishedValue> quoted) {
        Set<String> quotedColumns = new LinkedHashSet<>();
        for (PublishedResults.PublishedValue v : quoted) if (table.columns().contains(v.column())) quotedColumns.add(v.column());
        List<String> columns = new ArrayList<>();
        Set<Integer> publishedColumns = new HashSet<>();
        for (String col : table.columns()) {
            columns.add(col);
            if (quotedColumns.contains(col)) {
                publishedColumns.add(columns.size());
                columns.add(col + PUBLISHED_SUFFIX);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        int matched = 0;
        for (List<String> cells : table.rows()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                String col = table.columns().get(i);
                row.add(i < cells.size() ? cells.get(i) : "");
                if (!quotedColumns.contains(col)) continue;
                String value = "";
                for (PublishedResults.PublishedValue v : quoted) {
                    if (v.column().equals(col) && v.matches(table.columns(), cells)) {
                        value = format(v);
                        matched++;
                    }
                }
                row.add(value);
            }
            rows.add(row);
        }
        Html.table(out, "data", columns, rows, publishedColumns, Set.of());
        if (matched > 0) {
            out.append("<p class=\"published-note\"><span class=\"published-mark\">Published, not computed:</span> the shaded column quotes ")
                    .append(Html.escape(ReportPage.published(c).source()))
                    .append(". Only the rows the write-up gives numbers for are filled; every other number is this run's.</p>\n");
        }
    }

    private static String format(PublishedResults.PublishedValue v) {
        return Double.isNaN(v.std()) ? String.format(Locale.ROOT, "%.2f", v.mean())
                : String.format(Locale.ROOT, "%.2f ± %.2f", v.mean(), v.std());
    }

    /** summary.json flattened as the runs' CSV export flattens it. */
    void summary() {
        if (c.summary() == null || c.summary().isEmpty()) return;
        List<Map<String, String>> flat = SummaryRows.flatten(c.summary());
        Set<String> columns = new LinkedHashSet<>();
        for (Map<String, String> r : flat) columns.addAll(r.keySet());
        // The experiment's id repeated on every row says nothing the header does not.
        boolean sameExperiment = flat.stream().allMatch(r -> Objects.equals(r.get("experiment"), c.run().experimentId()));
        if (sameExperiment) columns.remove("experiment");
        List<String> cols = List.copyOf(columns);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> r : flat) {
            List<String> row = new ArrayList<>();
            for (String col : cols) row.add(r.getOrDefault(col, "").replace(SummaryRows.LIST_SEPARATOR, "; "));
            rows.add(row);
        }
        out.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"section-note\">summary.json, one row per ")
                .append(flat.size() == 1 ? "run" : "entry of its list").append("; lists are separated by semicolons.</p>\n");
        Html.table(out, "data summary", cols, rows, Set.of(), Set.of());
        out.append("</section>\n");
    }

    /** Every setting with its label and default; the ones that differ from the default are marked. */
    void settings() {
        if (c.settings() == null) return;
        ConfigSchema schema = c.experiment() == null ? null : c.experiment().schema();
        Config defaults = schema == null ? null : schema.defaults();
        List<List<String>> rows = new ArrayList<>();
        Set<Integer> changed = new HashSet<>();
        for (Map.Entry<String, Object> e : c.settings().entrySet()) {
            String key = e.getKey();
            Setting s = schema != null && schema.has(key) ? schema.setting(key) : null;
            String value = s != null ? formatted(s, e.getValue()) : String.valueOf(e.getValue());
            String def = s != null ? s.format(defaults.get(key)) : "";
            if (s == null && schema != null) def = "(not a setting of this version)";
            if (s != null && !value.equals(def)) changed.add(rows.size());
            rows.add(List.of(s != null ? s.label() : key, key, value, def));
        }
        out.append("<section id=\"settings\">\n<h2>Settings</h2>\n<p class=\"section-note\">config.json; ")
                .append(changed.isEmpty() ? "every setting is at its default" : "the marked rows differ from the defaults")
                .append(".</p>\n");
        Html.table(out, "data settings", List.of("Setting", "Key", "Value", "Default"), rows, Set.of(), changed);
        out.append("</section>\n");
    }

    /** The value as the command line writes it, where the schema still accepts it. */
    private static String formatted(Setting s, Object value) {
        try {
            return s.format(s.validate(value instanceof String t && s.kind() != Setting.Kind.TEXT && s.kind() != Setting.Kind.CHOICE
                    ? s.parse(t) : value));
        } catch (RuntimeException e) {
            return String.valueOf(value);
        }
    }
}
