package nnlab.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.Csv;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.RunStore;

/**
 * The run folders saved before the plug-in refactor (src/test/resources/fixtures/runs-v1) and the
 * comparison of a fresh run with them: same files, same settings, same columns and rows, same
 * numbers. Wall-clock values (seconds, s/epoch) and timestamps are left out; everything else must
 * agree within {@link #RELATIVE} / {@link #ABSOLUTE}. On one machine the studies are bit-exact run
 * to run (one engine thread, seeded; checked by running each study twice); the tolerance only
 * allows for the last digits of a double should a refactor reorder a sum, not for a changed
 * result. The CSV files print 6 significant digits, so for them it means the same printed digits.
 */
final class GoldenRuns {
    static final List<String> EXPERIMENTS = List.of("padding", "rotation", "posenc", "oversmoothing");
    static final double RELATIVE = 1e-6;
    static final double ABSOLUTE = 1e-9;

    /** Columns (any CSV) and keys (summary.json) that hold wall-clock time, compared by presence only. */
    private static final Set<String> WALL_CLOCK = Set.of("seconds", "seconds_per_epoch", "s/epoch");
    /**
     * run.json keys that depend on when and where the run happened ("message" says "finished in 2 s"),
     * and the headline, whose wording changed on purpose (issue #23: it states the lesson); its numbers
     * are summary.json's, which is compared.
     */
    private static final Set<String> RUN_JSON_UNCOMPARED = Set.of("started", "ended", "pid", "message", "headline");

    /** The run's own log (issue #23), newer than the fixtures: it holds times, so it is not compared. */
    private static final String LOG_FILE = "run.log";

    /** The padding study's round column, counted from 0 in the fixtures and from 1 since issue #23 (as shown live). */
    private static final String ROUND = "round";

    private GoldenRuns() { }

    /** The fixture's run folder of an experiment, e.g. fixtures/runs-v1/padding. */
    static Path fixture(String experimentId) {
        URL url = GoldenRuns.class.getResource("/fixtures/runs-v1/" + experimentId);
        if (url == null) throw new IllegalStateException("no fixture for " + experimentId);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Experiment experiment(String experimentId) {
        return ExperimentCatalog.byId(experimentId).orElseThrow(() -> new AssertionError("no experiment " + experimentId));
    }

    /** Runs the experiment with these settings (as on the command line) into runsDir and returns its folder. */
    static Path runFresh(String experimentId, Map<String, String> settings, Path runsDir) throws InterruptedException {
        NativeSetup.initNow();
        Experiment experiment = experiment(experimentId);
        try (RunEngine engine = new RunEngine(1, new RunStore(runsDir))) {
            Run run = engine.submit(experiment, experiment.schema().fromText(settings));
            assertTrue(run.await(10, TimeUnit.MINUTES), experimentId + ": the short run did not finish");
            assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
            return run.folder();
        }
    }

    /** Runs the settings and compares the new folder with the experiment's fixture. */
    static void assertSameAsFixture(String experimentId, Map<String, String> settings, Path runsDir) throws Exception {
        assertSameAsFixture(experimentId, settings, runsDir, RELATIVE);
    }

    /** The same with a looser relative tolerance, for a study whose float32 rounding changed on purpose (say where). */
    static void assertSameAsFixture(String experimentId, Map<String, String> settings, Path runsDir, double relative) throws Exception {
        assertSameRun(fixture(experimentId), runFresh(experimentId, settings, runsDir), relative);
    }

    static void assertSameRun(Path expected, Path actual) throws IOException {
        assertSameRun(expected, actual, RELATIVE);
    }

    static void assertSameRun(Path expected, Path actual, double relative) throws IOException {
        Set<String> fresh = visibleFiles(actual);
        fresh.remove(LOG_FILE);
        assertEquals(visibleFiles(expected), fresh, "the files of the run folder");
        assertEquals(savedSettings(expected), savedSettings(actual), "config.json, read as History reads it");
        assertRunJson(Json.readMap(expected.resolve("run.json")), Json.readMap(actual.resolve("run.json")));
        assertSameValue("summary.json", Json.readMap(expected.resolve("summary.json")), Json.readMap(actual.resolve("summary.json")), relative);
        for (String name : visibleFiles(expected)) {
            if (name.endsWith(".csv")) assertSameCsv(name, readCsv(expected.resolve(name)), testBarsOnly(name, readCsv(actual.resolve(name))), relative);
        }
    }

    /**
     * A run folder's config.json as History's re-run reads it: a key the fixture predates takes
     * the value that stands for its absence (e.g. the padding study's generator "java"), so a
     * fresh run must use exactly the old behaviour's settings to match.
     */
    static Map<String, Object> savedSettings(Path folder) throws IOException {
        Map<String, Object> json = new java.util.LinkedHashMap<>(Json.readMap(folder.resolve("config.json")));
        Object id = json.remove("experiment");
        Map<String, Object> settings = new java.util.LinkedHashMap<>(experiment(String.valueOf(id)).schema().fromValues(json).values());
        settings.put("experiment", id);
        return settings;
    }

    private static void assertRunJson(Map<String, Object> expected, Map<String, Object> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "run.json keys");
        for (String key : expected.keySet()) {
            if (!RUN_JSON_UNCOMPARED.contains(key)) assertEquals(expected.get(key), actual.get(key), "run.json " + key);
        }
    }

    /** Same columns, same number of rows, every cell equal (numbers within the tolerance). */
    /**
     * Since issue #23 the padding bars show validation beside test accuracy ("Net1 · validation",
     * "Net1 · test"); the fixture has the test bars alone, named by net. The test bars must be unchanged.
     */
    private static CsvTable testBarsOnly(String name, CsvTable fresh) {
        if (!name.equals("test-accuracy.csv") || !fresh.columns().contains("group")) return fresh;
        int group = fresh.columns().indexOf("group");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : fresh.rows()) {
            String g = row.get(group);
            if (g.endsWith(" · validation")) continue;
            List<String> copy = new ArrayList<>(row);
            copy.set(group, g.replace(" · test", ""));
            rows.add(copy);
        }
        return new CsvTable(fresh.columns(), rows);
    }

    static void assertSameCsv(String name, CsvTable expected, CsvTable actual, double relative) {
        assertEquals(expected.columns(), actual.columns(), name + " columns");
        assertEquals(expected.rows().size(), actual.rows().size(), name + " rows");
        for (int r = 0; r < expected.rows().size(); r++) {
            List<String> e = expected.rows().get(r);
            List<String> a = actual.rows().get(r);
            assertEquals(e.size(), a.size(), name + " row " + (r + 1) + " cells");
            for (int c = 0; c < e.size(); c++) {
                String column = expected.columns().get(c);
                String where = name + " row " + (r + 1) + " column " + column;
                if (isWallClock(column)) {
                    assertEquals(e.get(c).isEmpty(), a.get(c).isEmpty(), where + " filled");
                } else if (name.equals("metrics.csv") && column.equals(ROUND)) {
                    assertEquals(Integer.parseInt(e.get(c)) + 1, Integer.parseInt(a.get(c)), where + " (counted from 1 now)");
                } else {
                    assertSameCell(where, e.get(c), a.get(c), relative);
                }
            }
        }
    }

    /** JSON values: maps by key, lists by position, numbers within the tolerance, the rest equal. */
    @SuppressWarnings("unchecked")
    static void assertSameValue(String where, Object expected, Object actual, double relative) {
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            assertEquals(e.keySet(), a.keySet(), where + " keys");
            for (Object key : e.keySet()) {
                if (isWallClock(String.valueOf(key))) {
                    assertTrue(a.get(key) instanceof Number, where + "." + key + " is a number");
                } else {
                    assertSameValue(where + "." + key, e.get(key), a.get(key), relative);
                }
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            assertEquals(e.size(), a.size(), where + " length");
            for (int i = 0; i < e.size(); i++) assertSameValue(where + "[" + i + "]", e.get(i), a.get(i), relative);
        } else if (expected instanceof Number e && actual instanceof Number a) {
            assertClose(where, e.doubleValue(), a.doubleValue(), relative);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    private static void assertSameCell(String where, String expected, String actual, double relative) {
        Double e = number(expected);
        Double a = number(actual);
        if (e != null && a != null) {
            assertClose(where, e, a, relative);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    static boolean close(double expected, double actual) {
        return close(expected, actual, RELATIVE);
    }

    static boolean close(double expected, double actual, double relative) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) return Double.isNaN(expected) && Double.isNaN(actual);
        if (expected == actual) return true; // also equal infinities
        double diff = Math.abs(expected - actual);
        return diff <= ABSOLUTE || diff <= relative * Math.max(Math.abs(expected), Math.abs(actual));
    }

    private static void assertClose(String where, double expected, double actual, double relative) {
        if (!close(expected, actual, relative)) fail(where + ": expected " + expected + " but was " + actual);
    }

    private static boolean isWallClock(String name) {
        return WALL_CLOCK.contains(name.toLowerCase(Locale.ROOT));
    }

    private static Double number(String cell) {
        if (cell.isEmpty()) return null;
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static CsvTable readCsv(Path file) throws IOException {
        return Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** File names in a run folder, without the hidden ones (the lock file, temporary files). */
    static Set<String> visibleFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** Copies every fixture run folder into root (as root/padding, root/rotation, …). */
    static List<Path> copyFixturesInto(Path root) throws IOException {
        List<Path> copies = new ArrayList<>();
        for (String id : EXPERIMENTS) {
            Path target = Files.createDirectories(root.resolve(id));
            for (String name : visibleFiles(fixture(id))) {
                Files.copy(fixture(id).resolve(name), target.resolve(name));
            }
            copies.add(target);
        }
        return copies;
    }
}
