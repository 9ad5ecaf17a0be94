package nnlab.app;

/**
 * Code that watches the window from outside the app, e.g. the benchmark's UI probe; found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/nnlab.app.ShellExtension}). An
 * extension decides itself (from a system property, say) whether it has anything to do.
 */
public interface ShellExtension {

    /** The window is on screen (JavaFX thread). */
    default void windowShown(Shell shell) { }

    /** The first panel is built and the window is ready for use (JavaFX thread). */
    default void firstPanelBuilt(Shell shell) { }

    /** ND4J has loaded, or failed to with {@code error} (JavaFX thread). */
    default void backendReady(Shell shell, Throwable error) { }
}
