package nnlab.kernel.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;

/**
 * Settings files: the same JSON as a run's config.json ({"experiment": id, key: value, …}), so a
 * command-line run's settings open in the app and a saved settings file runs on the command line.
 */
public final class SettingsFiles {
    /** The key naming the experiment; every other key is a setting. */
    public static final String EXPERIMENT_KEY = "experiment";

    private SettingsFiles() { }

    /** Writes the config atomically. */
    public static void write(Path file, String experimentId, Config config) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(EXPERIMENT_KEY, experimentId);
        json.putAll(config.values());
        Json.writeFile(file, json);
    }

    /**
     * Reads a settings file for the given experiment. Throws ConfigException with one message per
     * bad field (unknown key, bad value, wrong experiment) and IOException naming the file when it
     * cannot be read or is not JSON; nothing is ever half-applied because a Config is only
     * returned when every field is valid.
     */
    public static Config read(Path file, String experimentId, ConfigSchema schema) throws IOException, ConfigException {
        Map<String, Object> values = new LinkedHashMap<>(readJsonObject(file));
        List<SettingException> problems = new ArrayList<>();
        // A file without the key (written by hand) is judged by its settings alone.
        Object fileExperiment = values.remove(EXPERIMENT_KEY);
        if (fileExperiment != null && !experimentId.equals(String.valueOf(fileExperiment))) {
            problems.add(new SettingException(EXPERIMENT_KEY, "the settings are for experiment '" + fileExperiment
                    + "', not '" + experimentId + "'"));
        }
        try {
            Config config = schema.fromValues(values);
            if (problems.isEmpty()) return config;
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        throw new ConfigException(problems);
    }

    private static Map<String, Object> readJsonObject(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("settings file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IOException("cannot read settings file " + file + ": " + e.getMessage(), e);
        }
        try {
            return Json.readMap(text);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new IOException(file + " is not a settings file (expected a JSON object: " + reason + ")", e);
        }
    }
}
