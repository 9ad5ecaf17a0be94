package nnlab.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.store.SettingsFiles;

/**
 * "Save settings…" and "Load settings…" for a panel. The file is a run's config.json format
 * ({@link SettingsFiles}), so a saved file, a past run's config.json and the command line all
 * share one format. Files are read and written off the JavaFX thread. A file with an unknown key
 * or a bad value is refused as a whole: a dialog lists every problem, field by field, and the
 * panel's settings stay exactly as they were.
 */
public final class SettingsFileActions {
    private static final ExecutorService IO = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-settings-io");
        t.setDaemon(true);
        return t;
    });
    private static File lastDirectory;

    private final String experimentId;
    private final ConfigSchema schema;
    private final Supplier<Config> current;
    private final Predicate<Config> apply;
    private final Button save = new Button("Save…");
    private final Button load = new Button("Load…");
    private Consumer<String> onMessage = m -> { };

    /**
     * @param current the panel's settings now; throws ConfigException when they are invalid
     * @param apply   puts a valid config into the panel; false when it cannot now (a run is active)
     */
    public SettingsFileActions(String experimentId, ConfigSchema schema, Supplier<Config> current, Predicate<Config> apply) {
        this.experimentId = experimentId;
        this.schema = schema;
        this.current = current;
        this.apply = apply;
        save.setId("save-settings");
        load.setId("load-settings");
        save.getStyleClass().addAll("link-button", "save-settings");
        load.getStyleClass().addAll("link-button", "load-settings");
        save.setTooltip(new Tooltip("Save these settings as a JSON file (the format of a run's config.json)"));
        load.setTooltip(new Tooltip("Load settings from a JSON file: a saved settings file or a run's config.json.\n"
                + "A file with unknown or bad values is refused and changes nothing."));
        save.setOnAction(e -> chooseAndSave());
        load.setOnAction(e -> chooseAndLoad());
    }

    public Button saveButton() { return save; }

    public Button loadButton() { return load; }

    /** Receives "saved to …" / "loaded from …" notes for the panel's status line. */
    public void setOnMessage(Consumer<String> onMessage) { this.onMessage = onMessage; }

    public void chooseAndSave() {
        FileChooser chooser = chooser("Save " + experimentId + " settings");
        chooser.setInitialFileName(experimentId + "-settings.json");
        File chosen = chooser.showSaveDialog(owner());
        if (chosen == null) return;
        lastDirectory = chosen.getParentFile();
        Path file = chosen.toPath();
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            file = file.resolveSibling(file.getFileName() + ".json");
        }
        save(file);
    }

    public void chooseAndLoad() {
        File chosen = chooser("Load " + experimentId + " settings").showOpenDialog(owner());
        if (chosen == null) return;
        lastDirectory = chosen.getParentFile();
        load(chosen.toPath());
    }

    /**
     * Saves the panel's settings. Call on the JavaFX thread; the future completes (on the JavaFX
     * thread) with the file, or fails after the problem was shown.
     */
    public CompletableFuture<Path> save(Path file) {
        Config config;
        try {
            config = current.get();
        } catch (ConfigException e) {
            showProblems("Settings not saved", "Some settings are invalid; fix them first. Nothing was written.", e);
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Path> done = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try {
                SettingsFiles.write(file, experimentId, config);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, IO).whenComplete((v, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                Dialogs.error(owner(), "Settings not saved", "Could not write " + file + ":\n" + Exports.describe(cause));
                done.completeExceptionally(cause);
            } else {
                onMessage.accept("Settings saved to " + file.getFileName());
                done.complete(file);
            }
        }));
        return done;
    }

    /**
     * Reads a settings file off the JavaFX thread and, only if every field is valid, puts it into
     * the panel. Completes on the JavaFX thread with true when the settings were applied.
     */
    public CompletableFuture<Boolean> load(Path file) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return SettingsFiles.read(file, experimentId, schema);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, IO).whenComplete((config, error) -> Platform.runLater(() -> {
            String name = String.valueOf(file.getFileName());
            if (error != null) {
                Throwable cause = unwrap(error);
                if (cause instanceof ConfigException ce) {
                    showProblems("Settings not loaded from " + name,
                            problemCount(ce) + " in " + name + ". Nothing in the form was changed.", ce);
                } else {
                    Dialogs.error(owner(), "Settings not loaded from " + name, Exports.describe(cause)
                            + "\n\nNothing in the form was changed.");
                }
                done.complete(false);
            } else if (!apply.test(config)) {
                Dialogs.error(owner(), "Settings not loaded", "A run is using the settings now; load them when it has ended.");
                done.complete(false);
            } else {
                onMessage.accept("Settings loaded from " + name);
                done.complete(true);
            }
        }));
        return done;
    }

    private void showProblems(String header, String explanation, ConfigException e) {
        Dialogs.problems(owner(), header, explanation, problems(e));
    }

    /** One row per problem: the setting's key (as on the command line) and the message. */
    public static List<Dialogs.Problem> problems(ConfigException e) {
        List<Dialogs.Problem> out = new ArrayList<>();
        for (SettingException p : e.problems()) {
            String key = p.key() == null || p.key().isBlank() ? "(file)" : p.key();
            out.add(new Dialogs.Problem(key, p.getMessage()));
        }
        return out;
    }

    private static String problemCount(ConfigException e) {
        int n = e.problems().size();
        return n == 1 ? "1 problem" : n + " problems";
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Settings (JSON)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDirectory != null && lastDirectory.isDirectory()) chooser.setInitialDirectory(lastDirectory);
        return chooser;
    }

    private Window owner() {
        Node anchor = save.getScene() != null ? save : load;
        return anchor.getScene() == null ? null : anchor.getScene().getWindow();
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
