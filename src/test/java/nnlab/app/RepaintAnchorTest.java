package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RepaintAnchorTest {
    private Scene scene;
    private Label content;

    @Start
    void start(Stage stage) {
        content = new Label("content");
        HBox statusBar = new HBox(new Label("status"));
        scene = new Scene(new VBox(content, statusBar), 400, 300);
        RepaintAnchor.install(scene, statusBar);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void changesOncePerFrameWhateverTouchesIt() {
        settle();
        int before = Fx.get(() -> RepaintAnchor.changes(scene));
        // Two changes in one frame would cancel out (the frame would see the old opacity again).
        Fx.run(() -> {
            RepaintAnchor.touch(content);
            RepaintAnchor.touch(content);
        });
        assertEquals(before + 1, Fx.get(() -> RepaintAnchor.changes(scene)));
        settle();
        Fx.run(() -> RepaintAnchor.touch(content));
        assertEquals(before + 2, Fx.get(() -> RepaintAnchor.changes(scene)), "a later frame changes it again");
    }

    @Test
    void aFrameWithALayoutPassTouchesItAndAnIdleFrameDoesNot() {
        settle();
        int idle = Fx.get(() -> RepaintAnchor.changes(scene));
        settle();
        assertEquals(idle, Fx.get(() -> RepaintAnchor.changes(scene)), "idle frames leave it alone (no repaint forced)");
        Fx.run(() -> content.setText("a longer text that needs a new layout"));
        Fx.waitUntil("the layout's frame", 3000, () -> RepaintAnchor.changes(scene) > idle);
    }

    @Test
    void viewsOutsideAnAnchoredSceneAreIgnored() {
        Label loose = new Label("not in a scene");
        Fx.run(() -> RepaintAnchor.touch(loose));
        assertTrue(Fx.get(() -> RepaintAnchor.changes(new Scene(new VBox()))) == 0);
    }

    /** Lets a few frames pass so that no touch or layout is pending. */
    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
