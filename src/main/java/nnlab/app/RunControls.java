package nnlab.app;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;

/**
 * Start and Cancel, the run's progress with an ETA, and its status in words, coloured by state.
 * Driven by the run's Progress and Status events; it never looks at the run itself.
 */
public class RunControls extends HBox {
    private static final List<String> STATE_CLASSES = List.of(
            "state-idle", "state-queued", "state-running", "state-cancelling", "state-finished",
            "state-cancelled", "state-diverged", "state-failed");

    private final Button start = new Button("Start");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label eta = new Label();
    private final Label status = new Label();
    private final Label detail = new Label();
    private RunStatus runStatus;
    private boolean settingsValid = true;

    public RunControls() {
        getStyleClass().add("run-controls");
        start.getStyleClass().add("start-button");
        start.setId("start-button");
        start.setTooltip(new Tooltip("Start a run with these settings (Enter in the form)"));
        cancel.getStyleClass().add("cancel-button");
        cancel.setId("cancel-button");
        cancel.setTooltip(new Tooltip("Stop the run at its next check (within a second)"));
        cancel.setDisable(true);
        start.disabledProperty().addListener((o, a, b) -> updateStartLook());
        // The header gives the experiment's description the spare width; the buttons never shrink.
        start.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        status.getStyleClass().add("run-status");
        status.setId("run-status");
        detail.getStyleClass().add("run-detail");
        eta.getStyleClass().add("run-eta");
        // Two rows: status and buttons on top, progress bar with ETA below, so the controls stay
        // narrow. Progress messages can be long ("Net1 · replicate · round 3/10, epoch 12: …"):
        // they are cut with an ellipsis and shown whole in the tooltip.
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinWidth(120);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox progressRow = new HBox(10, progress, eta);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        eta.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(Region.USE_PREF_SIZE);
        detail.setMinWidth(0);
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        Tooltip detailTip = new Tooltip();
        detailTip.textProperty().bind(detail.textProperty());
        detail.setTooltip(detailTip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, status, spacer, start, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox rows = new VBox(6, top, progressRow, detail);
        HBox.setHgrow(rows, Priority.ALWAYS);
        setPrefWidth(400);
        setMinWidth(Region.USE_PREF_SIZE);
        getChildren().add(rows);
        showIdle();
    }

    public Button startButton() { return start; }

    public Button cancelButton() { return cancel; }

    public ProgressBar progressBar() { return progress; }

    public String statusText() { return status.getText(); }

    public String etaText() { return eta.getText(); }

    /** The status of the run shown, or null before the first run. */
    public RunStatus runStatus() { return runStatus; }

    public boolean isRunActive() { return runStatus != null && !runStatus.isFinal(); }

    public void setOnStart(Runnable action) { start.setOnAction(e -> action.run()); }

    /**
     * Whether Start can start a run with the settings shown. Only then does it look like the
     * primary action; otherwise it stays clickable (a click shows what to fix) but plain.
     */
    public void setSettingsValid(boolean valid) {
        settingsValid = valid;
        updateStartLook();
    }

    /** True when Start is styled as the primary action (settings valid, no run active). */
    public boolean startLooksPrimary() {
        return start.getStyleClass().contains("start-button");
    }

    private void updateStartLook() {
        boolean primary = settingsValid && !start.isDisabled();
        if (primary && !start.getStyleClass().contains("start-button")) start.getStyleClass().add("start-button");
        if (!primary) start.getStyleClass().remove("start-button");
        start.setTooltip(new Tooltip(settingsValid ? "Start a run with these settings (Enter in the form)"
                : "Some settings are invalid: click to see which"));
    }

    public void setOnCancel(Runnable action) { cancel.setOnAction(e -> action.run()); }

    public void showIdle() {
        runStatus = null;
        setState("state-idle", "Ready", "");
        progress.setProgress(0);
        eta.setText("");
        start.setDisable(false);
        cancel.setDisable(true);
    }

    /** A run was just submitted. */
    public void showQueued() {
        runStatus = RunStatus.QUEUED;
        setState("state-queued", "Queued", "waiting for the runner");
        // An empty bar, not an indeterminate one: the "Queued" text says it, and the animated
        // bar's skin was built at every Start only to be dropped a moment later when the run began.
        progress.setProgress(0);
        eta.setText("");
        start.setDisable(true);
        cancel.setDisable(false);
    }

    /** Cancel was pressed; the run stops at its next check. */
    public void showCancelling() {
        if (!isRunActive()) return;
        setState("state-cancelling", "Cancelling…", "");
        cancel.setDisable(true);
    }

    /** Shows a message next to the status without changing the run state (e.g. "fix the settings"). */
    public void showNote(String text) {
        detail.setText(text);
    }

    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.Progress p) {
            if (!isRunActive()) return;
            progress.setProgress(p.fraction());
            eta.setText(Double.isFinite(p.etaSeconds()) && p.fraction() < 1 ? "ETA " + RunEngine.formatSeconds(p.etaSeconds()) : "");
            if (!status.getStyleClass().contains("state-cancelling")) detail.setText(p.message() == null ? "" : p.message());
        } else if (event instanceof RunEvent.Status s) {
            showStatus(s.status(), s.message());
        }
    }

    private void showStatus(RunStatus newStatus, String message) {
        runStatus = newStatus;
        switch (newStatus) {
            case QUEUED -> showQueued();
            case RUNNING -> {
                if (!status.getStyleClass().contains("state-cancelling")) setState("state-running", "Running", "");
            }
            default -> {
                String text = message == null || message.isBlank() ? newStatus.label() : capitalise(message);
                setState("state-" + newStatus.name().toLowerCase(Locale.ROOT), text, "");
                if (newStatus == RunStatus.FINISHED) progress.setProgress(1);
                eta.setText("");
                start.setDisable(false);
                cancel.setDisable(true);
            }
        }
    }

    private void setState(String styleClass, String text, String detailText) {
        status.getStyleClass().removeAll(STATE_CLASSES);
        status.getStyleClass().add(styleClass);
        progress.getStyleClass().removeAll(STATE_CLASSES);
        progress.getStyleClass().add(styleClass);
        status.setText(text);
        detail.setText(detailText);
        status.setTooltip(text.length() > 40 ? new Tooltip(text) : null);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
