package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.RunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Save settings… / Load settings… of the generic panel: a round trip, and bad files that change nothing. */
@ExtendWith(ApplicationExtension.class)
class SettingsFileActionsTest {
    @TempDir
    static Path tmp;
    private RunEngine engine;
    private GenericExperimentPanel panel;

    @Start
    void start(Stage stage) {
        engine = new RunEngine(1, new RunStore(tmp.resolve("runs")));
        panel = new GenericExperimentPanel(new AppContext(engine, stage), new FakeExperiment());
        Scene scene = new Scene((javafx.scene.Parent) panel.view(), 1100, 750);
        scene.getStylesheets().add(getClass().getResource("/nnlab/nnlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        Fx.run(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane && w instanceof Stage s) s.close();
            }
        });
        engine.close();
    }

    private static DialogPane dialog() {
        Fx.waitUntil("a dialog", 5000, () -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane));
        return Fx.get(() -> (DialogPane) Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .findFirst().orElseThrow().getScene().getRoot());
    }

    private Config formConfig() {
        return Fx.get(() -> panel.settingsForm().currentConfig());
    }

    @Test
    void savedSettingsLoadBackIntoTheForm() throws Exception {
        Path file = tmp.resolve("round-trip.json");
        Fx.run(() -> {
            panel.settingsForm().setText("epochs", "7");
            panel.settingsForm().setText("lr", "0.05");
            panel.settingsForm().setText("paddings", "zero,circular");
            panel.settingsForm().setText("seeds", "3, 4, 5");
            panel.settingsForm().setText("augment", "true");
            panel.settingsForm().setText("note", "baseline");
        });
        Config saved = formConfig();
        assertEquals(file, Fx.get(() -> panel.settingsFiles().save(file)).get(10, TimeUnit.SECONDS));
        Map<String, Object> json = Json.readMap(file);
        assertEquals("fake", json.get("experiment"), "the format of a run's config.json");
        assertEquals(7, json.get("epochs"));

        Fx.run(() -> panel.settingsForm().resetToDefaults());
        assertEquals(6, formConfig().getInt("epochs"));
        assertTrue(Fx.get(() -> panel.settingsFiles().load(file)).get(10, TimeUnit.SECONDS));
        assertEquals(saved.values(), formConfig().values());
        assertEquals(List.of("zero", "circular"), formConfig().getStrings("paddings"));
        assertTrue(Fx.get(() -> panel.runControls().lookup(".run-detail") instanceof Label l && l.getText().contains("round-trip.json")));
    }

    @Test
    void aFileWithBadValuesIsRefusedWholeAndEveryProblemIsListed() throws Exception {
        Fx.run(() -> {
            panel.settingsForm().setText("epochs", "9");
            panel.settingsForm().setText("note", "keep me");
        });
        Config before = formConfig();
        Path bad = tmp.resolve("bad.json");
        // Two valid fields that must not be applied either, a bad number, a bad choice and an unknown key.
        Files.writeString(bad, "{\"experiment\": \"fake\", \"lr\": 0.1, \"note\": \"changed\", \"epochs\": -3, "
                + "\"model\": \"Net9\", \"dropout\": 0.5}");
        assertFalse(Fx.get(() -> panel.settingsFiles().load(bad)).get(10, TimeUnit.SECONDS));
        assertEquals(before.values(), formConfig().values(), "nothing in the form changed");
        assertEquals("9", Fx.get(() -> ((javafx.scene.control.TextField) panel.settingsForm().control("epochs")).getText()));

        DialogPane d = dialog();
        List<String> subjects = Fx.get(() -> d.lookupAll(".problem-subject").stream().map(n -> ((Label) n).getText()).toList());
        assertEquals(List.of("epochs", "model", "dropout"), subjects);
        List<String> messages = Fx.get(() -> d.lookupAll(".problem-message").stream().map(n -> ((Label) n).getText()).toList());
        assertTrue(messages.get(0).contains("got -3"), messages.get(0));
        assertTrue(messages.get(2).contains("unknown setting"), messages.get(2));
        assertTrue(Fx.get(d::getHeaderText).contains("bad.json"));
    }

    @Test
    void anotherExperimentsFileOrBrokenJsonChangesNothing() throws Exception {
        Config before = formConfig();
        Path padding = tmp.resolve("padding.json");
        Files.writeString(padding, "{\"experiment\": \"padding\", \"epochs\": 5}");
        assertFalse(Fx.get(() -> panel.settingsFiles().load(padding)).get(10, TimeUnit.SECONDS));
        DialogPane d = dialog();
        assertEquals(List.of("experiment"), Fx.get(() -> d.lookupAll(".problem-subject").stream().map(n -> ((Label) n).getText()).toList()));
        Fx.run(() -> ((Stage) d.getScene().getWindow()).close());

        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"epochs\": 5,");
        assertFalse(Fx.get(() -> panel.settingsFiles().load(broken)).get(10, TimeUnit.SECONDS));
        assertTrue(Fx.get(() -> dialog().getContentText()).contains("not a settings file"));
        assertEquals(before.values(), formConfig().values());
    }

    @Test
    void invalidFormSettingsAreNotSaved() throws Exception {
        Path file = tmp.resolve("never.json");
        Fx.run(() -> panel.settingsForm().setText("epochs", "0"));
        assertTrue(Fx.get(() -> panel.settingsFiles().save(file)).handle((p, e) -> e != null).get(5, TimeUnit.SECONDS));
        assertFalse(Files.exists(file));
        assertEquals(List.of("epochs"), Fx.get(() -> dialog().lookupAll(".problem-subject").stream().map(n -> ((Label) n).getText()).toList()));
    }
}
