package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Cut text shows whole on hover: labels and table headers that end in an ellipsis get a tooltip with the full text. */
@ExtendWith(ApplicationExtension.class)
class TruncatedTextTipsTest {
    static final String LONG = "Switched-test accuracy of the replicate padding after ten rounds (%)";
    private Label cut;
    private Label fits;
    private Label own;
    private TableView<String> table;

    @Start
    void start(Stage stage) {
        cut = new Label(LONG);
        cut.setMaxWidth(120);
        fits = new Label("Rounds");
        own = new Label(LONG);
        own.setMaxWidth(120);
        own.setTooltip(new Tooltip("the view's own words"));
        table = new TableView<>();
        TableColumn<String, String> column = new TableColumn<>(LONG);
        column.setPrefWidth(90);
        table.getColumns().add(column);
        VBox box = new VBox(8, cut, fits, own, table);
        Scene scene = new Scene(box, 400, 300);
        TruncatedTextTips.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void hoveringACutLabelShowsItsWholeText(FxRobot robot) {
        robot.moveTo(cut);
        robot.moveBy(2, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(TruncatedTextTips.isCut(cut));
        assertNotNull(cut.getTooltip(), "a cut label gets a tooltip");
        assertEquals(LONG, cut.getTooltip().getText());

        robot.moveTo(fits);
        robot.moveBy(1, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fits.getTooltip(), "text that fits needs no tooltip");

        robot.moveTo(own);
        robot.moveBy(1, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("the view's own words", own.getTooltip().getText(), "a view's own tooltip is kept");
    }

    @Test
    void aCutTableHeaderShowsItsWholeText(FxRobot robot) {
        Label header = robot.from(table).lookup(".column-header .label").queryAs(Label.class);
        robot.moveTo(header);
        robot.moveBy(1, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(TruncatedTextTips.isCut(header), "the 90 px column cuts its title");
        assertEquals(LONG, header.getTooltip().getText());
    }

    @Test
    void aLabelThatFitsAgainLosesTheTooltip(FxRobot robot) {
        robot.moveTo(cut);
        robot.moveBy(2, 0);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> cut.setMaxWidth(Double.MAX_VALUE));
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveBy(-1, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(cut.getTooltip());
    }
}
