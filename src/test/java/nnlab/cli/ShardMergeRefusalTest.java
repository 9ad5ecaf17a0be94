package nnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.shard.PartFiles;
import nnlab.kernel.shard.ShardIndex;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.SettingsFiles;
import nnlab.padding.PaddingExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** merge refuses every broken set of parts with exit code 2 and a message naming the part and the reason. */
class ShardMergeRefusalTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A padding study of two units: Net1 · valid, rounds 1 and 2. */
    private static Config study(double lr) {
        Map<String, Object> values = new LinkedHashMap<>(new PaddingExperiment().schema().defaults().values());
        values.put("net", List.of("Net1"));
        values.put("padding", List.of("valid"));
        values.put("rounds", 2);
        values.put("lr", lr);
        return new PaddingExperiment().schema().fromValues(values);
    }

    /** A finished part folder as `run padding --shard i/2` leaves it, without training (the results are made up). */
    private Path part(String name, Config config, int shard, String version, String... units) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve(name));
        SettingsFiles.write(folder.resolve("config.json"), PaddingExperiment.ID, config);
        Json.writeFile(folder.resolve("run.json"), Map.of("experiment", "padding", "status", "finished", "message", "finished in 1 s"));
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        for (String u : units) {
            results.put(u, new LinkedHashMap<>(Map.of("val_acc", 90.0, "test_acc", 10.0 + shard, "best_val_loss", 0.3,
                    "epochs_run", 1, "seconds", 1.0, "metrics", List.of())));
        }
        PartFiles.write(List.of(folder), PartFiles.content("padding", config, new ShardIndex(shard, 2), version, List.of(units), results));
        return folder;
    }

    private Path part0() throws IOException {
        return part("p0", study(1.0), 0, Cli.version(), "Net1/valid/round-1");
    }

    private Path part1() throws IOException {
        return part("p1", study(1.0), 1, Cli.version(), "Net1/valid/round-2");
    }

    private String refused(Path... parts) {
        List<String> args = new ArrayList<>(List.of("merge"));
        for (Path p : parts) args.add(p.toString());
        args.addAll(List.of("--out", tmp.resolve("merged").toString(), "--runs-dir", tmp.resolve("runs").toString()));
        int code = Cli.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.USAGE, code, message);
        assertTrue(message.startsWith("nnlab merge: "), message);
        assertTrue(!Files.exists(tmp.resolve("merged")), "nothing written on a refusal");
        return message;
    }

    @Test
    void aMissingUnitIsNamed() throws IOException {
        String m = refused(part0());
        assertTrue(m.contains("1 of 2 units are in no part: Net1/valid/round-2"), m);
    }

    @Test
    void aUnitInTwoPartsIsNamed() throws IOException {
        Path again = part("p0-again", study(1.0), 0, Cli.version(), "Net1/valid/round-1");
        String m = refused(part0(), part1(), again);
        assertTrue(m.contains("unit Net1/valid/round-1 is in two parts"), m);
    }

    @Test
    void differentSettingsAreNamed() throws IOException {
        Path other = part("p1-lr", study(0.5), 1, Cli.version(), "Net1/valid/round-2");
        String m = refused(part0(), other);
        assertTrue(m.contains("different settings") && m.contains("lr 1.0 vs 0.5"), m);
    }

    @Test
    void anotherVersionIsRefused() throws IOException {
        Path other = part("p1-old", study(1.0), 1, "NN Lab 0.9", "Net1/valid/round-2");
        String m = refused(part0(), other);
        assertTrue(m.contains("was run by NN Lab 0.9"), m);
    }

    @Test
    void aDamagedPartFileIsRefused() throws IOException {
        Path p1 = part1();
        Files.writeString(p1.resolve(PartFiles.FILE_NAME), "{\"units\": [");
        String m = refused(part0(), p1);
        assertTrue(m.contains(p1 + " is damaged: part.json cannot be read"), m);
    }

    @Test
    void aDamagedRunInfoIsRefused() throws IOException {
        Path p1 = part1();
        Files.writeString(p1.resolve("run.json"), "not json");
        String m = refused(part0(), p1);
        assertTrue(m.contains(p1 + " is damaged: run.json cannot be read"), m);
    }

    @Test
    void aConfigThatDoesNotMatchThePartIsDamage() throws IOException {
        Path p1 = part1();
        SettingsFiles.write(p1.resolve("config.json"), PaddingExperiment.ID, study(2.0));
        String m = refused(part0(), p1);
        assertTrue(m.contains(p1 + " is damaged: its config.json does not match"), m);
    }

    @Test
    void anUnfinishedPartIsRefused() throws IOException {
        Path p1 = part1();
        Json.writeFile(p1.resolve("run.json"), Map.of("experiment", "padding", "status", "running", "message", "running"));
        String m = refused(part0(), p1);
        assertTrue(m.contains(p1 + " is unfinished: its run is 'running'"), m);
    }

    @Test
    void aPartWithoutTheResultOfAUnitItListsIsUnfinished() throws IOException {
        Path p1 = part1();
        Map<String, Object> part = new LinkedHashMap<>(Json.readMap(p1.resolve(PartFiles.FILE_NAME)));
        part.put("results", Map.of());
        Json.writeFile(p1.resolve(PartFiles.FILE_NAME), part);
        String m = refused(part0(), p1);
        assertTrue(m.contains("is unfinished: it lists unit Net1/valid/round-2 but holds no result"), m);
    }

    @Test
    void anOrdinaryRunIsNotAPart() throws IOException {
        Path p1 = part1();
        Files.delete(p1.resolve(PartFiles.FILE_NAME));
        String m = refused(part0(), p1);
        assertTrue(m.contains("is not a part"), m);
    }

    @Test
    void wholePartsMergeIntoTheStudysTable() throws IOException {
        Path out = tmp.resolve("merged");
        int code = Cli.run(new String[] {"merge", part0().toString(), part1().toString(), "--out", out.toString(), "--runs-dir",
                tmp.resolve("runs").toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        Map<String, Object> summary = Json.readMap(out.resolve("summary.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> variant = ((List<Map<String, Object>>) summary.get("variants")).get(0);
        assertEquals(List.of(10.0, 11.0), variant.get("test_acc"));
        assertEquals(10.5, variant.get("test_acc_mean"));
        Map<String, Object> info = Json.readMap(out.resolve("run.json"));
        assertEquals("finished", info.get("status"));
        assertEquals(2, ((List<?>) info.get("parts")).size());
    }
}
