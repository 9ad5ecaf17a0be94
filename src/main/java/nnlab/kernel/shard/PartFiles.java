package nnlab.kernel.shard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nnlab.kernel.config.Config;
import nnlab.kernel.store.Json;

/**
 * part.json: what marks a run folder as one part of a sharded study, written when the shard has
 * finished (a folder without it is unfinished). It names the shard, its units, a hash of the
 * settings and the app version, and holds every unit's recorded result for {@code merge}.
 */
public final class PartFiles {
    public static final String FILE_NAME = "part.json";

    private PartFiles() { }

    /** SHA-256 of the experiment id and its settings, keys sorted: equal exactly when the settings are. */
    public static String settingsHash(String experimentId, Map<String, Object> settings) {
        Map<String, Object> sorted = new TreeMap<>(settings);
        sorted.remove("experiment");
        sorted.put("experiment", experimentId);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /** The content of part.json for a finished shard. */
    public static Map<String, Object> content(String experimentId, Config config, ShardIndex shard, String version,
                                              List<String> units, Map<String, Map<String, Object>> results) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("experiment", experimentId);
        part.put("shard", shard.index());
        part.put("of", shard.count());
        part.put("settings_sha256", settingsHash(experimentId, config.values()));
        part.put("version", version);
        part.put("units", units);
        part.put("results", results);
        return part;
    }

    /** Writes part.json into each folder and notes the part in its run.json (History shows it). */
    public static void write(List<Path> folders, Map<String, Object> part) throws IOException {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("shard", part.get("shard"));
        note.put("of", part.get("of"));
        note.put("units", part.get("units"));
        for (Path folder : folders) {
            Json.writeFile(folder.resolve(FILE_NAME), part);
            addToRunInfo(folder, "part", note);
        }
    }

    /** Adds one key to a finished run's run.json, keeping the rest. */
    public static void addToRunInfo(Path folder, String key, Object value) throws IOException {
        Path runJson = folder.resolve("run.json");
        if (!Files.exists(runJson)) return;
        Map<String, Object> info = new LinkedHashMap<>(Json.readMap(runJson));
        info.put(key, value);
        Json.writeFile(runJson, info);
    }
}
