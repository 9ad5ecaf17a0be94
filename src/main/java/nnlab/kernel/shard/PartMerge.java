package nnlab.kernel.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.SettingsFiles;

/**
 * Checks that part folders make up exactly one study (same experiment, settings and version;
 * every unit once; each part finished and readable) and gathers their unit results for the
 * replay. Every refusal is a {@link Refused} whose message names the part and the reason.
 */
public final class PartMerge {

    /** Why the parts cannot be merged. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** One part as read from its folder. */
    public record Part(Path folder, int shard, int of, List<String> units, Map<String, Map<String, Object>> results) { }

    /** A checked set of parts: the study's config and every unit's result, in the study's unit order. */
    public record Plan(Experiment experiment, Config config, String version, List<Part> parts,
                       Map<String, Map<String, Object>> results) {
        /** For run.json of the merged run: each part's folder, shard and units. */
        public List<Map<String, Object>> partNotes() {
            List<Map<String, Object>> notes = new ArrayList<>();
            for (Part p : parts) {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("folder", p.folder().toAbsolutePath().toString());
                n.put("shard", p.shard());
                n.put("of", p.of());
                n.put("units", p.units());
                notes.add(n);
            }
            return notes;
        }
    }

    private PartMerge() { }

    public static Plan check(List<Path> folders, Function<String, Experiment> experiments) throws Refused {
        if (folders.isEmpty()) throw new Refused("name at least one part folder");
        Experiment experiment = null;
        Config config = null;
        String hash = null;
        String version = null;
        Path first = null;
        List<Part> parts = new ArrayList<>();
        Map<String, Path> owner = new LinkedHashMap<>();
        for (Path folder : folders) {
            Map<String, Object> part = readPart(folder);
            String id = String.valueOf(part.get("experiment"));
            if (experiment == null) {
                experiment = experiments.apply(id);
                if (experiment == null) throw new Refused(folder + ": unknown experiment '" + id + "'");
                config = readConfig(folder, experiment);
                hash = PartFiles.settingsHash(id, config.values());
                version = String.valueOf(part.get("version"));
                first = folder;
            } else if (!experiment.id().equals(id)) {
                throw new Refused(folder + " is a part of '" + id + "', " + first + " of '" + experiment.id() + "'");
            }
            Config own = readConfig(folder, experiment);
            String ownHash = PartFiles.settingsHash(id, own.values());
            if (!ownHash.equals(part.get("settings_sha256"))) {
                throw new Refused(folder + " is damaged: its config.json does not match the settings its part.json was run with");
            }
            if (!ownHash.equals(hash)) {
                throw new Refused(folder + " was run with different settings than " + first + ": " + differences(config, own));
            }
            if (!Objects.equals(version, String.valueOf(part.get("version")))) {
                throw new Refused(folder + " was run by " + part.get("version") + ", " + first + " by " + version
                        + "; run every part with the same version");
            }
            Part p = parsePart(folder, part);
            for (String unit : p.units()) {
                Path before = owner.putIfAbsent(unit, folder);
                if (before != null) throw new Refused("unit " + unit + " is in two parts: " + before + " and " + folder);
            }
            parts.add(p);
        }
        List<WorkUnit> expected = ShardedRun.units(experiment, config);
        List<String> missing = new ArrayList<>();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        for (WorkUnit u : expected) {
            Path from = owner.remove(u.id());
            if (from == null) {
                missing.add(u.id());
                continue;
            }
            for (Part p : parts) if (p.folder().equals(from)) results.put(u.id(), p.results().get(u.id()));
        }
        if (!owner.isEmpty()) throw new Refused("unit " + owner.keySet().iterator().next() + " of " + owner.values().iterator().next()
                + " is not a unit of this study");
        if (!missing.isEmpty()) {
            throw new Refused(missing.size() + " of " + expected.size() + " units are in no part: " + String.join(", ", missing)
                    + (parts.isEmpty() ? "" : " (shards given: " + shardList(parts) + " of " + parts.get(0).of() + ")"));
        }
        return new Plan(experiment, config, version, parts, results);
    }

    private static Map<String, Object> readPart(Path folder) throws Refused {
        if (!Files.isDirectory(folder)) throw new Refused(folder + " is not a folder");
        Path runJson = folder.resolve("run.json");
        if (!Files.exists(runJson)) throw new Refused(folder + " is not a run folder (no run.json)");
        Map<String, Object> info;
        try {
            info = Json.readMap(runJson);
        } catch (IOException | RuntimeException e) {
            throw new Refused(folder + " is damaged: run.json cannot be read (" + firstLine(e) + ")");
        }
        Object status = info.get("status");
        if (!"finished".equals(status)) {
            throw new Refused(folder + " is unfinished: its run is '" + status + "'" + (info.get("message") == null ? "" : " (" + info.get("message") + ")"));
        }
        Path partJson = folder.resolve(PartFiles.FILE_NAME);
        if (!Files.exists(partJson)) {
            throw new Refused(folder + " is not a part: it has no " + PartFiles.FILE_NAME + " (run it with --shard i/n)");
        }
        try {
            return Json.readMap(partJson);
        } catch (IOException | RuntimeException e) {
            throw new Refused(folder + " is damaged: " + PartFiles.FILE_NAME + " cannot be read (" + firstLine(e) + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Part parsePart(Path folder, Map<String, Object> part) throws Refused {
        try {
            List<String> units = (List<String>) part.get("units");
            Map<String, Map<String, Object>> results = (Map<String, Map<String, Object>>) part.get("results");
            int shard = ((Number) part.get("shard")).intValue();
            int of = ((Number) part.get("of")).intValue();
            for (String u : units) {
                if (results == null || !(results.get(u) instanceof Map)) {
                    throw new Refused(folder + " is unfinished: it lists unit " + u + " but holds no result for it");
                }
            }
            return new Part(folder, shard, of, List.copyOf(units), results);
        } catch (ClassCastException | NullPointerException e) {
            throw new Refused(folder + " is damaged: " + PartFiles.FILE_NAME + " lacks its shard, units or results");
        }
    }

    private static Config readConfig(Path folder, Experiment experiment) throws Refused {
        try {
            return SettingsFiles.read(folder.resolve("config.json"), experiment.id(), experiment.schema());
        } catch (ConfigException e) {
            throw new Refused(folder + " is damaged: config.json: " + e.problems().get(0).getMessage());
        } catch (IOException | RuntimeException e) {
            throw new Refused(folder + " is damaged: " + firstLine(e));
        }
    }

    private static String differences(Config a, Config b) {
        List<String> diff = new ArrayList<>();
        for (String key : a.values().keySet()) {
            if (!Objects.equals(a.values().get(key), b.values().get(key))) {
                diff.add(key + " " + a.values().get(key) + " vs " + b.values().get(key));
            }
        }
        return diff.isEmpty() ? "(settings differ)" : String.join(", ", diff);
    }

    private static String shardList(List<Part> parts) {
        return String.join(", ", parts.stream().map(p -> String.valueOf(p.shard())).sorted().toList());
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
