package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A padding study (2 variants × 4 rounds) run as 3 shards in 3 separate JVMs and merged equals
 * the same study run whole in one: every round's numbers, the summary and metrics.csv.
 */
@Tag("slow")
class ShardedPaddingJvmsTest {
    private static final List<String> STUDY = List.of("run", "padding", "--net", "Net1", "--padding", "valid,fconv", "--rounds", "4",
            "--epochs", "2", "--train-size", "120", "--val-size", "60", "--test-size", "60", "--batch-size", "40",
            "--parallel-rounds", "1");

    @TempDir
    Path tmp;

    private Process start(String name, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.eclipse.deeplearning4j.helpers.disable=false", "-cp", System.getProperty("java.class.path"), "nnlab.Main"));
        command.addAll(STUDY);
        command.addAll(List.of("--out", tmp.resolve(name).toString(), "--runs-dir", tmp.resolve("runs").toString()));
        command.addAll(extra);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
    }

    private void await(Process p, String name) throws Exception {
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), name + " did not end");
        assertEquals(0, p.exitValue(), name + ": " + Files.readString(tmp.resolve(name + ".log")));
    }

    @Test
    void threeShardsMergedEqualTheWholeStudy() throws Exception {
        List<Process> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) shards.add(start("part" + i, List.of("--shard", i + "/3")));
        Process whole = start("whole", List.of());
        for (int i = 0; i < 3; i++) await(shards.get(i), "part" + i);
        await(whole, "whole");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> part = Json.readMap(tmp.resolve("part" + i).resolve("part.json"));
            // 8 equal rounds on 3 shards: 3, 3, 2.
            assertEquals(i < 2 ? 3 : 2, ((List<?>) part.get("units")).size(), part.toString());
        }
        Path merged = tmp.resolve("merged");
        int code = Cli.run(new String[] {"merge", tmp.resolve("part0").toString(), tmp.resolve("part1").toString(),
                tmp.resolve("part2").toString(), "--out", merged.toString(), "--runs-dir", tmp.resolve("runs").toString()},
                System.out, System.err);
        assertEquals(Cli.OK, code);
        List<Map<String, Object>> a = variants(merged);
        List<Map<String, Object>> b = variants(tmp.resolve("whole"));
        assertEquals(2, a.size());
        for (int v = 0; v < 2; v++) {
            assertEquals(4, ((List<?>) a.get(v).get("test_acc")).size());
            for (String key : List.of("net", "padding", "val_acc", "test_acc", "val_acc_mean", "val_acc_std", "test_acc_mean",
                    "test_acc_std", "epochs_run")) {
                assertEquals(b.get(v).get(key), a.get(v).get(key), key + " of variant " + v);
            }
        }
        // Sequential whole run (parallel-rounds 1) writes the rounds in the units' order, as the merge replays them.
        assertEquals(Files.readString(tmp.resolve("whole").resolve("metrics.csv")), Files.readString(merged.resolve("metrics.csv")));
        assertEquals(Json.readMap(tmp.resolve("whole").resolve("run.json")).get("headline"), Json.readMap(merged.resolve("run.json")).get("headline"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variants(Path folder) throws IOException {
        return (List<Map<String, Object>>) Json.readMap(folder.resolve("summary.json")).get("variants");
    }
}
