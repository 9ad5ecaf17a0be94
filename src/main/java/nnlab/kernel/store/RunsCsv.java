package nnlab.kernel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Many runs as two tidy CSV files, for a notebook or a spreadsheet: their summaries (one row per
 * run × compared thing, see {@link SummaryRows}; columns run, experiment, started, then the
 * summary's fields) and their metrics (every metrics.csv row, with a leading run column). Runs of
 * different experiments share the files: their columns are joined, cells a run lacks stay empty.
 */
public final class RunsCsv {
    static final List<String> RUN_COLUMNS = List.of("run", "experiment", "started");

    /** Both files' text, and a line for each run left out (or partly out) and why. */
    public record Tables(String summaries, String metrics, int summaryRows, int metricRows, List<String> leftOut) { }

    /** What an export wrote. */
    public record Written(Path summaries, Path metrics, Tables tables) { }

    private RunsCsv() { }

    public static Tables tables(RunHistory history, List<SavedRun> runs) {
        List<String> leftOut = new ArrayList<>();
        List<Map<String, String>> summaryRows = new ArrayList<>();
        List<Map<String, String>> metricRows = new ArrayList<>();
        List<String> metricColumns = new ArrayList<>(List.of("run"));
        for (SavedRun run : runs) {
            String id = run.folder().getFileName().toString();
            try {
                Map<String, Object> summary = Json.readMap(run.folder().resolve("summary.json"));
                for (Map<String, String> fields : SummaryRows.flatten(summary)) summaryRows.add(summaryRow(run, fields));
            } catch (NoSuchFileException e) {
                leftOut.add(id + ": no summary.json (" + run.status().label().toLowerCase(java.util.Locale.ROOT) + ")");
            } catch (IOException | RuntimeException e) {
                leftOut.add(id + ": summary.json could not be read (" + firstLine(e) + ")");
            }
            try {
                CsvTable metrics = history.metrics(run);
                for (String c : metrics.columns()) if (!metricColumns.contains(c)) metricColumns.add(c);
                for (List<String> cells : metrics.rows()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("run", id);
                    for (int c = 0; c < metrics.columns().size() && c < cells.size(); c++) row.put(metrics.columns().get(c), cells.get(c));
                    metricRows.add(row);
                }
            } catch (IOException | RuntimeException e) {
                leftOut.add(id + ": metrics.csv could not be read (" + firstLine(e) + ")");
            }
        }
        Set<String> summaryColumns = new LinkedHashSet<>(RUN_COLUMNS);
        for (Map<String, String> r : summaryRows) summaryColumns.addAll(r.keySet());
        return new Tables(csv(List.copyOf(summaryColumns), summaryRows), csv(metricColumns, metricRows),
                summaryRows.size(), metricRows.size(), List.copyOf(leftOut));
    }

    /**
     * Writes {@code STEM-summaries.csv} and {@code STEM-metrics.csv} into the folder, atomically.
     * Unless replace is true, refuses (before writing either) when one of them exists.
     */
    public static Written write(RunHistory history, List<SavedRun> runs, Path folder, String stem, boolean replace) throws IOException {
        Path summaries = ExportFiles.resolve(folder, stem + "-summaries.csv");
        Path metrics = ExportFiles.resolve(folder, stem + "-metrics.csv");
        if (!replace) {
            for (Path p : List.of(summaries, metrics)) if (Files.exists(p)) throw new ExportFiles.AlreadyThere(p);
        }
        Tables tables = tables(history, runs);
        ExportFiles.writeString(summaries, tables.summaries(), true);
        ExportFiles.writeString(metrics, tables.metrics(), true);
        return new Written(summaries, metrics, tables);
    }

    /** The files' stem: the experiment's id when all runs are of one, else "runs". */
    public static String stem(List<SavedRun> runs) {
        Set<String> ids = new LinkedHashSet<>();
        for (SavedRun r : runs) ids.add(Objects.toString(r.experimentId(), "runs"));
        return ids.size() == 1 ? ids.iterator().next() + "-runs" : "runs";
    }

    private static Map<String, String> summaryRow(SavedRun run, Map<String, String> fields) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("run", run.folder().getFileName().toString());
        row.put("experiment", Objects.toString(run.experimentId(), ""));
        row.put("started", run.started() == null ? "" : run.started().toString());
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String column = f.getKey();
            // summary.json repeats the experiment's id; a differing one keeps its own column.
            if (RUN_COLUMNS.contains(column)) {
                if (f.getValue().equals(row.get(column))) continue;
                column = "summary." + column;
            }
            row.put(column, f.getValue());
        }
        return row;
    }

    private static String csv(List<String> columns, List<Map<String, String>> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, String> r : rows) {
            List<String> line = new ArrayList<>();
            for (String c : columns) line.add(r.getOrDefault(c, ""));
            cells.add(line);
        }
        return Csv.table(columns, cells);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
