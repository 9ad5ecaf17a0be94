package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** rotation's two units (model A, model B) run as two shards and merged equal the study run whole: accuracies, losses, metrics. */
@org.junit.jupiter.api.Tag("slow")
class RotationShardTest {
    private static final List<String> STUDY = List.of("run", "rotation", "--train-size", "64", "--test-size", "32", "--epochs", "1",
            "--batch-size", "32", "--angle-step", "90");

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
    void twoShardsMergedEqualTheWholeStudy() throws Exception {
        run("whole");
        run("p0", "--shard", "0/2");
        run("p1", "--shard", "1/2");
        assertEquals(List.of("model-A"), Json.readMap(tmp.resolve("p0/part.json")).get("units"));
        cli(List.of("merge", tmp.resolve("p0").toString(), tmp.resolve("p1").toString(), "--out", tmp.resolve("merged").toString()));
        assertEquals(withoutSeconds(Json.readMap(tmp.resolve("whole/summary.json"))), withoutSeconds(Json.readMap(tmp.resolve("merged/summary.json"))));
        assertEquals(withoutSecondsColumn(tmp.resolve("whole/metrics.csv")), withoutSecondsColumn(tmp.resolve("merged/metrics.csv")));
        assertEquals(Files.readString(tmp.resolve("whole/per-class.csv")), Files.readString(tmp.resolve("merged/per-class.csv")));
    }

    @SuppressWarnings("unchecked")
    private static Object withoutSeconds(Object json) {
        if (json instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!String.valueOf(k).contains("second")) out.put(String.valueOf(k), withoutSeconds(v));
            });
            return out;
        }
        return json;
    }

    private static List<String> withoutSecondsColumn(Path csv) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) out.add(line.substring(0, line.lastIndexOf(',')));
        return out;
    }
}
