package nnlab.kernel.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nnlab.kernel.run.RunStatus;

/**
 * Reads the runs saved in a {@link RunStore}: lists them (never failing because one folder is
 * bad), reads back their settings, metrics, tables and figures, renames and deletes them.
 */
public final class RunHistory {
    static final String RUN_JSON = "run.json";
    static final String CONFIG_JSON = "config.json";
    static final String METRICS_CSV = "metrics.csv";

    private final RunStore store;

    public RunHistory(RunStore store) {
        this.store = store;
    }

    public RunStore store() {
        return store;
    }

    /** Every run folder in the store, newest first; damaged folders included with the reason. */
    public List<SavedRun> list() {
        List<SavedRun> runs = new ArrayList<>();
        Map<Path, Instant> sortKeys = new LinkedHashMap<>();
        if (!Files.isDirectory(store.root())) return runs;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(store.root())) {
            for (Path entry : entries) {
                // Stray files (notes, exports, temporary files) are not runs; hidden folders neither.
                if (!Files.isDirectory(entry) || entry.getFileName().toString().startsWith(".")) continue;
                SavedRun run = load(entry);
                runs.add(run);
                sortKeys.put(entry, run.started() != null ? run.started() : lastModified(entry));
            }
        } catch (IOException | RuntimeException e) {
            // The root itself went unreadable mid-listing: show what was read so far.
        }
        runs.sort(Comparator.comparing((SavedRun r) -> sortKeys.get(r.folder())).reversed()
                .thenComparing(r -> r.folder().getFileName().toString(), Comparator.reverseOrder()));
        return runs;
    }

    /** Reads one run folder; never throws: what cannot be read becomes the entry's damage. */
    public SavedRun load(Path folder) {
        try {
            return read(folder);
        } catch (RuntimeException e) {
            return damaged(folder, null, "cannot be read: " + e);
        }
    }

    private SavedRun read(Path folder) {
        Map<String, Object> info;
        try {
            info = Json.readMap(folder.resolve(RUN_JSON));
        } catch (NoSuchFileException e) {
            if (RunLock.probe(folder) == RunLock.Liveness.LIVE) {
                // A run between creating its folder and writing its first run.json.
                return new SavedRun(folder, folder.getFileName().toString(), experimentFromConfig(folder),
                        RunStatus.RUNNING, "starting", null, null, "", null);
            }
            return damaged(folder, experimentFromConfig(folder), RUN_JSON + " is missing");
        } catch (IOException e) {
            return damaged(folder, experimentFromConfig(folder), RUN_JSON + " is unreadable: " + firstLine(e));
        }
        List<String> damage = new ArrayList<>();
        String experimentId = text(info.get("experiment"));
        if (experimentId == null) experimentId = experimentFromConfig(folder);
        String name = text(info.get("name"));
        if (name == null || name.isBlank()) name = folder.getFileName().toString();
        String message = text(info.get("message"));
        Instant started = instant(info.get("started"), "started", damage);
        Instant ended = instant(info.get("ended"), "ended", damage);
        String headline = text(info.get("headline"));

        RunStatus status = status(info.get("status"));
        if (status == null) {
            damage.add(RUN_JSON + " has an unknown status '" + info.get("status") + "'");
            status = RunStatus.FAILED;
            if (message == null) message = "unknown status";
        } else if (!status.isFinal() && !isLive(folder, info)) {
            // The writer may have just finished: its final run.json is written before it unlocks.
            SavedRun again = reread(folder);
            if (again != null) return again;
            status = RunStatus.INTERRUPTED;
            message = "interrupted: the process stopped during the run; " + keptRows(folder);
            ended = null;
        }

        try {
            Json.readMap(folder.resolve(CONFIG_JSON));
        } catch (NoSuchFileException e) {
            damage.add(CONFIG_JSON + " is missing");
        } catch (IOException e) {
            damage.add(CONFIG_JSON + " is unreadable: " + firstLine(e));
        }
        if (headline == null || headline.isBlank()) headline = headlineFromLastMetrics(folder);
        return new SavedRun(folder, name, experimentId, status, message == null ? "" : message, started, ended,
                headline, damage.isEmpty() ? null : String.join("; ", damage));
    }

    /** The run.json written since the first read, if it is now final (otherwise null). */
    private SavedRun reread(Path folder) {
        try {
            Map<String, Object> info = Json.readMap(folder.resolve(RUN_JSON));
            RunStatus status = status(info.get("status"));
            return status != null && status.isFinal() ? read(folder) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isLive(Path folder, Map<String, Object> info) {
        switch (RunLock.probe(folder)) {
            case LIVE: return true;
            case DEAD: return false;
            default:
                // No file locks here: fall back on the writer's process id (which the OS may reuse).
                Object pid = info.get("pid");
                return pid instanceof Number
                        && ProcessHandle.of(((Number) pid).longValue()).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private static SavedRun damaged(Path folder, String experimentId, String reason) {
        return new SavedRun(folder, folder.getFileName().toString(), experimentId, RunStatus.FAILED, reason,
                null, null, headlineFromLastMetrics(folder), reason);
    }

    private static String experimentFromConfig(Path folder) {
        try {
            return text(Json.readMap(folder.resolve(CONFIG_JSON)).get("experiment"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static RunStatus status(Object value) {
        if (!(value instanceof String)) return null;
        try {
            return RunStatus.valueOf(((String) value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(Object value, String key, List<String> damage) {
        if (value == null) return null;
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            damage.add(RUN_JSON + " has a bad '" + key + "' time '" + value + "'");
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static Instant lastModified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** "7 rows kept in metrics.csv": the complete rows a killed writer left behind. */
    private static String keptRows(Path folder) {
        long rows = completeMetricsRows(folder.resolve(METRICS_CSV));
        if (rows <= 0) return "no metrics were saved";
        return rows + (rows == 1 ? " row" : " rows") + " kept in " + METRICS_CSV;
    }

    /** Complete data rows (line breaks after the header's); -1 when the file is missing or unreadable. */
    static long completeMetricsRows(Path file) {
        long lineBreaks = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) if (buffer[i] == '\n') lineBreaks++;
            }
        } catch (IOException e) {
            return -1;
        }
        return Math.max(0, lineBreaks - 1);
    }

    /**
     * For runs that saved no headline (interrupted, or older than headlines): the last complete
     * metrics row, e.g. "epoch 7, val_acc 0.905". Reads only the file's head and tail.
     */
    static String headlineFromLastMetrics(Path folder) {
        Path file = folder.resolve(METRICS_CSV);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int headLength = (int) Math.min(size, 8192);
            byte[] head = new byte[headLength];
            raf.readFully(head);
            String headText = new String(head, StandardCharsets.UTF_8);
            int headerEnd = headText.indexOf('\n');
            if (headerEnd < 0) return "";
            int tailLength = (int) Math.min(size, 8192);
            byte[] tail = new byte[tailLength];
            raf.seek(size - tailLength);
            raf.readFully(tail);
            String tailText = new String(tail, StandardCharsets.UTF_8);
            int lastBreak = tailText.lastIndexOf('\n');
            int previousBreak = lastBreak <= 0 ? -1 : tailText.lastIndexOf('\n', lastBreak - 1);
            if (lastBreak < 0 || previousBreak < 0 || size - tailLength + previousBreak < headerEnd) return "";
            String lastRow = tailText.substring(previousBreak + 1, lastBreak);
            CsvTable table = Csv.parse(headText.substring(0, headerEnd) + "\n" + lastRow + "\n");
            return table.rows().isEmpty() ? "" : describeRow(table.columns(), table.rows().get(0));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** "70.5000" → "70.5", "0.693147" → "0.6931": the list shows a result, not the CSV's precision. */
    private static String shortNumber(String cell) {
        try {
            double v = Double.parseDouble(cell);
            return Double.isFinite(v) ? new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", v))
                    .stripTrailingZeros().toPlainString() : cell;
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    private static String describeRow(List<String> columns, List<String> row) {
        List<String> parts = new ArrayList<>();
        int epoch = columns.indexOf("epoch");
        if (epoch >= 0 && epoch < row.size()) parts.add("epoch " + row.get(epoch));
        int score = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).contains("acc")) score = i;
        }
        if (score < 0) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).contains("loss")) score = i;
            }
        }
        if (score >= 0 && score < row.size()) parts.add(columns.get(score) + " " + shortNumber(row.get(score)));
        if (parts.isEmpty()) {
            for (int i = 0; i < Math.min(2, Math.min(columns.size(), row.size())); i++) {
                parts.add(columns.get(i) + " " + row.get(i));
            }
        }
        return String.join(", ", parts);
    }

    /** The run's settings as saved in config.json, without the "experiment" key. */
    public Map<String, Object> settings(SavedRun run) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>(readJson(run.folder().resolve(CONFIG_JSON)));
        values.remove("experiment");
        return values;
    }

    /** metrics.csv read back (every row that was flushed, also for interrupted runs). */
    public CsvTable metrics(SavedRun run) throws IOException {
        Path file = run.folder().resolve(METRICS_CSV);
        if (!Files.exists(file)) return new CsvTable(List.of(), List.of());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // A kill in the middle of a write leaves a last line without its line break: drop it.
        int lastBreak = text.lastIndexOf('\n');
        text = lastBreak < 0 ? "" : text.substring(0, lastBreak + 1);
        return parseCsv(file, text);
    }

    /** The run's saved figures: id → PNG file (each also has id.csv beside it). */
    public Map<String, Path> figures(SavedRun run) throws IOException {
        Map<String, Path> figures = new TreeMap<>();
        for (Path file : files(run.folder(), ".png")) figures.put(stem(file), file);
        return figures;
    }

    /** The run's saved results tables: id → table (CSV files that are not a figure's data). */
    public Map<String, CsvTable> tables(SavedRun run) throws IOException {
        Map<String, CsvTable> tables = new TreeMap<>();
        for (Path file : files(run.folder(), ".csv")) {
            String id = stem(file);
            if (file.getFileName().toString().equals(METRICS_CSV)) continue;
            if (Files.exists(run.folder().resolve(id + ".png"))) continue;
            tables.put(id, parseCsv(file, Files.readString(file, StandardCharsets.UTF_8)));
        }
        return tables;
    }

    /** Gives the run a display name (saved in run.json; the folder keeps its name). Blank restores the folder name. */
    public SavedRun rename(SavedRun run, String newName) throws IOException {
        Path file = run.folder().resolve(RUN_JSON);
        Map<String, Object> info = new LinkedHashMap<>(readJson(file));
        if (newName == null || newName.isBlank()) {
            info.remove("name");
        } else {
            info.put("name", newName.strip());
        }
        Json.writeFile(file, info);
        return load(run.folder());
    }

    /** Deletes the run's folder and everything in it; refuses a run that is still being written. */
    public void delete(SavedRun run) throws IOException {
        Path folder = run.folder().toAbsolutePath().normalize();
        if (!store.root().normalize().equals(folder.getParent())) {
            throw new IOException("not a run folder of " + store.root() + ": " + folder);
        }
        if (RunLock.probe(folder) == RunLock.Liveness.LIVE) {
            throw new IOException("the run in " + folder + " is still running; cancel it first");
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Map<String, Object> readJson(Path file) throws IOException {
        try {
            return Json.readMap(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file.getFileName() + " is missing in " + file.getParent(), e);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + firstLine(e), e);
        }
    }

    private static CsvTable parseCsv(Path file, String text) throws IOException {
        try {
            return Csv.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                // Hidden names are AtomicFiles' temporary files and the lock file.
                if (!name.startsWith(".") && name.endsWith(suffix) && Files.isRegularFile(p)) files.add(p);
            }
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
