package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Small multiples (PCA per depth) share the grid's columns; a figure of its own takes a row. */
@ExtendWith(ApplicationExtension.class)
class ViewBoardSeriesTest {
    private final ResponsiveGrid grid = new ResponsiveGrid(300);
    private ViewBoard board;

    @Start
    void start(Stage stage) {
        board = new ViewBoard(grid, new Label(), card -> { });
        stage.setScene(new Scene(grid, 1000, 700));
        stage.show();
    }

    @Test
    void figuresThatDifferOnlyInATrailingNumberFormAGrid() throws Exception {
        Fx.run(() -> {
            board.declare(List.of(ViewSpec.figure("energy", "Energy"), ViewSpec.figure("pca-depth-1", "PCA · depth 1"),
                    ViewSpec.figure("pca-depth-4", "PCA · depth 4"), ViewSpec.figure("pca-depth-16", "PCA · depth 16")));
            for (String id : List.of("energy", "pca-depth-1", "pca-depth-4", "pca-depth-16")) {
                board.show(new RunEvent.FigureUpdate(id, new DemoFigure(id, List.of("a", "b"), new double[] {1, 2})));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node energy = Fx.get(() -> board.node("energy"));
        javafx.scene.Node pca1 = Fx.get(() -> board.node("pca-depth-1"));
        javafx.scene.Node pca4 = Fx.get(() -> board.node("pca-depth-4"));
        assertEquals(Integer.valueOf(1), Fx.get(() -> javafx.scene.layout.GridPane.getRowIndex(pca1)).equals(
                Fx.get(() -> javafx.scene.layout.GridPane.getRowIndex(pca4))) ? 1 : 0, "two PCA figures side by side");
        assertTrue(Fx.get(() -> grid.getColumnCount() >= 3 || grid.getColumnConstraints().size() >= 3));
        Integer span = Fx.get(() -> javafx.scene.layout.GridPane.getColumnSpan(energy));
        assertFalse(span == null || span == 1, "a figure of its own spans the row, got " + span);
    }
}
