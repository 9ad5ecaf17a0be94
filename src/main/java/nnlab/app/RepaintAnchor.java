package nnlab.app;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Keeps JavaFX from repainting the whole window when only content outside the window changed.
 *
 * <p>JavaFX 21 repaints only a frame's dirty rectangles, clipped to what is visible. When every
 * dirty rectangle of a frame lies outside the visible area (a results table or a figure scrolled
 * below the fold of the result area, updated by a run), none is left, and its painter then
 * repaints the entire window instead (ViewPainter: no dirty region means "paint everything"):
 * 50–95 ms in software rendering while training takes both cores. Views that change their
 * content without a layout (a new image) call {@link #touch}, and every frame with a layout pass
 * touches it too (a layout may move or resize views out of sight); the anchor, an empty 1 × 1 px
 * node in the status bar, then changes its opacity in that same frame, which leaves one visible
 * dirty pixel to paint.
 */
public final class RepaintAnchor {
    private static final Object KEY = RepaintAnchor.class;

    private final Region node = new Region();
    /** Changed in the current frame already: a second change in one frame would undo the first. */
    private boolean touched;
    private int changes;

    private RepaintAnchor() {
        node.getStyleClass().add("repaint-anchor");
        node.setManaged(false);
        node.setMouseTransparent(true);
        node.resizeRelocate(0, 0, 1, 1);
    }

    /** Puts an anchor into the given visible container of the scene (it draws nothing). */
    public static void install(Scene scene, Pane host) {
        RepaintAnchor anchor = new RepaintAnchor();
        host.getChildren().add(anchor.node);
        scene.getProperties().put(KEY, anchor);
        scene.addPreLayoutPulseListener(() -> {
            if (scene.getRoot() != null && scene.getRoot().isNeedsLayout()) anchor.touch();
        });
        scene.addPostLayoutPulseListener(() -> anchor.touched = false);
    }

    /** Called on the JavaFX thread by a view whose content changed; does nothing outside a scene with an anchor. */
    public static void touch(Node changed) {
        Scene scene = changed.getScene();
        if (scene != null && scene.getProperties().get(KEY) instanceof RepaintAnchor anchor) anchor.touch();
    }

    /** How often the anchor changed (for tests). */
    static int changes(Scene scene) {
        return scene.getProperties().get(KEY) instanceof RepaintAnchor anchor ? anchor.changes : 0;
    }

    private void touch() {
        if (touched) return;
        touched = true;
        changes++;
        node.setOpacity(node.getOpacity() == 1.0 ? 0.5 : 1.0);
    }
}
