package nnlab.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers: read JavaFX state on its own thread, and wait for it. */
public final class Fx {
    private Fx() { }

    public static <T> T get(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("JavaFX call failed: " + e, e);
        }
    }

    public static void run(Runnable r) {
        get(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the condition, evaluated on the JavaFX thread, holds; the message says what was awaited. */
    public static void waitUntil(String what, long timeoutMillis, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(timeoutMillis, TimeUnit.MILLISECONDS, () -> get(condition::get));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
        }
    }

    /** Puts a panel's view in the stage at the app's default size, styled with the app's CSS. */
    public static void showInStage(javafx.stage.Stage stage, javafx.scene.Node view) {
        javafx.scene.Scene scene = new javafx.scene.Scene((javafx.scene.Parent) view, 1280, 800);
        scene.getStylesheets().add(Fx.class.getResource("/nnlab/nnlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Closes every open dialog window (after a test that may have left one up). */
    public static void closeDialogs() {
        run(() -> {
            for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                if (w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane
                        && w instanceof javafx.stage.Stage s) s.close();
            }
        });
    }
}
