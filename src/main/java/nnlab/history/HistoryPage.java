package nnlab.history;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import nnlab.app.AppPage;
import nnlab.app.Shell;
import nnlab.kernel.store.RunHistory;

/** History as a page of the main window (registered in META-INF/services/nnlab.app.AppPage$Provider). */
public final class HistoryPage implements AppPage {
    /**
     * Opens History once the window is up (used by assets/screenshot.sh): "list", "open" (the
     * newest run), "open:NAME", "compare" (the two newest runs of one experiment), "compare:A,B".
     */
    public static final String START_PROPERTY = "nnlab.history";

    private final Shell shell;
    private HistoryPanel panel;

    HistoryPage(Shell shell) {
        this.shell = shell;
    }

    @Override public String title() { return "History"; }

    @Override public String description() { return "Saved runs: open, compare, re-run"; }

    @Override public String tooltip() { return "Every saved run, from this app and the command line"; }

    @Override public KeyCombination shortcut() { return new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN); }

    /** Built on first use: a window that never opens History never reads the runs folder. */
    @Override
    public Node view() {
        return panel().view();
    }

    /** Every visit re-reads the runs folder. */
    @Override
    public void onShow() {
        panel().refresh();
    }

    @Override
    public void onWindowReady() {
        String spec = System.getProperty(START_PROPERTY);
        if (spec == null || spec.isBlank()) return;
        shell.showPage(this);
        panel().showOnStart(spec.trim());
    }

    /** The panel, for tests and the page's own use. */
    public HistoryPanel panel() {
        if (panel == null) {
            panel = new HistoryPanel(new RunHistory(shell.engine().store()), shell.engine(), shell.experiments(), shell::applySettings);
        }
        return panel;
    }

    public static final class Provider implements AppPage.Provider {
        @Override public AppPage create(Shell shell) { return new HistoryPage(shell); }
    }
}
