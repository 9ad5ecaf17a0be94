package nnlab.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers: read JavaFX state on its own thread, and wait for it. */
final class Fx {
    private Fx() { }

    static <T> T get(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("JavaFX call failed: " + e, e);
        }
    }

    static void run(Runnable r) {
        get(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the condition, evaluated on the JavaFX thread, holds; the message says what was awaited. */
    static void waitUntil(String what, long timeoutMillis, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(timeoutMillis, TimeUnit.MILLISECONDS, () -> get(condition::get));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
        }
    }
}
