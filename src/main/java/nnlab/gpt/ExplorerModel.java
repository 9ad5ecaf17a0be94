package nnlab.gpt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import nnlab.datasets.DataFileException;
import nnlab.kernel.NativeSetup;

/**
 * The saved model the Generate and Attention tabs use: that of the last run the Training tab
 * finished, or a run folder the user opens (its {@code model/} checkpoint, as {@code nnlab sample}
 * loads it). Loading, generating and probing all run on one background thread, so they never run
 * beside each other on the same SameDiff graph and never on the JavaFX thread.
 */
final class ExplorerModel {
    /** A loaded checkpoint and where it came from. */
    record Opened(Checkpoint.Loaded loaded, Path folder) {
        GptModel model() { return loaded.model(); }
        Vocabulary vocab() { return loaded.vocab(); }
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gpt-explorer");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<Opened> opened = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("No model yet: train one in the Training tab, or open a saved gpt run folder.");
    private final java.util.List<Runnable> beforeOpen = new java.util.ArrayList<>();
    private final Path runsRoot;
    private final Window owner;
    private long loads;

    ExplorerModel(Path runsRoot, Window owner) {
        this.runsRoot = runsRoot;
        this.owner = owner;
        // one character at a time on small matrices gains nothing from threads; two threads on a
        // busy 2-core machine wait for each other (see AttentionCostPanel)
        worker.execute(() -> NativeSetup.limitComputeThreadsOfThisThread(1));
    }

    ReadOnlyObjectProperty<Opened> openedProperty() { return opened.getReadOnlyProperty(); }

    Opened current() { return opened.get(); }

    ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }

    /** Runs model work on the explorer's thread. */
    void work(Runnable task) {
        worker.execute(task);
    }

    /** Runs on the JavaFX thread before another model loads, e.g. to stop a generation that would keep the thread busy. */
    void onBeforeOpen(Runnable action) {
        beforeOpen.add(action);
    }

    /** Loads the checkpoint of a run folder (or a checkpoint folder) in the background; the result replaces the current model. */
    void open(Path folder) {
        beforeOpen.forEach(Runnable::run);
        long ticket = ++loads;
        description.set("Loading the model in " + folder + " …");
        worker.execute(() -> {
            try {
                Checkpoint.Loaded loaded = Checkpoint.load(folder, false);
                Platform.runLater(() -> {
                    if (ticket != loads) return;
                    opened.set(new Opened(loaded, folder));
                    description.set(describe(loaded, folder));
                });
            } catch (DataFileException | RuntimeException e) {
                Platform.runLater(() -> {
                    if (ticket == loads) description.set("Could not open " + folder + ": " + e.getMessage());
                });
            }
        });
    }

    /** Opens the newest saved gpt run with a checkpoint, if there is one (e.g. at start-up). */
    void openNewestSaved() {
        worker.execute(() -> {
            Path newest = newestSavedRun(runsRoot);
            if (newest != null) Platform.runLater(() -> {
                if (opened.get() == null && loads == 0) open(newest);
            });
        });
    }

    static Path newestSavedRun(Path root) {
        if (root == null || !Files.isDirectory(root)) return null;
        try (var s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(GptExperiment.ID + "-"))
                    .filter(p -> Files.isRegularFile(p.resolve(GptExperiment.MODEL_FOLDER).resolve(Checkpoint.INFO)))
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String describe(Checkpoint.Loaded loaded, Path folder) {
        GptShape s = loaded.model().shape();
        Checkpoint.Info i = loaded.info();
        return String.format(Locale.ROOT, "Model: %s — step %d, validation %.3f nats/char; %d %s × %d %s, width %d, context %d, %s positions",
                folder.getFileName(), i.step(), i.validationLoss(), s.layers(), s.layers() == 1 ? "layer" : "layers", s.heads(),
                s.heads() == 1 ? "head" : "heads", s.width(), s.context(), s.positions().key);
    }

    /** A row with the model's description and an "Open run folder…" button; each tab gets its own. */
    HBox bar() {
        Label text = new Label();
        text.textProperty().bind(description);
        text.getStyleClass().add("gpt-model-description");
        text.setMaxWidth(Double.MAX_VALUE);
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button open = new Button("Open run folder…");
        open.getStyleClass().add("gpt-open-model");
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a saved gpt run (or its model/ folder)");
            if (runsRoot != null && Files.isDirectory(runsRoot)) chooser.setInitialDirectory(runsRoot.toFile());
            java.io.File dir = chooser.showDialog(owner);
            if (dir != null) open(dir.toPath());
        });
        HBox row = new HBox(10, text, open);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("gpt-model-bar");
        return row;
    }
}
