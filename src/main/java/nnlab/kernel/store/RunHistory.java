package nnlab.kernel.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the runs saved in a {@link RunStore}: lists them (never failing because one folder is
 * bad), reads back their settings, metrics, tables and figures, renames and deletes them.
 */
public final class RunHistory {
    private final RunStore store;

    public RunHistory(RunStore store) {
        this.store = store;
    }

    public RunStore store() {
        return store;
    }

    /** Every run folder in the store, newest first; damaged folders included with the reason. */
    public List<SavedRun> list() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Reads one run folder. */
    public SavedRun load(Path folder) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The run's settings as saved in config.json, without the "experiment" key. */
    public Map<String, Object> settings(SavedRun run) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /** metrics.csv read back (every row that was flushed, also for interrupted runs). */
    public CsvTable metrics(SavedRun run) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The run's saved figures: id → PNG file (each also has id.csv beside it). */
    public Map<String, Path> figures(SavedRun run) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The run's saved results tables: id → table (CSV files that are not a figure's data). */
    public Map<String, CsvTable> tables(SavedRun run) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Gives the run a display name (saved in run.json; the folder keeps its name). */
    public SavedRun rename(SavedRun run, String newName) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Deletes the run's folder and everything in it. */
    public void delete(SavedRun run) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }
}
