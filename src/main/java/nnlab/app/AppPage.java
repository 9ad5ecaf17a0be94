package nnlab.app;

import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/**
 * A page of the main window besides the experiments (History, say): an entry under RUNS in the
 * navigation. Pages come from {@link Provider}s found with {@link java.util.ServiceLoader}, so
 * the window imports none of them.
 */
public interface AppPage {

    String title();

    /** The line under the title in the navigation. */
    String description();

    String tooltip();

    /** The shortcut that opens the page, or null. */
    default KeyCombination shortcut() { return null; }

    /** The page's root node, created once. */
    Node view();

    /** Called each time the page is shown (e.g. to re-read a folder). */
    default void onShow() { }

    /** Called once the window is up, after the first panel is built (e.g. to act on a start-up option). */
    default void onWindowReady() { }

    /** Registered in {@code META-INF/services/nnlab.app.AppPage$Provider}. */
    interface Provider {
        /** Lower first in the navigation. */
        default int order() { return 100; }

        AppPage create(Shell shell);
    }
}
