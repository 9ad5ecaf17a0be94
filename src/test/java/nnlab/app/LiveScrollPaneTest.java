package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LiveScrollPaneTest {
    private ScrollPane plain;
    private LiveScrollPane live;

    @Start
    void start(Stage stage) {
        plain = new ScrollPane(new Label("plain"));
        live = new LiveScrollPane(new Label("live"));
        Fx.showInStage(stage, new HBox(plain, live));
    }

    /** JavaFX caches a scroll pane's viewport as one bitmap; live content must not rebuild it on every change. */
    @Test
    void theViewportIsDrawnDirectlyUnlikeJavaFxsDefault() {
        Fx.waitUntil("both skinned", 5000, () -> plain.getSkin() != null && live.getSkin() != null);
        assertTrue(Fx.get(() -> plain.lookup(".viewport").isCache()), "JavaFX's default caches the viewport (the premise)");
        assertFalse(Fx.get(live::viewportCached), "the live pane's viewport is not cached");
    }
}
