package nnlab.posenc;

import javafx.scene.control.Tab;

/** One tab of the panel: its controls and views, what it computes for a request and how it shows it. */
interface PosEncTab {
    Tab tab();

    /** Runs off the JavaFX thread: computes the tab's figures and returns the step that puts them on screen. */
    Shown compute(PosEncRequest request);

    /** Runs on the JavaFX thread: shows the computed figures; returns the text for the side panel's facts. */
    @FunctionalInterface
    interface Shown {
        String show();
    }
}
