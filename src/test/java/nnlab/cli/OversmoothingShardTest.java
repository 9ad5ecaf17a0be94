package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * oversmoothing's units (one GCN per depth) run as two shards and merged equal the study run whole:
 * accuracies, per-layer measures, every epoch's losses, the results table and the PCA figures' data.
 */
class OversmoothingShardTest {
    private static final List<String> STUDY = List.of("run", "oversmoothing", "--graph", "karate", "--depths", "1,3,2", "--epochs", "4");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void cli(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--runs-dir", tmp.resolve("runs").toString()));
        int code = Cli.run(all.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }

    private void run(String out, String... extra) {
        List<String> args = new ArrayList<>(STUDY);
        args.addAll(List.of("--out", tmp.resolve(out).toString()));
        args.addAll(List.of(extra));
        cli(args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoShardsMergedEqualTheWholeStudy() throws Exception {
        run("whole");
        run("p0", "--shard", "0/2");
        run("p1", "--shard", "1/2");
        List<Object> units0 = (List<Object>) Json.readMap(tmp.resolve("p0/part.json")).get("units");
        List<Object> units1 = (List<Object>) Json.readMap(tmp.resolve("p1/part.json")).get("units");
        assertEquals(3, units0.size() + units1.size(), "every depth in exactly one shard: " + units0 + " / " + units1);
        assertTrue(units0.contains("depth-3"), "the costliest depth goes first, to shard 0: " + units0);
        cli(List.of("merge", tmp.resolve("p0").toString(), tmp.resolve("p1").toString(), "--out", tmp.resolve("merged").toString()));

        assertEquals(withoutSeconds(Json.readMap(tmp.resolve("whole/summary.json"))), withoutSeconds(Json.readMap(tmp.resolve("merged/summary.json"))));
        assertEquals(withoutSecondsColumn(tmp.resolve("whole/metrics.csv")), withoutSecondsColumn(tmp.resolve("merged/metrics.csv")));
        assertEquals(3 * 5 + 1, Files.readAllLines(tmp.resolve("merged/metrics.csv")).size(), "epochs 0..4 of three depths, and a header");
        for (int depth : new int[] {1, 2, 3}) {
            String pca = "pca-depth-" + depth + ".csv";
            assertEquals(Files.readString(tmp.resolve("whole").resolve(pca)), Files.readString(tmp.resolve("merged").resolve(pca)), pca);
        }
    }

    private static Object withoutSeconds(Object json) {
        if (json instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!String.valueOf(k).contains("second")) out.put(String.valueOf(k), withoutSeconds(v));
            });
            return out;
        }
        if (json instanceof List<?> l) return l.stream().map(OversmoothingShardTest::withoutSeconds).toList();
        return json;
    }

    private static List<String> withoutSecondsColumn(Path csv) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) out.add(line.substring(0, line.lastIndexOf(',')));
        return out;
    }
}
