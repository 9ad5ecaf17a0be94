package nnlab.kernel.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.FigureExporter;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;

/**
 * Saves one run: config.json at the start, metrics.csv appended and flushed row by row (so a
 * kill keeps every finished epoch), then summary.json, the figures and run.json at the end.
 * The same files go to every target folder (the store's and, for the CLI, --out).
 */
public final class RunRecorder {
    private final List<Path> folders;
    private final List<BufferedWriter> metricWriters = new ArrayList<>();
    private final Map<String, RunEvent.FigureUpdate> latestFigures = new LinkedHashMap<>();
    private final Map<String, RunEvent.Table> latestTables = new LinkedHashMap<>();
    private final String experimentId;
    private final Instant started = Instant.now();
    private List<String> metricColumns;

    private RunRecorder(String experimentId, List<Path> folders) {
        this.experimentId = experimentId;
        this.folders = folders;
    }

    public static RunRecorder open(RunStore store, String experimentId, Config config, List<Path> extraFolders)
            throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path extra : extraFolders) {
            Files.createDirectories(extra);
            if (!Files.isWritable(extra)) throw new IOException("folder is not writable: " + extra);
            folders.add(extra.toAbsolutePath());
        }
        if (store != null) folders.add(store.newRunFolder(experimentId));
        RunRecorder recorder = new RunRecorder(experimentId, folders);
        Map<String, Object> configJson = new LinkedHashMap<>();
        configJson.put("experiment", experimentId);
        configJson.putAll(config.values());
        for (Path f : folders) Json.writeFile(f.resolve("config.json"), configJson);
        recorder.writeRunInfo(RunStatus.RUNNING, "running");
        return recorder;
    }

    /** The folder the app lists the run under: the store's if there is one. */
    public Path primaryFolder() {
        return folders.isEmpty() ? null : folders.get(folders.size() - 1);
    }

    public synchronized void appendMetrics(Map<String, Object> row) throws IOException {
        if (metricColumns == null) {
            metricColumns = new ArrayList<>(row.keySet());
            for (Path f : folders) {
                BufferedWriter w = Files.newBufferedWriter(f.resolve("metrics.csv"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                w.write(String.join(",", metricColumns));
                w.newLine();
                metricWriters.add(w);
            }
        }
        List<String> cells = new ArrayList<>();
        for (String c : metricColumns) cells.add(Csv.cell(row.get(c)));
        String line = String.join(",", cells);
        for (BufferedWriter w : metricWriters) {
            w.write(line);
            w.newLine();
            w.flush();
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

    public void writeSummary(Map<String, Object> summary) throws IOException {
        for (Path f : folders) Json.writeFile(f.resolve("summary.json"), summary);
    }

    /** Closes metrics.csv and writes figures, tables and the final status. */
    public synchronized void finish(RunStatus status, String message) throws IOException {
        IOException first = null;
        for (BufferedWriter w : metricWriters) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        for (Path f : folders) {
            try {
                for (RunEvent.FigureUpdate fig : latestFigures.values()) {
                    FigureExporter.writePng(fig.figure(), f.resolve(fig.id() + ".png"), 2.0);
                    FigureExporter.writeCsv(fig.figure(), f.resolve(fig.id() + ".csv"));
                }
                for (RunEvent.Table t : latestTables.values()) {
                    AtomicFiles.writeString(f.resolve(t.id() + ".csv"), Csv.table(t.columns(), t.rows()));
                }
            } catch (IOException | RuntimeException e) {
                if (first == null) first = e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e);
            }
        }
        writeRunInfo(status, message);
        if (first != null) throw first;
    }

    /** Records the run's status in run.json (atomically, in every target folder). */
    public void writeRunInfo(RunStatus status, String message) throws IOException {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("experiment", experimentId);
        info.put("status", status.name().toLowerCase());
        info.put("message", message);
        info.put("started", started.toString());
        if (status.isFinal()) info.put("ended", Instant.now().toString());
        for (Path f : folders) Json.writeFile(f.resolve("run.json"), info);
    }
}
