package nnlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import nnlab.kernel.run.Experiment;

/**
 * The main window's menus (File, View, Help) and the list of every keyboard shortcut the help
 * window shows: the menus' accelerators, the pages' shortcuts, and the keys panels handle
 * themselves. One place, so the list cannot forget a shortcut the menus have.
 */
final class ShellMenus {
    /** What the menus act on; the window implements it. */
    interface Actions {
        List<Experiment> experiments();

        List<AppPage> pages();

        void openExperiment(String id);

        void showPage(AppPage page);

        /** The experiment whose panel is shown, or null (a page is shown). */
        Experiment shownExperiment();

        /** Resets the shown panel's settings; returns a note for the user, or null when done. */
        String resetShownSettings();

        void setDarkTheme(boolean dark);

        void showHelp(String guideFor);

        boolean hasGuide(String experimentId);

        void quit();
    }

    static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination DARK = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    /** Ctrl+1 … Ctrl+9 open the first nine experiments. */
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
        KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private final Actions actions;
    private final CheckMenuItem dark = new CheckMenuItem("Dark theme");
    private final MenuBar bar = new MenuBar();

    ShellMenus(Actions actions, boolean darkTheme, Consumer<String> note) {
        this.actions = actions;
        MenuItem reset = new MenuItem("Reset this panel's settings to defaults");
        reset.setId("menu-reset-settings");
        reset.setOnAction(e -> {
            String problem = actions.resetShownSettings();
            if (problem != null) note.accept(problem);
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(QUIT);
        quit.setOnAction(e -> actions.quit());
        Menu file = new Menu("File", null, reset, new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> reset.setDisable(actions.shownExperiment() == null));

        dark.setId("menu-dark-theme");
        dark.setSelected(darkTheme);
        dark.setAccelerator(DARK);
        dark.selectedProperty().addListener((o, was, is) -> actions.setDarkTheme(is));
        Menu view = new Menu("View", null, dark, new SeparatorMenuItem());
        List<Experiment> experiments = actions.experiments();
        for (int i = 0; i < experiments.size(); i++) {
            Experiment x = experiments.get(i);
            MenuItem item = new MenuItem(x.title());
            if (i < DIGITS.length) item.setAccelerator(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(e -> actions.openExperiment(x.id()));
            view.getItems().add(item);
        }
        for (AppPage page : actions.pages()) {
            // The page's shortcut is the scene's already; shown here so the menu teaches it.
            MenuItem item = new MenuItem(page.title() + (page.shortcut() == null ? "" : "\t" + page.shortcut().getDisplayText()));
            item.setOnAction(e -> actions.showPage(page));
            view.getItems().add(item);
        }

        MenuItem help = new MenuItem("Keyboard shortcuts and reading guides");
        help.setId("menu-help");
        help.setAccelerator(HELP);
        help.setOnAction(e -> actions.showHelp(null));
        MenuItem guide = new MenuItem("How to read this panel");
        guide.setId("menu-how-to-read");
        guide.setOnAction(e -> {
            Experiment shown = actions.shownExperiment();
            actions.showHelp(shown == null ? null : shown.id());
        });
        Menu helpMenu = new Menu("Help", null, help, guide);
        helpMenu.setOnShowing(e -> {
            Experiment shown = actions.shownExperiment();
            guide.setDisable(shown == null || !actions.hasGuide(shown.id()));
            guide.setText(shown == null ? "How to read this panel" : "How to read “" + shown.title() + "”");
        });

        bar.getMenus().addAll(file, view, helpMenu);
        bar.getStyleClass().add("app-menu-bar");
    }

    MenuBar bar() { return bar; }

    CheckMenuItem darkThemeItem() { return dark; }

    /** Every shortcut, for the help window. */
    List<HelpWindow.Shortcut> shortcuts() {
        List<HelpWindow.Shortcut> list = new ArrayList<>();
        list.add(new HelpWindow.Shortcut(HELP.getDisplayText(), "This help: shortcuts and each panel's reading guide"));
        List<Experiment> experiments = actions.experiments();
        for (int i = 0; i < Math.min(DIGITS.length, experiments.size()); i++) {
            list.add(new HelpWindow.Shortcut(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN).getDisplayText(),
                    "Open " + experiments.get(i).title()));
        }
        for (AppPage page : actions.pages()) {
            if (page.shortcut() != null) list.add(new HelpWindow.Shortcut(page.shortcut().getDisplayText(), "Open " + page.title()));
        }
        list.add(new HelpWindow.Shortcut("Enter", "In a panel's settings: start a run with them"));
        list.add(new HelpWindow.Shortcut("Enter", "In History: open the selected run (compare when several are selected)"));
        list.add(new HelpWindow.Shortcut("Delete / F2", "In History: delete / rename the selected run"));
        list.add(new HelpWindow.Shortcut("F5", "In History: read the runs folder again"));
        list.add(new HelpWindow.Shortcut("Esc", "In History: back from a run to the list"));
        list.add(new HelpWindow.Shortcut(DARK.getDisplayText(), "Dark theme on or off"));
        list.add(new HelpWindow.Shortcut(QUIT.getDisplayText(), "Quit (cancels a running run)"));
        return list;
    }
}
