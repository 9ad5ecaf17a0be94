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

    /** Pixels per wheel notch: JavaFX moves 40, a sliver of a 270-px chart, so a long result page took dozens of notches. */
    static final double WHEEL_STEP = 120;

    public LiveScrollPane(Node content) {
        super(content);
        skinProperty().addListener((o, old, skin) -> uncacheViewport());
        addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0 || e.isInertia() || getContent() == null) return;
            double overflow = getContent().getLayoutBounds().getHeight() - getViewportBounds().getHeight();
            if (overflow <= 0) return;
            // Touchpads send small deltas in pixels: only whole wheel notches (±40) are scaled.
            double notches = e.getDeltaY() / e.getMultiplierY();
            double pixels = Math.abs(e.getDeltaY()) >= e.getMultiplierY() ? notches * WHEEL_STEP : e.getDeltaY();
            setVvalue(clamp(getVvalue() - pixels / overflow * (getVmax() - getVmin())));
            e.consume();
        });
    }

    private double clamp(double v) {
        return Math.max(getVmin(), Math.min(getVmax(), v));
    }

    /** Scrolls so that the node (inside the content) starts at the top of the viewport, as far as the content allows. */
    public static void scrollToTop(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        if (content == null) return;
        double y = content.sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinY();
        double overflow = content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
        if (overflow <= 0) return;
        pane.setVvalue(pane.getVmin() + Math.max(0, Math.min(1, y / overflow)) * (pane.getVmax() - pane.getVmin()));
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
