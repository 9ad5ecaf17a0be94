package nnlab.kernel.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.figure.FigureFormat;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.run.RunSummary;

/**
 * Saves one run: config.json at the start, metrics.csv appended and flushed row by row (so a
 * kill keeps every finished epoch), then summary.json, the figures and run.json at the end.
 * The same files go to every target folder (the store's and, for the CLI, --out).
 *
 * <p>While the run is being written, the store's folder is locked ({@code .lock}) and run.json
 * records this process's id, so the history can tell a live run from one whose process died.
 * Every write failure is reported as "could not write FILE in FOLDER: cause".
 */
public final class RunRecorder implements AutoCloseable {
    private final List<Path> folders;
    /** metrics.csv per target folder, open from the first row to the end of the run. */
    private final Map<Path, BufferedWriter> metricWriters = new LinkedHashMap<>();
    private final Map<String, RunEvent.FigureUpdate> latestFigures = new LinkedHashMap<>();
    private final Map<String, RunEvent.Table> latestTables = new LinkedHashMap<>();
    private final String experimentId;
    private final Instant started = Instant.now();
    private List<String> metricColumns;
    private RunLock lock;
    private String headline = "";
    private Set<FigureFormat> figureFormats = EnumSet.of(FigureFormat.PNG);

    private interface FileWrite {
        void run() throws IOException;
    }

    private RunRecorder(String experimentId, List<Path> folders) {
        this.experimentId = experimentId;
        this.folders = folders;
    }

    public static RunRecorder open(RunStore store, String experimentId, Config config, List<Path> extraFolders)
            throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path extra : extraFolders) {
            try {
                Files.createDirectories(extra);
            } catch (IOException e) {
                throw new IOException("could not create the folder " + extra + ": " + IoProblems.describe(e), e);
            }
            if (!Files.isWritable(extra)) throw new IOException("folder is not writable: " + extra);
            folders.add(extra.toAbsolutePath());
        }
        RunLock lock = null;
        if (store != null) {
            Path folder = store.newRunFolder(experimentId);
            folders.add(folder);
            try {
                lock = RunLock.acquire(folder);
            } catch (IOException | RuntimeException e) {
                // No file locks here (e.g. some network drives): the history falls back on the pid.
            }
        }
        RunRecorder recorder = new RunRecorder(experimentId, folders);
        recorder.lock = lock;
        try {
            Map<String, Object> configJson = new LinkedHashMap<>();
            configJson.put("experiment", experimentId);
            configJson.putAll(config.values());
            for (Path f : folders) write(f, "config.json", () -> Json.writeFile(f.resolve("config.json"), configJson));
            recorder.writeRunInfo(RunStatus.RUNNING, "running");
            return recorder;
        } catch (IOException | RuntimeException e) {
            // Best effort: a folder left behind should say why it is empty.
            try {
                recorder.writeRunInfo(RunStatus.FAILED, "could not start: " + e.getMessage());
            } catch (IOException | RuntimeException ignored) {
                // the folder is unwritable; the exception below says why
            }
            recorder.close();
            throw e;
        }
    }

    /**
     * The formats each saved figure is written in, besides its CSV (PNG at 2× unless told
     * otherwise). A figure that can only be drawn as pixels still gets its PNG, never an SVG or PDF.
     */
    public synchronized void setFigureFormats(Set<FigureFormat> formats) {
        figureFormats = formats.isEmpty() ? EnumSet.of(FigureFormat.PNG) : EnumSet.copyOf(formats);
    }

    /** The folder the app lists the run under: the store's if there is one. */
    public Path primaryFolder() {
        return folders.isEmpty() ? null : folders.get(folders.size() - 1);
    }

    public synchronized void appendMetrics(Map<String, Object> row) throws IOException {
        if (metricColumns == null) {
            metricColumns = new ArrayList<>(row.keySet());
            for (Path f : folders) {
                write(f, "metrics.csv", () -> {
                    BufferedWriter w = Files.newBufferedWriter(f.resolve("metrics.csv"), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    metricWriters.put(f, w);
                    w.write(String.join(",", metricColumns));
                    w.newLine();
                });
            }
        }
        List<String> cells = new ArrayList<>();
        for (String c : metricColumns) cells.add(Csv.cell(row.get(c)));
        String line = String.join(",", cells);
        for (Map.Entry<Path, BufferedWriter> e : metricWriters.entrySet()) {
            BufferedWriter w = e.getValue();
            write(e.getKey(), "metrics.csv", () -> {
                w.write(line);
                w.newLine();
                w.flush();
            });
        }
    }

    /** Remembers the last version of each figure and table, to save when the run ends. */
    public synchronized void onEvent(RunEvent event) {
        if (event instanceof RunEvent.FigureUpdate) {
            RunEvent.FigureUpdate f = (RunEvent.FigureUpdate) event;
            latestFigures.put(f.id(), f);
        } else if (event instanceof RunEvent.Table) {
            RunEvent.Table t = (RunEvent.Table) event;
            latestTables.put(t.id(), t);
        }
    }

    /** summary.json: the summary's record components, written by Jackson (see {@link RunSummary}). */
    public void writeSummary(RunSummary summary) throws IOException {
        for (Path f : folders) write(f, "summary.json", () -> Json.writeFile(f.resolve("summary.json"), summary));
    }

    /** The one-line result saved in run.json when the run finishes (see RunSummary#headline). */
    public synchronized void setHeadline(String headline) {
        this.headline = headline == null ? "" : headline;
    }

    /**
     * Closes metrics.csv and writes figures, tables and the final status. Tries every file even
     * after one fails, and reports the first failure.
     */
    public synchronized void finish(RunStatus status, String message) throws IOException {
        IOException first = null;
        for (Map.Entry<Path, BufferedWriter> e : metricWriters.entrySet()) {
            try {
                write(e.getKey(), "metrics.csv", e.getValue()::close);
            } catch (IOException x) {
                if (first == null) first = x;
            }
        }
        metricWriters.clear();
        for (Path f : folders) {
            for (RunEvent.FigureUpdate fig : latestFigures.values()) {
                for (FigureFormat format : figureFormats) {
                    String name = format.fileName(fig.id());
                    if (format != FigureFormat.PNG && !FigureExporter.hasVectorDrawing(fig.figure())) continue;
                    try {
                        write(f, name, () -> FigureExporter.write(fig.figure(), format, f.resolve(name)));
                    } catch (IOException x) {
                        if (first == null) first = x;
                    } catch (RuntimeException x) {
                        // A figure that cannot be drawn must not stop the rest being saved.
                        if (first == null) first = new IOException("could not draw " + name + ": " + x, x);
                    }
                }
                try {
                    write(f, fig.id() + ".csv", () -> FigureExporter.writeCsv(fig.figure(), f.resolve(fig.id() + ".csv")));
                } catch (IOException x) {
                    if (first == null) first = x;
                }
            }
            for (RunEvent.Table t : latestTables.values()) {
                try {
                    write(f, t.id() + ".csv", () -> AtomicFiles.writeString(f.resolve(t.id() + ".csv"), Csv.table(t.columns(), t.rows())));
                } catch (IOException x) {
                    if (first == null) first = x;
                }
            }
        }
        // Saved now; a finished recorder need not keep the figures (they can be large).
        latestFigures.clear();
        latestTables.clear();
        try {
            writeRunInfo(status, message);
        } catch (IOException x) {
            if (first == null) first = x;
        }
        if (first != null) throw first;
    }

    /**
     * Releases the folder's lock (and any metrics file still open). Call it after the final
     * run.json is written, or could not be: from then on the history judges the run by run.json.
     */
    @Override
    public synchronized void close() {
        for (BufferedWriter w : metricWriters.values()) {
            try {
                w.close();
            } catch (IOException e) {
                // the run already failed for this or another reason
            }
        }
        metricWriters.clear();
        latestFigures.clear();
        latestTables.clear();
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /**
     * Records the run's status in run.json (atomically, in every target folder), keeping a
     * display name the user gave the run meanwhile.
     */
    public synchronized void writeRunInfo(RunStatus status, String message) throws IOException {
        String ended = status.isFinal() ? Instant.now().toString() : null;
        IOException first = null;
        for (Path f : folders) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("experiment", experimentId);
            String name = existingName(f.resolve("run.json"));
            if (name != null) info.put("name", name);
            info.put("status", status.name().toLowerCase());
            info.put("message", message);
            info.put("started", started.toString());
            if (ended != null) info.put("ended", ended);
            if (status.isFinal() && !headline.isEmpty()) info.put("headline", headline);
            info.put("pid", ProcessHandle.current().pid());
            try {
                write(f, "run.json", () -> Json.writeFile(f.resolve("run.json"), info));
            } catch (IOException e) {
                if (first == null) first = e; // the other folders still get the status
            }
        }
        if (first != null) throw first;
    }

    private static void write(Path folder, String fileName, FileWrite write) throws IOException {
        try {
            write.run();
        } catch (IOException e) {
            throw IoProblems.couldNotWrite(fileName, folder, e);
        }
    }

    private static String existingName(Path runJson) {
        if (!Files.exists(runJson)) return null;
        try {
            Object name = Json.readMap(runJson).get("name");
            return name == null ? null : String.valueOf(name);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
