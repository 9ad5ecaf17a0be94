package nnlab;

import nnlab.kernel.NativeSetup;
import nnlab.kernel.QuietConsole;

/**
 * Entry point. Without arguments it opens the app; with arguments it is the headless command
 * line ({@code list}, {@code run EXPERIMENT ...}). A plain main class (not an Application
 * subclass) lets JavaFX start from the class path.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        QuietConsole.install();
        NativeSetup.configure();
        if (args.length == 0) {
            nnlab.app.NnLabApp.launchApp(args);
        } else {
            System.exit(nnlab.cli.Cli.run(args, System.out, System.err));
        }
    }
}
