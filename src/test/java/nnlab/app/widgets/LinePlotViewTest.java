package nnlab.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import nnlab.app.Fx;
import nnlab.kernel.figure.LineFigure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The positional-encoding tabs' line plot: a title never runs past the view's edges. */
@ExtendWith(ApplicationExtension.class)
class LinePlotViewTest {
    private final LinePlotView view = new LinePlotView();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(view), 800, 400));
        stage.show();
    }

    private static LineFigure figure(String title) {
        return new LineFigure(title, "c", "max |attention − max pool|",
                List.of(new LineFigure.Series("max |error|", new double[] {0, 1, 2, 3}, new double[] {1, 1e-2, 1e-4, 1e-8})), true);
    }

    @Test
    void aLongTitleEndsInAnEllipsisWithinTheViewAndAShortOneIsKept() {
        String title = "Attention vs max pool (c = 4) on a signal of 32 positions";
        Fx.run(() -> {
            view.setPrefSize(240, 220);
            view.show(figure(title));
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(240, Fx.get(view::getWidth), 1e-9);
        String drawn = Fx.get(view::drawnTitle);
        assertTrue(drawn.endsWith("…") && title.startsWith(drawn.substring(0, drawn.length() - 1)), drawn);
        assertTrue(LinePlotView.textWidth(drawn, LinePlotView.SMALL_TITLE_FONT) <= 232, drawn + " in a 240-px view");
        Fx.run(() -> {
            view.setPrefSize(760, 300);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(title, Fx.get(view::drawnTitle), "room enough: the whole title");
    }
}
