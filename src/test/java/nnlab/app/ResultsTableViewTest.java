package nnlab.app;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ResultsTableViewTest {
    private static final List<String> COLUMNS = List.of("net", "test acc %");
    private ResultsTableView view;

    @Start
    void start(Stage stage) {
        view = new ResultsTableView("results", "Results");
        Fx.showInStage(stage, new StackPane(view));
    }

    @Test
    void aNewDetailShowsEvenWhenTheCellsTextStaysTheSame() {
        Fx.run(() -> view.show(table(Map.of("0:1", "round 1: 0.0 %"))));
        Fx.waitUntil("the detail on the cell", 3000, () -> tooltipOf("0.0 ± 0.0").equals("round 1: 0.0 %"));
        // A second round of a variant that fails the test set: same mean and std, one more round in the details.
        Fx.run(() -> view.show(table(Map.of("0:1", "round 1: 0.0 %\nround 2: 0.0 %"))));
        Fx.waitUntil("the new detail on the unchanged cell", 3000,
                () -> tooltipOf("0.0 ± 0.0").equals("round 1: 0.0 %\nround 2: 0.0 %"));
    }

    @Test
    void detailsArrivingKeepTheCardsHeight() {
        // A run's first table has no details yet; its later ones do, and the hint appears: the
        // views below the table must not move for it.
        Fx.run(() -> view.show(table(Map.of())));
        double without = Fx.get(() -> view.prefHeight(view.getWidth()));
        Fx.run(() -> view.show(table(Map.of("0:1", "round 1: 0.0 %"))));
        assertTrue(Fx.get(() -> view.lookup(".table-hint").isVisible()), "the details hint shows");
        assertEquals(without, Fx.get(() -> view.prefHeight(view.getWidth())), 0.5);
    }

    private static RunEvent.Table table(Map<String, String> details) {
        return new RunEvent.Table("results", "Results", COLUMNS,
                List.of(List.of("Net2", "0.0 ± 0.0"), List.of("Net1", "90.4 ± 0.2")), details);
    }

    private String tooltipOf(String text) {
        for (Node n : view.tableView().lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && text.equals(c.getText())) {
                return c.getTooltip() == null ? "" : c.getTooltip().getText();
            }
        }
        return "";
    }
}
