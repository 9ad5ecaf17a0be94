package nnlab.app;

import javafx.animation.AnimationTimer;

/** Defers work by whole JavaFX frames. */
final class Frames {
    private Frames() { }

    /**
     * Runs the action on the JavaFX thread at the n-th frame from now (call on the JavaFX thread).
     * The first call can fall in the frame being prepared (a timer started during another timer's
     * or an animation's turn is called in the same pulse), so n = 2 is the earliest that is surely
     * a later frame.
     */
    static void after(int frames, Runnable action) {
        new AnimationTimer() {
            private int calls;

            @Override
            public void handle(long now) {
                if (++calls < frames) return;
                stop();
                action.run();
            }
        }.start();
    }
}
