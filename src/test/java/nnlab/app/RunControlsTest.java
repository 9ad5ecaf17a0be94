package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RunControlsTest {
    private RunControls controls;
    private VBox holder;

    @Start
    void start(Stage stage) {
        controls = new RunControls();
        holder = new VBox(controls);
        holder.setAlignment(Pos.TOP_LEFT);
        Fx.showInStage(stage, holder);
    }

    @Test
    void everyStateOfARunHasTheSameHeight() {
        // The controls sit above the result area: a height change moves (and repaints) every view.
        List<Double> heights = new ArrayList<>();
        heights.add(height());
        Fx.run(controls::showQueued);
        heights.add(height());
        Fx.run(() -> controls.onEvent(new RunEvent.Status(RunStatus.RUNNING, "")));
        heights.add(height());
        Fx.run(() -> controls.onEvent(new RunEvent.Progress(0.3, 12, "Net1 · fconv · round 1/2, epoch 1: val acc 54.4 %")));
        heights.add(height());
        Fx.run(() -> controls.onEvent(new RunEvent.Status(RunStatus.FINISHED, "finished in 20 s")));
        heights.add(height());
        for (double h : heights) assertEquals(heights.get(0), h, 0.5, "heights in turn: " + heights);
    }

    private double height() {
        return Fx.get(() -> {
            holder.applyCss();
            holder.layout();
            return controls.getHeight();
        });
    }
}
