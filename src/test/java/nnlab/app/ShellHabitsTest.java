package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunSummary;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.store.RunStore;
import nnlab.plugintest.EchoExperiment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Item 9 of the newcomer issue in the real main window: F1 lists the shortcuts, the window
 * remembers its size, the last panel, each panel's settings and the theme between starts, and a
 * panel's settings go back to their defaults on request.
 */
@ExtendWith(ApplicationExtension.class)
class ShellHabitsTest {
    @TempDir
    static Path runs;
    private String runsBefore;
    private NnLabApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        runsBefore = System.getProperty(RunStore.DIR_PROPERTY);
        System.setProperty(RunStore.DIR_PROPERTY, runs.toString());
        this.stage = stage;
        app = new NnLabApp();
        app.start(stage);
    }

    @AfterEach
    void restore() {
        Fx.run(() -> {
            if (app.helpWindow() != null) app.helpWindow().stage().hide();
        });
        if (runsBefore == null) System.clearProperty(RunStore.DIR_PROPERTY);
        else System.setProperty(RunStore.DIR_PROPERTY, runsBefore);
    }

    /** A second start of the app with the same runs folder, as the next day's session. */
    private NnLabApp restart() {
        Fx.run(() -> stage.hide());
        return Fx.get(() -> {
            NnLabApp next = new NnLabApp();
            Stage s = new Stage();
            next.start(s);
            return next;
        });
    }

    @Test
    void f1OpensTheHelpListingEveryShortcut(FxRobot robot) {
        robot.clickOn(".navigation");
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Window help = Fx.get(() -> app.helpWindow().stage());
        assertTrue(Fx.get(help::isShowing), "F1 opens the help window");
        Node keys = Fx.get(() -> help.getScene().lookup("#help-shortcuts"));
        List<String> shown = Fx.get(() -> robot.from(keys).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList());
        for (String k : List.of("F1", "Enter", "F5", "Esc", "Delete / F2")) assertTrue(shown.contains(k), k + " in " + shown);
        assertTrue(shown.stream().anyMatch(t -> t.endsWith("+H") || t.endsWith("H")), "History's shortcut: " + shown);
        assertTrue(shown.stream().anyMatch(t -> t.endsWith("+Q") || t.endsWith("Q")), "Quit: " + shown);
        assertTrue(shown.contains("Open History"), shown.toString());
    }

    /** A long experiment title wraps in the navigation instead of ending in "…", and the tooltip has it whole. */
    @Test
    void navigationEntriesWrapAndShowTheirWholeTextOnHover(FxRobot robot) {
        List<NavigationCell> cells = Fx.get(() -> robot.lookup(".navigation .list-cell").queryAllAs(NavigationCell.class).stream()
                .filter(c -> c.getItem() != null).toList());
        assertFalse(cells.isEmpty());
        for (NavigationCell cell : cells) {
            Experiment e = Fx.get(cell::getItem);
            assertEquals(e.title() + "\n\n" + e.description(), Fx.get(() -> cell.getTooltip().getText()));
            // Titles are never cut; the open entry's description shows at most three lines (the tooltip has it whole).
            for (Label l : Fx.get(() -> robot.from(cell).lookup(".nav-title").queryAllAs(Label.class))) {
                assertFalse(Fx.get(() -> TruncatedTextTips.isCut(l)), "cut in the navigation: " + Fx.get(l::getText));
            }
            for (Label l : Fx.get(() -> robot.from(cell).lookup(".nav-description").queryAllAs(Label.class))) {
                assertTrue(Fx.get(l::getHeight) <= 3 * 15.5 + 1, "at most three lines: " + Fx.get(l::getText));
            }
        }
    }

    @Test
    void theHelpLinksEachPanelsReadingGuide() {
        Experiment guided = new GuidedEcho();
        HelpWindow help = Fx.get(() -> new HelpWindow(stage, List.of(), List.of(new EchoExperiment(), guided), List.of()));
        assertFalse(help.hasGuide(EchoExperiment.ID), "an experiment without a guide gets no section");
        assertTrue(Fx.get(() -> help.showGuide("guided")));
        TitledPane pane = (TitledPane) Fx.get(() -> help.stage().getScene().lookup("#help-guide-guided"));
        assertTrue(Fx.get(pane::isExpanded), "the guide asked for is open");
        assertEquals("The dashed line is chance.", Fx.get(() -> ((Label) pane.getContent()).getText()));
        Fx.run(() -> help.stage().hide());
    }

    @Test
    void settingsPanelAndWindowSizeAreRememberedAcrossStarts() throws Exception {
        GenericExperimentPanel panel = (GenericExperimentPanel) Fx.get(() -> app.showExperiment(EchoExperiment.ID));
        Fx.run(() -> {
            panel.settingsForm().setText("points", "7");
            stage.setWidth(1111);
            stage.setHeight(777);
        });
        WaitForAsyncUtils.waitForFxEvents();
        NnLabApp next = restart();
        Path file = runs.resolve(AppPreferences.FILE_NAME);
        assertTrue(Files.readString(file).contains("\"points\" : 7"), Files.readString(file));
        @SuppressWarnings("unchecked")
        ListView<Experiment> navigation = (ListView<Experiment>) Fx.get(() -> next.owner().getScene().lookup(".navigation"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EchoExperiment.ID, Fx.get(() -> navigation.getSelectionModel().getSelectedItem().id()), "the last panel is shown");
        GenericExperimentPanel again = (GenericExperimentPanel) Fx.get(() -> next.showExperiment(EchoExperiment.ID));
        assertEquals(7, Fx.get(() -> again.settingsForm().currentConfig().getInt("points")), "the panel's last settings");
        assertEquals(1111, Fx.get(() -> next.owner().getWidth()), 1);
        assertEquals(777, Fx.get(() -> next.owner().getHeight()), 1);

        // Reset to defaults (File menu) forgets them: the next start has the defaults.
        assertEquals(null, Fx.get(next::resetShownSettings));
        assertEquals(5, Fx.get(() -> again.settingsForm().currentConfig().getInt("points")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, ((Number) ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) nnlab.kernel.store.Json.readMap(file).get("settings"))
                .get(EchoExperiment.ID)).get("points")).intValue());
        Fx.run(() -> ((Stage) next.owner()).hide());
    }

    @Test
    void theDarkThemeIsASecondStylesheetAndIsRemembered() {
        Fx.run(() -> app.setDarkTheme(true));
        assertTrue(Fx.get(() -> stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("nnlab-dark.css"))));
        NnLabApp next = restart();
        assertTrue(Fx.get(() -> next.owner().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("nnlab-dark.css"))),
                "the theme is remembered");
        Fx.run(() -> next.setDarkTheme(false));
        assertFalse(Fx.get(() -> next.owner().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("nnlab-dark.css"))));
        Fx.run(() -> ((Stage) next.owner()).hide());
    }

    /** The echo plug-in with a reading guide. */
    private static final class GuidedEcho implements Experiment {
        private final EchoExperiment echo = new EchoExperiment();

        @Override public String id() { return "guided"; }
        @Override public String title() { return "Guided"; }
        @Override public String description() { return "Echo with a reading guide"; }
        @Override public String howToRead() { return "The dashed line is chance."; }
        @Override public ConfigSchema schema() { return echo.schema(); }
        @Override public List<ViewSpec> views(Config config) { return echo.views(config); }
        @Override public RunSummary run(Config config, RunContext context) throws Exception { return echo.run(config, context); }
    }
}
