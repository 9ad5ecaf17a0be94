package nnlab.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The operating system's side of "Show folder": its file manager, and the clipboard where there is none. */
final class FileManager {
    private FileManager() { }

    /**
     * Opens the folder in the file manager, or a file in the application the system has for it
     * (a report in the browser): xdg-open on Linux, the desktop API elsewhere; false where neither
     * works. Blocks up to ten seconds: call off the JavaFX thread.
     */
    static boolean open(Path folder) {
        if (!Files.exists(folder)) return false;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean graphical = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (!os.contains("win") && !os.contains("mac") && graphical) {
            // AWT's Desktop would load a second GTK next to JavaFX's on Linux; xdg-open is what it calls anyway.
            try {
                Process p = new ProcessBuilder("xdg-open", folder.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                java.awt.Desktop.getDesktop().open(folder.toFile());
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** Puts the text on the system clipboard; call on the JavaFX thread. */
    static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
