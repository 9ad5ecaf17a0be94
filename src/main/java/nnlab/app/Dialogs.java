package nnlab.app;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The app's dialogs, styled by nnlab.css. None blocks: each is shown and its answer handled by a
 * callback, so a dialog never freezes the window's event loop (and tests can click it).
 */
public final class Dialogs {
    private Dialogs() { }

    /** One line of a problem list: what it is about (a setting's key) and what is wrong. */
    public record Problem(String subject, String message) { }

    public static Alert error(Window owner, String header, String message) {
        Alert alert = styled(new Alert(Alert.AlertType.ERROR, message), owner);
        alert.setHeaderText(header);
        alert.show();
        return alert;
    }

    public static Alert info(Window owner, String header, String message) {
        Alert alert = styled(new Alert(Alert.AlertType.INFORMATION, message), owner);
        alert.setHeaderText(header);
        alert.show();
        return alert;
    }

    /**
     * Asks before doing something that cannot be undone. The confirming button says what it does
     * (e.g. "Delete"); Cancel is the default, so Enter never destroys anything by accident.
     */
    public static Alert confirm(Window owner, String header, String message, String action, Runnable onConfirm) {
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = styled(new Alert(Alert.AlertType.CONFIRMATION, message, ok, cancel), owner);
        alert.setHeaderText(header);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ok)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        alert.getDialogPane().lookupButton(ok).getStyleClass().add("danger-button");
        alert.setOnHidden(e -> {
            if (alert.getResult() == ok) onConfirm.run();
        });
        alert.show();
        return alert;
    }

    /** A list of problems, one row per field, under an explanation of what was (not) done. */
    public static Alert problems(Window owner, String header, String explanation, List<Problem> problems) {
        Alert alert = styled(new Alert(Alert.AlertType.WARNING), owner);
        alert.setHeaderText(header);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("problem-list");
        grid.setHgap(14);
        grid.setVgap(6);
        for (int i = 0; i < problems.size(); i++) {
            Label subject = new Label(problems.get(i).subject());
            subject.getStyleClass().add("problem-subject");
            Label message = new Label(problems.get(i).message());
            message.getStyleClass().add("problem-message");
            message.setWrapText(true);
            message.setMaxWidth(480);
            grid.addRow(i, subject, message);
        }
        Label intro = new Label(explanation);
        intro.setWrapText(true);
        intro.setMaxWidth(520);
        VBox content = new VBox(12, intro, grid);
        content.getStyleClass().add("problems-dialog");
        alert.getDialogPane().setContent(content);
        alert.show();
        return alert;
    }

    private static Alert styled(Alert alert, Window owner) {
        if (owner != null) alert.initOwner(owner);
        alert.getDialogPane().getStylesheets().add(Dialogs.class.getResource("/nnlab/nnlab.css").toExternalForm());
        alert.getDialogPane().getStyleClass().add("nnlab-dialog");
        alert.setResizable(true);
        return alert;
    }
}
