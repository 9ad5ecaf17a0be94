package nnlab.kernel.report;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.ExportFiles;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.RunStore;
import nnlab.kernel.store.SavedRun;

/**
 * A run's report: one self-contained HTML file (figures inside it, no other file needed) with the
 * run's results tables, figures, curves, settings, the command line that repeats it and the
 * software and machine, built only from the saved run folder, so any saved run gets one, also an
 * old one. For an experiment that offers {@link nnlab.kernel.run.PublishedResults}, the write-up's
 * numbers stand beside the run's, marked as quoted.
 */
public final class RunReport {
    public static final String FILE_NAME = "report.html";

    /**
     * Everything the report shows, read from the folder. Parts that cannot be read are left empty
     * and named in {@code problems}, so a damaged run still gets a report of what survived.
     *
     * @param experiment null when this NN Lab does not know the run's experiment
     * @param settings   null when config.json could not be read
     * @param summary    null when there is no readable summary.json
     */
    record Contents(SavedRun run, Experiment experiment, Map<String, Object> settings, Map<String, Object> summary,
                    CsvTable metrics, Map<String, CsvTable> tables, Map<String, Path> figures, Map<String, String> titles,
                    List<String> problems, Instant written) {

        String title(String id) {
            return titles.getOrDefault(id, ViewSpec.titleFromId(id));
        }
    }

    private RunReport() { }

    /** The report's HTML for the run in this folder; its experiment is looked up in the {@link ExperimentCatalog}. */
    public static String html(Path runFolder) {
        return html(runFolder, null);
    }

    /** The report's HTML, with the run's experiment as the caller knows it (null: look it up in the catalogue). */
    public static String html(Path runFolder, Experiment experiment) {
        return ReportPage.render(read(runFolder, experiment));
    }

    /**
     * Writes report.html into each folder (the run's, and --out's), atomically. Unless replace is
     * true, refuses before writing anything when one of them already has a report.
     *
     * @return the files written
     */
    public static List<Path> write(Path runFolder, List<Path> targets, boolean replace) throws IOException {
        return write(runFolder, null, targets, replace);
    }

    /** {@link #write(Path, List, boolean)} with the run's experiment as the caller knows it (null: look it up). */
    public static List<Path> write(Path runFolder, Experiment experiment, List<Path> targets, boolean replace) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path t : targets) files.add(ExportFiles.resolve(t, FILE_NAME));
        if (!replace) {
            for (Path f : files) if (java.nio.file.Files.exists(f)) throw new ExportFiles.AlreadyThere(f);
        }
        String html = html(runFolder, experiment);
        for (Path f : files) ExportFiles.writeString(f, html, true);
        return files;
    }

    static Contents read(Path runFolder, Experiment known) {
        Path folder = runFolder.toAbsolutePath().normalize();
        RunHistory history = new RunHistory(new RunStore(folder.getParent() == null ? folder : folder.getParent()));
        SavedRun run = history.load(folder);
        Experiment experiment = known != null ? known
                : run.experimentId() == null ? null : ExperimentCatalog.byId(run.experimentId()).orElse(null);
        List<String> problems = new ArrayList<>();
        Map<String, Object> settings = null;
        try {
            settings = new LinkedHashMap<>(history.settings(run));
        } catch (IOException | RuntimeException e) {
            problems.add("settings (config.json): " + describe(e));
        }
        Map<String, Object> summary = null;
        try {
            summary = Json.readMap(folder.resolve("summary.json"));
        } catch (NoSuchFileException e) {
            // an unfinished run has none; the status says why
        } catch (IOException | RuntimeException e) {
            problems.add("summary.json: " + describe(e));
        }
        CsvTable metrics = new CsvTable(List.of(), List.of());
        try {
            metrics = history.metrics(run);
        } catch (IOException | RuntimeException e) {
            problems.add("metrics.csv: " + describe(e));
        }
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        Map<String, Path> figures = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        Map<String, String> titles = declaredTitles(experiment, settings, order);
        try {
            tables = inOrder(history.tables(run), order);
        } catch (IOException | RuntimeException e) {
            problems.add("results tables: " + describe(e));
        }
        try {
            figures = inOrder(history.figures(run), order);
        } catch (IOException | RuntimeException e) {
            problems.add("figures: " + describe(e));
        }
        return new Contents(run, experiment, settings, summary, metrics, tables, figures, titles, List.copyOf(problems), Instant.now());
    }

    /** The titles the experiment declares its views with for these settings; fills order with their ids. */
    private static Map<String, String> declaredTitles(Experiment experiment, Map<String, Object> settings, List<String> order) {
        Map<String, String> titles = new HashMap<>();
        if (experiment == null || settings == null) return titles;
        try {
            for (ViewSpec v : experiment.views(experiment.schema().fromValues(settings))) {
                titles.put(v.id(), v.title());
                order.add(v.id());
            }
        } catch (RuntimeException e) {
            // settings this version no longer accepts: the ids still make readable titles
        }
        return titles;
    }

    /** The declared views first, in the experiment's order, then the rest by name. */
    private static <T> Map<String, T> inOrder(Map<String, T> byName, List<String> order) {
        Map<String, T> out = new LinkedHashMap<>();
        for (String id : order) if (byName.containsKey(id)) out.put(id, byName.get(id));
        out.putAll(byName);
        return out;
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) return "missing (" + n.getFile() + ")";
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
