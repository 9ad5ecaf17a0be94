package nnlab.app;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A scroll pane for content that changes while it is shown (live charts, tables, figures).
 *
 * <p>JavaFX's scroll pane caches its viewport as one bitmap so that scrolling only moves
 * pixels. Any change inside then rebuilds that bitmap: one chart's new image repainted the
 * whole visible result area, 35–50 ms in software rendering (Xvfb, or any desktop without a
 * GPU pipeline), several times a second during a run (the pulse logger's "CacheFilter
 * rebuilding"). Without the cache only what changed is repainted; scrolling repaints the view.
 */
public class LiveScrollPane extends ScrollPane {

    public LiveScrollPane(Node content) {
        super(content);
        skinProperty().addListener((o, old, skin) -> uncacheViewport());
    }

    /** True once the viewport is drawn directly (after the skin exists). */
    public boolean viewportCached() {
        Node viewport = lookup(".viewport");
        return viewport != null && viewport.isCache();
    }

    private void uncacheViewport() {
        Node viewport = lookup(".viewport");
        if (viewport != null) viewport.setCache(false);
    }
}
