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
import org.testfx.util.WaitForAsyncUtils;
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

    @Test
    void aLongHeaderWrapsInsteadOfBeingCutAndShowsItsFullTextOnHover() {
        String longName = "Training s (sum of rounds)";
        Fx.run(() -> view.show(new RunEvent.Table("results", "Results", List.of("net", longName), List.of(List.of("Net1", "12")), Map.of())));
        Fx.waitUntil("the header laid out", 3000, () -> Fx.get(() -> view.tableView().lookup(".column-header-text") != null));
        javafx.scene.control.Label header = Fx.get(() -> (javafx.scene.control.Label) view.tableView().getColumns().get(1).getGraphic());
        assertEquals(longName, Fx.get(() -> view.tableView().getColumns().get(1).getText()), "the column keeps its name");
        assertTrue(Fx.get(header::isWrapText));
        assertEquals(longName, Fx.get(() -> header.getTooltip().getText()));
        // Narrower than its one-line text, the header takes two lines rather than an ellipsis.
        Fx.run(() -> {
            view.tableView().getColumns().get(1).setMaxWidth(100);
            view.tableView().getColumns().get(1).setPrefWidth(100);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double column = Fx.get(() -> view.tableView().getColumns().get(1).getWidth());
        double oneLine = Fx.get(() -> new javafx.scene.text.Text(longName).getLayoutBounds().getWidth());
        assertTrue(column < oneLine, "column " + column + " vs text " + oneLine);
        assertTrue(Fx.get(() -> header.getHeight()) > 1.5 * Fx.get(() -> header.getFont().getSize()), "wrapped onto two lines");
        assertTrue(Fx.get(() -> !nnlab.app.TruncatedTextTips.isCut(header)));
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
