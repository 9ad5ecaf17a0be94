package nnlab.byhand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import nnlab.app.ResultsTableView;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ByHandPanelTest {
    private ByHandPanel panel;

    @BeforeAll
    static void initBackend() {
        NativeSetup.initNow();
    }

    @Start
    void start(Stage stage) {
        panel = new ByHandPanel(false);
        stage.setScene(new Scene((Parent) panel.view(), 1200, 760));
        stage.show();
        panel.onBackendReady();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        // The first SameDiff graph of a JVM takes seconds on a loaded machine; later ones well under one.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String cell(ResultsTableView table, int row, int column) {
        var t = table.current();
        return t == null || row >= t.rows().size() ? null : t.rows().get(row).get(column);
    }

    private static String lastRow(ResultsTableView table, int column) {
        var t = table.current();
        return t == null ? null : t.rows().get(t.rows().size() - 1).get(column);
    }

    private void type(FxRobot robot, String key, String text) {
        robot.interact(() -> panel.fields().text(key).setText(text));
    }

    @Test
    void thePanelHasTheSameHeadingAsTheOthersAndNoTimingLine() throws Exception {
        javafx.scene.control.Label title = (javafx.scene.control.Label) panel.view().lookup(".experiment-header .experiment-title");
        assertTrue(title != null && title.getText().equals("By hand, checked by the machine"), "the panel's title in the heading");
        waitUntil(() -> panel.redrawsProperty().get() > 0);
        assertTrue(!panel.statusText().matches(".*\\d+ ms.*"), "no developer timing on screen: " + panel.statusText());
    }

    @Test
    void editingTheInputRecomputesTheTable(FxRobot robot) throws Exception {
        ResultsTableView conv = panel.convTab().table();
        waitUntil(() -> "5".equals(lastRow(conv, 6)));
        assertEquals(4, conv.current().rows().size(), "three windows and the total");
        // (0, 3, 0) → 0 + 6 + 0 = 6;  (3, 0, 1) → −3 + 0 − 1 = −4;  ReLU → 6, 0;  sum 6.
        type(robot, "conv-input", "0, 3, 0, 1");
        waitUntil(() -> "6".equals(lastRow(conv, 6)));
        assertEquals(3, conv.current().rows().size());
        assertEquals("-4", cell(conv, 1, 5));
        assertTrue(panel.convTab().factText().startsWith("Sum of the ReLU outputs = 6."), panel.convTab().factText());

        // The graph network follows its fields too: with t = 1, ∂L/∂s = y − 1 = σ(20) − 1 = −2.06·10⁻⁹.
        ResultsTableView net = panel.netTab().table();
        type(robot, "gnn-target", "1");
        waitUntil(() -> net.current() != null && net.current().rows().stream()
                .anyMatch(r -> r.get(1).equals("∂L/∂s") && r.get(3).startsWith("-2.06115e-9")));
    }

    @Test
    void aBadEntryIsExplainedNextToItsFieldAndNothingElseChanges(FxRobot robot) throws Exception {
        ResultsTableView conv = panel.convTab().table();
        waitUntil(() -> "5".equals(lastRow(conv, 6)));
        long before = panel.redrawsProperty().get();
        type(robot, "conv-kernel", "-1, x, -1");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#conv-kernel-error").queryAs(Label.class);
        assertTrue(error.isVisible(), "the message is shown under the field");
        assertEquals("Entry 2: 'x' is not a number", error.getText());
        assertTrue(panel.fields().control("conv-kernel").getStyleClass().contains("invalid"));
        assertTrue(panel.statusText().startsWith("Refused: Entry 2"), panel.statusText());
        waitUntil(() -> panel.redrawsProperty().get() > before);
        assertEquals("5", lastRow(conv, 6), "the table keeps the last accepted kernel");

        type(robot, "gnn-h0", "1, 1; 0, 1; 1, 0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Does not fit: h⁽⁰⁾ has 3 rows but the graph has 4 nodes (one row per node, rows separated by ';')",
                panel.fields().error("gnn-h0"));

        type(robot, "conv-kernel", "1, 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(error.isVisible(), "a fixed entry clears its message");
        assertEquals("", panel.fields().error("conv-kernel"));
        // x = (3, 0, −1, 1, −2) under (1, 1): 3, −1, 0, −1 → ReLU 3, 0, 0, 0 → 3.
        waitUntil(() -> "3".equals(lastRow(conv, 6)));
    }

    @Test
    void hoveringACellOfAPowerMarksThePairAndListsItsWalks(FxRobot robot) throws Exception {
        waitUntil(() -> panel.matricesTab().graph().figure() != null);
        robot.interact(() -> panel.tabs().getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        MatrixGrid power = panel.matricesTab().powerGrid();
        // A² of the 5-node graph, entry (1, 3): the single walk 1 → 2 → 3.
        Node cell = cellAt(power, 0, 2);
        assertEquals("1", ((Label) cell).getText());
        robot.moveTo(cell);
        WaitForAsyncUtils.waitForFxEvents();
        GraphFigure shown = panel.matricesTab().graph().figure();
        assertEquals(0, shown.from());
        assertEquals(2, shown.to());
        assertEquals(List.of(0, 1, 2), shown.walk());
        assertTrue(shown.notes().get(0).startsWith("1 walk of length 2 from 1 to 3"), shown.notes().toString());
        assertTrue(cell.getStyleClass().contains("byhand-hovered"));

        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3", panel.fields().text("walk-to").getText(), "a click keeps the pair");

        robot.clickOn("#preset-6-nodes");
        waitUntil(() -> panel.matricesTab().grids().get(0).figure().rows().size() == 6);
        assertEquals("", panel.fields().error("graph-x"), "the preset brings features for its 6 nodes");
    }

    private static Node cellAt(GridPane grid, int i, int j) {
        for (Node n : grid.getChildren()) {
            if (Integer.valueOf(i + 1).equals(GridPane.getRowIndex(n)) && Integer.valueOf(j + 1).equals(GridPane.getColumnIndex(n))) return n;
        }
        throw new AssertionError("no cell " + i + ", " + j);
    }
}
