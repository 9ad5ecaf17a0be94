package nnlab.posenc;

import nnlab.app.widgets.SliderField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.Setting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PosEncPanelTest {
    private PosEncPanel panel;

    @BeforeAll
    static void initBackend() {
        NativeSetup.initNow();
    }

    @Start
    void start(Stage stage) {
        panel = new PosEncPanel(false);
        stage.setScene(new Scene((Parent) panel.view(), 1200, 760));
        stage.show();
        panel.onBackendReady();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int heatmapWidth() {
        return panel.gramView().image() == null ? -1 : (int) panel.gramView().image().getWidth();
    }

    /** The row plot shares the tab's width with the square heatmap: at 260 px beside it, it read as a sliver. */
    @Test
    void theRowPlotGetsASensibleWidthBesideTheHeatmap(FxRobot robot) throws Exception {
        for (double panelWidth : new double[] {1280 - 235, 1400 - 235}) {
            robot.interact(() -> robot.window(0).setWidth(panelWidth));
            WaitForAsyncUtils.waitForFxEvents();
            double row = panel.rowView().getWidth();
            double gram = panel.gramView().getWidth();
            assertTrue(row >= EncodingTab.ROW_MIN_WIDTH - 1e-9, "row plot " + row + " px wide in a " + panelWidth + "-px panel");
            assertTrue(row >= 0.35 * (row + gram), "row plot " + row + " px beside a " + gram + "-px heatmap");
            assertTrue(panel.rowView().getHeight() < 2.2 * row, "row plot " + row + " × " + panel.rowView().getHeight() + " px");
        }
    }

    @Test
    void movingTheNSliderChangesTheHeatmapSize(FxRobot robot) throws Exception {
        waitUntil(() -> heatmapWidth() == 64);
        assertEquals(64, (int) panel.gramView().image().getHeight());

        robot.clickOn(panel.nField().slider());
        int afterClick = panel.nField().intValue();
        waitUntil(() -> heatmapWidth() == afterClick);
        robot.type(KeyCode.RIGHT, 3);
        int n = panel.nField().intValue();
        assertEquals(afterClick + 3, n, "each RIGHT key moves N by one");
        waitUntil(() -> heatmapWidth() == n);
        assertEquals(n, (int) panel.gramView().image().getHeight());
        assertEquals(n, panel.gramView().figure().values().rows());

        robot.interact(() -> panel.nField().slider().setValue(20));
        waitUntil(() -> heatmapWidth() == 20);
        // The matrix shown is the one the maths gives: diagonal p/2 everywhere.
        for (double d : panel.gramView().figure().values().diagonal()) assertEquals(128, d, 1e-9);
    }

    @Test
    void invalidTypedSettingsAreRefusedWithAMessage(FxRobot robot) throws Exception {
        waitUntil(() -> heatmapWidth() == 64);
        long redraws = panel.redrawsProperty().get();
        robot.interact(() -> {
            panel.pField().field().setText("255");
            panel.pField().field().fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.refusal("p").contains("even"), "the refusal is under p's field: " + panel.refusal("p"));
        assertEquals(256, panel.pField().intValue(), "the refused value is not applied");

        robot.interact(() -> {
            panel.nField().field().setText("5000");
            panel.nField().field().fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.refusal("n").contains("5000"), panel.refusal("n"));
        assertEquals("", panel.refusal("base"), "only the field concerned shows a refusal");
        assertEquals(64, panel.nField().intValue());

        robot.lookup("#base-field").queryTextInputControl();
        robot.interact(() -> {
            javafx.scene.control.TextField base = robot.lookup("#base-field").queryAs(javafx.scene.control.TextField.class);
            base.setText("-5");
            base.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.refusal("base").contains("base"), panel.refusal("base"));
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(redraws, panel.redrawsProperty().get(), "nothing was recomputed for refused settings");
    }

    /** Panel and command line must offer one range per setting: every slider is its setting's range and step. */
    @Test
    void everySliderHasExactlyItsSettingsRangeAndStep(FxRobot robot) throws Exception {
        waitUntil(() -> heatmapWidth() == 64);
        // The plotted row's maximum follows N; at the largest N it is the setting's own maximum.
        robot.interact(() -> panel.nField().setValue(SinusoidalEncoding.MAX_N));
        waitUntil(() -> heatmapWidth() == SinusoidalEncoding.MAX_N);
        ConfigSchema schema = new PosEncExperiment().schema();
        Set<String> shown = new TreeSet<>();
        for (Slider slider : slidersIn(panel.view())) {
            String id = slider.getId();
            assertTrue(id != null && id.endsWith("-slider"), "slider id " + id);
            Setting setting = schema.setting(id.substring(0, id.length() - "-slider".length()));
            assertEquals(setting.min(), slider.getMin(), setting.key() + " min");
            assertEquals(setting.max(), slider.getMax(), setting.key() + " max");
            assertEquals(setting.step(), slider.getBlockIncrement(), setting.key() + " step");
            assertTrue(shown.add(setting.key()), "one slider for " + setting.key());
        }
        Set<String> stepped = schema.settings().stream().filter(Setting::hasStep).map(Setting::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(stepped, shown, "a slider for every setting with a step, and no other");
        assertTrue(shown.containsAll(List.of("sigma-scale", "k", "c")), "the three that once had their own ranges: " + shown);
    }

    @Test
    void typedValuesAreCheckedAgainstTheSchemasRange(FxRobot robot) throws Exception {
        waitUntil(() -> heatmapWidth() == 64);
        SliderField sigma = panel.sliderField("sigma-scale");
        SliderField c = panel.sliderField("c");
        robot.interact(() -> {
            sigma.field().setText("7");
            sigma.field().fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, sigma.value(), "the command line allows σ scale 7, so the panel does");
        robot.interact(() -> {
            c.field().setText("50");
            c.field().fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.refusal("c").contains("from 0 to 20"), panel.refusal("c"));
        assertEquals(4, c.value(), "the refused value is not applied");
        assertEquals(7, nnlab.app.Fx.get(() -> panel.currentConfig().getDouble("sigma-scale")));
    }

    /**
     * One shell for every panel: the title and description with Start/Cancel above, the settings
     * column (Load…/Save…, Reset to defaults) on every tab with every slider in it, and no
     * developer timing line anywhere.
     */
    @Test
    void theSettingsColumnAndRunControlsStayOnEveryTab(FxRobot robot) throws Exception {
        waitUntil(() -> heatmapWidth() == 64);
        Node column = robot.lookup("#posenc-settings").query();
        assertTrue(robot.lookup(".experiment-title").queryAs(javafx.scene.control.Label.class).getText().equals("Positional encodings"));
        assertTrue(robot.lookup(".experiment-description").queryAs(javafx.scene.control.Label.class).getText().contains("EᵀE"));
        assertNotNull(robot.lookup("#start-button").query(), "Start saves a run, as on every panel");
        javafx.scene.control.Label guide = robot.lookup("#how-to-read-text").queryAs(javafx.scene.control.Label.class);
        assertFalse(guide.isVisible(), "the reading guide starts closed");
        robot.clickOn("#how-to-read");
        assertTrue(guide.isVisible() && guide.getText().contains("EᵀE compares every position"), guide.getText());
        robot.clickOn("#how-to-read");
        assertNotNull(robot.lookup("#reset-settings").query());
        assertEquals(slidersIn(panel.view()).size(), slidersIn(column).size(), "every slider is in the settings column");
        for (int tab = 0; tab < 4; tab++) {
            int t = tab;
            robot.interact(() -> panel.tabs().getSelectionModel().select(t));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(column.isVisible() && column.getScene() != null && column.getLayoutBounds().getWidth() > 200,
                    "the settings column is shown on tab " + t);
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(allText(panel.view()).matches("(?s).*\\d+ ms.*"), "no timing line on tab " + t + ": " + allText(panel.view()));
        }
    }

    @Test
    void resetToDefaultsPutsTheSchemasDefaultsBack(FxRobot robot) throws Exception {
        waitUntil(() -> heatmapWidth() == 64);
        robot.interact(() -> panel.nField().setValue(20));
        waitUntil(() -> heatmapWidth() == 20);
        // At the foot of the settings column (scrolled out of sight at this window size): pressed as a keyboard user would.
        robot.interact(() -> robot.lookup("#reset-settings").queryButton().fire());
        waitUntil(() -> heatmapWidth() == 64);
        assertEquals(new PosEncExperiment().schema().defaults().getInt("n"), panel.nField().intValue());
    }

    private static String allText(Node root) {
        StringBuilder text = new StringBuilder();
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node node = todo.remove(todo.size() - 1);
            if (node instanceof javafx.scene.control.Labeled l && l.isVisible()) text.append(l.getText()).append('\n');
            if (node instanceof Parent parent) todo.addAll(parent.getChildrenUnmodifiable());
        }
        return text.toString();
    }

    /** Every slider below a node, including those on tabs not selected and in scroll panes. */
    private static List<Slider> slidersIn(Node root) {
        List<Slider> found = new ArrayList<>();
        List<Node> todo = new ArrayList<>(List.of(root));
        Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Node node = todo.remove(todo.size() - 1);
            if (!seen.add(node)) continue;
            if (node instanceof Slider slider) found.add(slider);
            if (node instanceof ScrollPane scroll && scroll.getContent() != null) todo.add(scroll.getContent());
            if (node instanceof javafx.scene.control.TabPane tabs) {
                for (Tab tab : tabs.getTabs()) if (tab.getContent() != null) todo.add(tab.getContent());
            }
            if (node instanceof javafx.scene.layout.BorderPane pane && pane.getLeft() != null) todo.add(pane.getLeft());
            if (node instanceof Parent parent) todo.addAll(parent.getChildrenUnmodifiable());
        }
        return found;
    }

    @Test
    void exportWritesAPngThatDecodesWithTheRightDimensions(@TempDir Path dir) throws Exception {
        waitUntil(() -> heatmapWidth() == 64);
        PosEncHeatmap figure = panel.gramView().figure();
        BufferedImage one = figure.render(1);
        for (int scale = 1; scale <= 3; scale++) {
            Path file = dir.resolve("ete@" + scale + "x.png");
            PosEncPanel.export(figure, file, scale);
            BufferedImage png = ImageIO.read(file.toFile());
            assertNotNull(png, "decodes as PNG");
            assertEquals((int) Math.ceil(one.getWidth() * (double) scale), png.getWidth());
            assertEquals((int) Math.ceil(one.getHeight() * (double) scale), png.getHeight());
            // Big enough to hold one pixel per cell plus colour bar and labels.
            assertTrue(png.getWidth() > 64 * scale && png.getHeight() > 64 * scale);
        }
        Path csv = dir.resolve("ete.csv");
        PosEncPanel.export(figure, csv, 0);
        var lines = Files.readAllLines(csv);
        assertEquals("row,col,value", lines.get(0));
        assertEquals(1 + 64 * 64, lines.size());
        assertEquals(128, Double.parseDouble(lines.get(1).split(",")[2]), 1e-9);
    }

    @Test
    void concatenatedViewOutlinesTheFourBlocks(FxRobot robot) throws Exception {
        robot.interact(() -> panel.tabs().getSelectionModel().select(PosEncPanel.TAB_CONTENT));
        waitUntil(() -> panel.concatView().figure() != null);
        PosEncHeatmap f = panel.concatView().figure();
        assertEquals(128, f.values().rows());
        assertEquals(Arrays.asList(GramMatrices.BLOCK_LABELS),
                f.blocks().stream().map(PosEncHeatmap.Block::label).toList());
        assertEquals("EᵀE", f.blockAt(100, 70));
        assertEquals("XᵀE", f.blockAt(3, 64));
    }

    /**
     * At p = N = 512 every change is drawn at its size and a burst of changes is coalesced: fewer
     * redraws than changes, the newest drawn last. How long a redraw takes is for {@code bench}
     * (its window probe times this path), not for a test.
     */
    @Test
    void redrawAtP512N512(FxRobot robot) throws Exception {
        waitUntil(() -> heatmapWidth() == 64);
        robot.interact(() -> {
            panel.pField().setValue(512);
            panel.nField().setValue(512);
        });
        waitUntil(() -> heatmapWidth() == 512 && panel.gramView().figure().title().contains("p = 512"));
        for (int p : new int[] {510, 512}) {
            long before = panel.redrawsProperty().get();
            robot.interact(() -> panel.pField().setValue(p));
            waitUntil(() -> panel.redrawsProperty().get() > before && panel.gramView().figure().title().contains("p = " + p + ","));
            assertEquals(512, heatmapWidth());
            assertTrue(panel.lastComputeMillis() <= panel.lastRedrawMillis(), "the redraw time the probe reports includes the computation");
        }

        // All in one JavaFX task: the worker takes the first change, then only the newest left waiting.
        int[] burst = {400, 402, 404, 406, 408, 410, 412, 414, 416, 418, 420, 422, 424, 426, 428, 430};
        long before = panel.redrawsProperty().get();
        robot.interact(() -> {
            for (int p : burst) panel.pField().setValue(p);
        });
        waitUntil(() -> panel.gramView().figure().title().contains("p = 430,"));
        long redrawn = panel.redrawsProperty().get() - before;
        assertTrue(redrawn >= 1 && redrawn < burst.length, redrawn + " redraws for " + burst.length + " changes");
    }

    @Test
    void settingsSaveToAFileAndLoadBack(@TempDir Path dir) throws Exception {
        waitUntil(() -> heatmapWidth() == 64);
        robot().interact(() -> {
            panel.pField().slider().setValue(128);
            panel.nField().slider().setValue(40);
        });
        Path file = dir.resolve("posenc.json");
        assertEquals(file, nnlab.app.Fx.get(() -> panel.settingsFiles().save(file)).get(10, TimeUnit.SECONDS));
        assertTrue(Files.readString(file).contains("\"experiment\" : \"posenc\""), Files.readString(file));
        robot().interact(() -> panel.nField().slider().setValue(10));
        assertTrue(nnlab.app.Fx.get(() -> panel.settingsFiles().load(file)).get(10, TimeUnit.SECONDS));
        assertEquals(40, panel.nField().intValue());
        assertEquals(128, panel.pField().intValue());
        waitUntil(() -> heatmapWidth() == 40);
        assertEquals(40, nnlab.app.Fx.get(() -> panel.currentConfig().getInt("n")));
    }

    private static FxRobot robot() {
        return new FxRobot();
    }
}
