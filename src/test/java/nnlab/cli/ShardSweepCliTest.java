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
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep over the test plug-in 'echo' (a study of one unit, summary {points, last = points²}): locally and as shards merged. */
class ShardSweepCliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--runs-dir", tmp.resolve("runs").toString()));
        return Cli.run(all.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLocalSweepTabulatesEveryPointAndPlotsEverySetting() throws Exception {
        Path out = tmp.resolve("sweep");
        assertEquals(0, cli("sweep", "echo", "--grid", "points=2,3,5", "--out", out.toString()), errText());
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(List.of("points,points (mean ± std),last (mean ± std)", "2,2.000 ± 0.0,4.000 ± 0.0", "3,3.000 ± 0.0,9.000 ± 0.0",
                "5,5.000 ± 0.0,25.00 ± 0.0"), lines);
        assertTrue(Files.size(out.resolve("sweep-points.png")) > 0);
        assertTrue(Files.readString(out.resolve("sweep-points.csv")).contains("25"));
        assertEquals(3, ((List<?>) Json.readMap(out.resolve("sweep.json")).get("points")).size());
    }

    @Test
    void aShardedSweepMergedGivesTheSameTable() throws Exception {
        Path local = tmp.resolve("local");
        Path sharded = tmp.resolve("sharded");
        assertEquals(0, cli("sweep", "echo", "--grid", "points=2,3", "--out", local.toString()), errText());
        for (int i = 0; i < 2; i++) {
            assertEquals(0, cli("sweep", "echo", "--grid", "points=2,3", "--out", sharded.toString(), "--shard", i + "/2"), errText());
        }
        // A study of one unit: shard 0 ran it whole, shard 1 holds nothing of it.
        assertEquals(List.of("whole"), Json.readMap(sharded.resolve("point-01/part-0/part.json")).get("units"));
        assertEquals(List.of(), Json.readMap(sharded.resolve("point-01/part-1/part.json")).get("units"));
        assertEquals(0, cli("sweep", "echo", "--grid", "points=2,3", "--out", sharded.toString(), "--merge"), errText());
        assertEquals(Files.readString(local.resolve("sweep.csv")), Files.readString(sharded.resolve("sweep.csv")));
        assertEquals(2, ((List<?>) Json.readMap(sharded.resolve("point-02/merged/run.json")).get("parts")).size());
    }

    @Test
    void aGridNamingAnUnknownSettingIsRefused() {
        assertEquals(Cli.USAGE, cli("sweep", "echo", "--grid", "lr=1,2", "--out", tmp.resolve("x").toString()));
        assertTrue(errText().contains("echo has no setting 'lr'"), errText());
    }

    @Test
    void runHelpSaysWhatAUnitIs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.run(new String[] {"run", "padding", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err));
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertTrue(help.contains("--shard") && help.contains("one unit"), help);
    }
}
