package nnlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.store.Json;

/**
 * What the window remembers between starts: its size, the last panel, each panel's last settings
 * and the theme. One JSON file in the user's NN Lab folder (the runs folder, so a test's or a
 * second user's runs folder carries its own); a missing or unreadable file means defaults, never
 * an error. Settings are kept as a config's values, like a settings file.
 */
public final class AppPreferences {
    public static final String FILE_NAME = ".nnlab-app.json";

    private final Path file;
    private final Map<String, Object> values;

    private AppPreferences(Path file, Map<String, Object> values) {
        this.file = file;
        this.values = values;
    }

    /** Reads the file in the folder (defaults when it is missing or unreadable). */
    public static AppPreferences load(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        Map<String, Object> values = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                values.putAll(Json.readMap(file));
            } catch (IOException | RuntimeException e) {
                System.err.println("nnlab: ignoring unreadable preferences " + file + ": " + e.getMessage());
            }
        }
        return new AppPreferences(file, values);
    }

    public Path file() { return file; }

    /** Writes the file; a folder that cannot take it costs the memory, never the session. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Json.writeFile(file, values);
        } catch (IOException | RuntimeException e) {
            System.err.println("nnlab: could not save preferences to " + file + ": " + e.getMessage());
        }
    }

    /** Window width and height, or null when never saved. */
    public double[] windowSize() {
        if (values.get("window-width") instanceof Number w && values.get("window-height") instanceof Number h) {
            return new double[] {w.doubleValue(), h.doubleValue()};
        }
        return null;
    }

    public boolean windowMaximized() {
        return Boolean.TRUE.equals(values.get("window-maximized"));
    }

    public void setWindow(double width, double height, boolean maximized) {
        values.put("window-width", Math.round(width));
        values.put("window-height", Math.round(height));
        values.put("window-maximized", maximized);
    }

    public void setMaximized(boolean maximized) {
        values.put("window-maximized", maximized);
    }

    /** "experiment:ID" or "page:TITLE", or null. */
    public String lastView() {
        Object v = values.get("last-view");
        return v == null ? null : v.toString();
    }

    public void setLastView(String view) {
        values.put("last-view", view);
    }

    public boolean darkTheme() {
        return "dark".equals(values.get("theme"));
    }

    public void setDarkTheme(boolean dark) {
        values.put("theme", dark ? "dark" : "light");
    }

    public void setSettings(String experimentId, Config config) {
        settingsMap().put(experimentId, new LinkedHashMap<>(config.values()));
    }

    public void forgetSettings(String experimentId) {
        settingsMap().remove(experimentId);
    }

    /**
     * The remembered settings as a config of today's schema, or null when none are remembered.
     * Settings the schema no longer has, or whose value it now refuses, take their default.
     */
    public Config settings(String experimentId, ConfigSchema schema) {
        if (!(settingsMap().get(experimentId) instanceof Map<?, ?> saved)) return null;
        Map<String, Object> merged = new LinkedHashMap<>(schema.defaults().values());
        for (Map.Entry<?, ?> e : saved.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (merged.containsKey(key)) merged.put(key, e.getValue());
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return schema.fromValues(merged);
            } catch (ConfigException e) {
                List<SettingException> problems = e.problems();
                Map<String, Object> defaults = schema.defaults().values();
                for (SettingException p : problems) merged.put(p.key(), defaults.get(p.key()));
            }
        }
        return schema.defaults();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> settingsMap() {
        Object m = values.get("settings");
        if (!(m instanceof Map<?, ?>)) {
            m = new LinkedHashMap<String, Object>();
            values.put("settings", m);
        }
        return (Map<String, Object>) m;
    }
}
