package nnlab.history;

import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.SavedRun;

/**
 * Everything a run's page shows, read from its folder off the JavaFX thread. Each part is read on
 * its own: a missing or unreadable file leaves that part empty and adds a line to
 * {@link #problems()}, so a damaged run still shows whatever survived.
 *
 * @param settings null when config.json could not be read
 */
public record RunDetails(SavedRun run, Map<String, Object> settings, CsvTable metrics,
                         Map<String, CsvTable> tables, Map<String, Path> figures, List<String> problems) {

    /** Reads a run's parts; never throws. Call off the JavaFX thread. */
    public static RunDetails load(RunHistory history, SavedRun run) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> settings = null;
        try {
            settings = new LinkedHashMap<>(history.settings(run));
        } catch (Exception e) {
            problems.add("settings (config.json): " + describe(e));
        }
        CsvTable metrics = null;
        try {
            metrics = RoundNumbers.oneBased(history.metrics(run));
        } catch (NoSuchFileException e) {
            // a run that ended before its first epoch has no metrics.csv: nothing to show, nothing wrong
        } catch (Exception e) {
            problems.add("metrics.csv: " + describe(e));
        }
        Map<String, CsvTable> tables = Map.of();
        try {
            tables = new LinkedHashMap<>(history.tables(run));
        } catch (Exception e) {
            problems.add("results tables: " + describe(e));
        }
        Map<String, Path> figures = Map.of();
        try {
            figures = new LinkedHashMap<>(history.figures(run));
        } catch (Exception e) {
            problems.add("figures: " + describe(e));
        }
        return new RunDetails(run, settings, metrics, tables, figures, List.copyOf(problems));
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) return "missing (" + n.getFile() + ")";
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
