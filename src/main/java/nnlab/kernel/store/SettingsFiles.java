package nnlab.kernel.store;

import java.io.IOException;
import java.nio.file.Path;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;

/**
 * Settings files: the same JSON as a run's config.json ({"experiment": id, key: value, …}), so a
 * command-line run's settings open in the app and a saved settings file runs on the command line.
 */
public final class SettingsFiles {
    private SettingsFiles() { }

    /** Writes the config atomically. */
    public static void write(Path file, String experimentId, Config config) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Reads a settings file for the given experiment. Throws ConfigException with one message per
     * bad field (unknown key, bad value, wrong experiment) and IOException naming the file when it
     * cannot be read or is not JSON; nothing is ever half-applied because a Config is only
     * returned when every field is valid.
     */
    public static Config read(Path file, String experimentId, ConfigSchema schema) throws IOException, ConfigException {
        throw new UnsupportedOperationException("TODO");
    }
}
