package nnlab.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;

/**
 * The full text on hover wherever a label, button or table header is cut with an ellipsis: when
 * the mouse moves over a {@link Labeled} whose shown text is not its whole text, it gets a
 * tooltip with the whole text (and loses it once the text fits again). One filter on the scene,
 * so every panel, table header and card title is covered without each view doing it; a tooltip
 * a view set itself is never replaced.
 */
public final class TruncatedTextTips {
    /** Marks tooltips made here, so a view's own tooltips are left alone. */
    private static final String MARK = "nnlab-truncated-text-tip";

    private TruncatedTextTips() { }

    public static void install(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            if (e.getPickResult() == null) return;
            for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
                if (n instanceof Labeled labeled) {
                    update(labeled);
                    return;
                }
            }
        });
    }

    /** Gives the labeled a tooltip with its whole text if the text is cut now; removes one made here if not. */
    public static void update(Labeled labeled) {
        Tooltip own = labeled.getTooltip();
        boolean ours = own != null && MARK.equals(own.getId());
        if (own != null && !ours) return;
        String full = labeled.getText();
        if (full != null && !full.isEmpty() && isCut(labeled)) {
            if (!ours) {
                Tooltip tip = new Tooltip(full);
                tip.setId(MARK);
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                labeled.setTooltip(tip);
            } else if (!full.equals(own.getText())) {
                own.setText(full);
            }
        } else if (ours) {
            labeled.setTooltip(null);
        }
    }

    /** True when the skin shows less than the text (an ellipsis or a clipped line). */
    public static boolean isCut(Labeled labeled) {
        Text shown = shownText(labeled);
        return shown != null && !labeled.getText().equals(shown.getText());
    }

    private static Text shownText(Parent labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t) return t;
        }
        return null;
    }
}
