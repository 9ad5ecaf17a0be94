package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A study run through the command line in-process (whole, as a shard, merged), and its outputs compared but for timings. */
final class ShardStudyRuns {
    private final Path tmp;
    private final List<String> study;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    ShardStudyRuns(Path tmp, List<String> study) {
        this.tmp = tmp;
        this.study = study;
    }

    /** Runs a command with the test's runs folder and asserts it exits 0, showing stderr otherwise. */
    void cli(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--runs-dir", tmp.resolve("runs").toString()));
        int code = Cli.run(all.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }

    /** The study into {@code tmp/out}, with extra options such as {@code --shard 0/2}. */
    void run(String out, String... extra) {
        List<String> args = new ArrayList<>(study);
        args.addAll(List.of("--out", tmp.resolve(out).toString()));
        args.addAll(List.of(extra));
        cli(args);
    }

    /** The study whole (into tmp/whole) and as shards 0/2 and 1/2 (into tmp/p0, tmp/p1). */
    void runWholeAndTwoShards() {
        run("whole");
        run("p0", "--shard", "0/2");
        run("p1", "--shard", "1/2");
    }

    /** The unit ids a part folder's part.json lists. */
    @SuppressWarnings("unchecked")
    List<String> units(String part) throws java.io.IOException {
        return new ArrayList<>((List<String>) nnlab.kernel.store.Json.readMap(tmp.resolve(part).resolve("part.json")).get("units"));
    }

    /**
     * tmp/merged holds the files of tmp/whole (among them {@code expected}); each file not in
     * {@code timed} byte for byte, summary.json and metrics.csv but for their seconds. Returns
     * the merged metrics rows (without seconds) for further checks.
     */
    List<String> assertMergedEqualsWhole(java.util.Set<String> timed, java.util.Set<String> expected) throws Exception {
        Path whole = tmp.resolve("whole");
        Path merged = tmp.resolve("merged");
        java.util.Set<String> files = names(whole);
        assertEquals(files, names(merged));
        assertTrue(files.containsAll(expected), files.toString());
        for (String f : files) {
            if (timed.contains(f)) continue;
            org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(merged.resolve(f)), f);
        }
        assertEquals(withoutSeconds(nnlab.kernel.store.Json.readMap(whole.resolve("summary.json"))),
                withoutSeconds(nnlab.kernel.store.Json.readMap(merged.resolve("summary.json"))));
        List<String> metrics = withoutSecondsColumn(merged.resolve("metrics.csv"));
        assertEquals(withoutSecondsColumn(whole.resolve("metrics.csv")), metrics);
        return metrics;
    }

    void merge(String... partsThenOut) {
        List<String> args = new ArrayList<>(List.of("merge"));
        for (int i = 0; i < partsThenOut.length - 1; i++) args.add(tmp.resolve(partsThenOut[i]).toString());
        args.addAll(List.of("--out", tmp.resolve(partsThenOut[partsThenOut.length - 1]).toString()));
        cli(args);
    }

    /** A summary without its timing keys (any key naming seconds), which no two runs share. */
    static Object withoutSeconds(Object json) {
        if (json instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!String.valueOf(k).contains("second")) out.put(String.valueOf(k), withoutSeconds(v));
            });
            return out;
        }
        if (json instanceof List<?> l) return l.stream().map(ShardStudyRuns::withoutSeconds).toList();
        return json;
    }

    /** metrics.csv without its last column (seconds). */
    static List<String> withoutSecondsColumn(Path csv) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) out.add(line.substring(0, line.lastIndexOf(',')));
        return out;
    }

    /** A table's CSV without its columns of seconds per epoch (a header naming "/epoch"); no cell of the table may hold a comma. */
    static List<List<String>> withoutTimingColumns(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<List<String>> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            assertEquals(header.size(), cells.length, csv + ": " + line);
            List<String> kept = new ArrayList<>();
            for (int k = 0; k < cells.length; k++) if (!header.get(k).contains("/epoch")) kept.add(cells[k]);
            out.add(kept);
        }
        assertTrue(out.get(0).size() < header.size(), csv + " has a timing column");
        return out;
    }

    /** The file names of a run folder, sorted. */
    static java.util.Set<String> names(Path folder) throws Exception {
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            return new java.util.TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
