package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SettingsFormTest {
    private SettingsForm form;
    private final AtomicInteger submits = new AtomicInteger();

    @Start
    void start(Stage stage) {
        form = new SettingsForm(new FakeExperiment().schema());
        form.setOnSubmit(submits::incrementAndGet);
        Scene scene = new Scene(new ScrollPane(form), 420, 900);
        scene.getStylesheets().add(getClass().getResource("/nnlab/nnlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void refusesAnOutOfRangeValueNamingTheSettingAndItsRange(FxRobot robot) {
        robot.clickOn("#setting-epochs").eraseText(1).write("0");
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(Fx.get(form::isValid));
        String message = Fx.get(() -> form.errorMessage("epochs")).orElseThrow();
        assertTrue(message.startsWith("Epochs must be"), "the label without the doubled key: " + message);
        assertTrue(message.contains("a whole number from 1 to 1000"), message);
        assertTrue(message.contains("got 0"), message);
        assertTrue(Fx.get(() -> form.control("epochs").getStyleClass().contains("invalid")));
        ConfigException e = Fx.get(() -> assertThrows(ConfigException.class, form::currentConfig));
        assertEquals("epochs", e.problems().get(0).key());

        Fx.run(() -> form.setText("epochs", "12"));
        assertTrue(Fx.get(form::isValid));
        assertTrue(Fx.get(() -> form.errorMessage("epochs")).isEmpty());
        assertFalse(Fx.get(() -> form.control("epochs").getStyleClass().contains("invalid")));
    }

    @Test
    void refusesTextWhereANumberBelongs() {
        Fx.run(() -> form.setText("lr", "fast"));
        String message = Fx.get(() -> form.errorMessage("lr")).orElseThrow();
        assertTrue(message.startsWith("Learning rate must be a number from "), message);
        assertTrue(message.endsWith("got 'fast'"), message);
        Fx.run(() -> form.setText("seeds", "1, x"));
        assertTrue(Fx.get(() -> form.errorMessage("seeds")).orElseThrow().contains("comma-separated list of whole numbers"));
    }

    @Test
    void buildsTheConfigFromEveryKindOfControl(FxRobot robot) {
        robot.clickOn("#setting-epochs").eraseText(1).write("20");
        Fx.run(() -> {
            ((TextField) form.control("lr")).setText("0.05");
            ((TextField) form.control("seeds")).setText("3, 4,5");
            ((TextField) form.control("note")).setText("try me");
            ((ComboBox<?>) form.control("model")).getSelectionModel().select(1);
        });
        robot.clickOn("#setting-paddings-circular");
        robot.clickOn("#setting-paddings-zero");
        robot.clickOn("#setting-augment");

        Config c = Fx.get(form::currentConfig);
        assertEquals(20, c.getInt("epochs"));
        assertEquals(0.05, c.getDouble("lr"));
        assertEquals(List.of(3, 4, 5), c.getInts("seeds"));
        assertEquals("try me", c.getString("note"));
        assertEquals("Net2", c.getString("model"));
        assertEquals(List.of("reflect", "circular"), c.getStrings("paddings"));
        assertTrue(c.getBoolean("augment"));
        assertEquals(new FakeExperiment().schema().fromText(java.util.Map.of(
                "epochs", "20", "lr", "0.05", "seeds", "3,4,5", "note", "try me", "model", "Net2",
                "paddings", "reflect,circular", "augment", "true")).values(), c.values());
    }

    @Test
    void anEmptyMultiChoiceIsRefused(FxRobot robot) {
        robot.clickOn("#setting-paddings-zero");
        robot.clickOn("#setting-paddings-reflect");
        String message = Fx.get(() -> form.errorMessage("paddings")).orElseThrow();
        assertTrue(message.startsWith("Padding types must be one or more of zero, reflect"), message);
        assertFalse(Fx.get(form::isValid));
    }

    @Test
    void crossChecksAreShownOnTheSettingTheyName() {
        Fx.run(() -> {
            form.setText("epochs", "5");
            form.setText("warmup", "7");
        });
        String message = Fx.get(() -> form.errorMessage("warmup")).orElseThrow();
        assertTrue(message.contains("must not exceed Epochs (5)"), message);
        ConfigException e = Fx.get(() -> assertThrows(ConfigException.class, form::currentConfig));
        assertEquals("warmup", e.problems().get(0).key());
    }

    @Test
    void setConfigAndResetRoundTrip() {
        Config custom = new FakeExperiment().schema().fromText(java.util.Map.of("epochs", "9", "paddings", "replicate", "augment", "yes"));
        Fx.run(() -> form.setConfig(custom));
        assertEquals(custom.values(), Fx.get(form::currentConfig).values());
        assertTrue(Fx.get(() -> ((ToggleButton) form.lookup("#setting-paddings-replicate")).isSelected()));
        assertTrue(Fx.get(() -> ((CheckBox) form.control("augment")).isSelected()));

        Fx.run(() -> form.setText("epochs", "oops"));
        Fx.run(form::resetToDefaults);
        assertTrue(Fx.get(form::isValid));
        assertEquals(new FakeExperiment().schema().defaults().values(), Fx.get(form::currentConfig).values());
    }

    @Test
    void enterInATextFieldSubmits(FxRobot robot) {
        robot.clickOn("#setting-epochs").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, submits.get());
    }

    @Test
    void puttingBackTheShownSettingsTouchesNoField() {
        // A run's start puts its config into the form: usually the one shown, which must not
        // re-lay out every text field nor recompute the views that follow the settings.
        AtomicInteger configsHeard = new AtomicInteger();
        AtomicInteger textChanges = new AtomicInteger();
        Fx.run(() -> {
            form.addConfigListener(c -> configsHeard.incrementAndGet());
            ((TextField) form.control("epochs")).textProperty().addListener((o, a, b) -> textChanges.incrementAndGet());
        });
        Config shown = Fx.get(form::currentConfig);
        Fx.run(() -> form.setConfig(shown));
        assertEquals(0, configsHeard.get(), "config listeners called");
        assertEquals(0, textChanges.get(), "text changes of an unchanged field");

        Fx.run(() -> form.setConfig(shown.with("epochs", 9)));
        assertEquals(1, configsHeard.get(), "a changed setting is heard once");
        assertEquals(1, textChanges.get());
        assertEquals(9, Fx.get(form::currentConfig).get("epochs"));
    }
}
