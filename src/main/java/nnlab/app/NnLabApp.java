package nnlab.app;

/** The JavaFX application (being built). */
public final class NnLabApp {
    private NnLabApp() { }

    public static void launchApp(String[] args) {
        throw new UnsupportedOperationException("the app is not built yet");
    }
}
