package nnlab.byhand;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.SettingsFileActions;
import nnlab.app.widgets.NewestOnlyWorker;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;

/**
 * The by-hand lab: three tabs of hand calculations whose every number is a field. Each edit is
 * checked at once by the experiment's schema (a refusal appears under its field) and the accepted
 * numbers are recomputed with ND4J/SameDiff on one background thread that only computes the newest
 * request; the tables and drawings are the ones the command line's run saves.
 */
public final class ByHandPanel implements ExperimentPanel {
    private final ConfigSchema schema = ByHandSettings.schema();
    private final ByHandFields fields = new ByHandFields(schema);
    private final SettingsFileActions settingsFiles = new SettingsFileActions(ByHandExperiment.ID, schema, fields::current,
            this::loadSettings);
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    private final ConvTab convTab = new ConvTab(fields);
    private final GraphNetTab netTab = new GraphNetTab(fields);
    private final MatricesTab matricesTab = new MatricesTab(fields);
    /** The last computation, read and written on the worker thread only. */
    private ByHandComputed previous;
    private final NewestOnlyWorker<Request, ByHandComputed> worker = new NewestOnlyWorker<>("by-hand-compute",
            r -> previous = ByHandComputed.of(r.config(), r.refused(), previous), this::show, m -> setStatus("Could not compute: " + m, true));
    private final ReadOnlyLongWrapper redraws = new ReadOnlyLongWrapper();
    private boolean backendReady;

    private record Request(Config config, List<String> refused) { }

    public ByHandPanel() {
        this(true);
    }

    /** @param initBackend false when the caller has initialised ND4J already (or will call onBackendReady) */
    ByHandPanel(boolean initBackend) {
        build();
        if (initBackend) NativeSetup.initAsync().thenRun(() -> Platform.runLater(this::onBackendReady));
    }

    /** The app's constructor: the app calls {@link #onBackendReady()} once ND4J has loaded. */
    public ByHandPanel(AppContext context) {
        this(false);
    }

    @Override public String title() { return "By hand, checked by the machine"; }

    @Override public Node view() { return root; }

    @Override
    public void onBackendReady() {
        if (backendReady) return;
        backendReady = true;
        request();
    }

    /** Shows these numbers (autostart, History's "use these settings"): the panel computes as soon as they change. */
    @Override
    public boolean startRun(Config config) {
        fields.load(config);
        return true;
    }

    @Override
    public boolean loadSettings(Config config) {
        return startRun(config);
    }

    /** Redraws completed so far; tests wait on it. */
    public ReadOnlyLongProperty redrawsProperty() { return redraws.getReadOnlyProperty(); }

    ByHandFields fields() { return fields; }
    ConvTab convTab() { return convTab; }
    GraphNetTab netTab() { return netTab; }
    MatricesTab matricesTab() { return matricesTab; }
    TabPane tabs() { return tabs; }
    String statusText() { return status.getText(); }

    private void build() {
        root.getStyleClass().add("byhand-panel");
        root.getStylesheets().add(ByHandPanel.class.getResource("/nnlab/byhand.css").toExternalForm());
        tabs.getTabs().addAll(convTab.tab(), netTab.tab(), matricesTab.tab());
        root.setCenter(tabs);
        // The same title and description as every other panel; each tab has its own "How to read this".
        ByHandExperiment experiment = new ByHandExperiment();
        javafx.scene.layout.VBox header = new javafx.scene.layout.VBox(nnlab.app.PanelHeading.of(experiment.title(), experiment.description()));
        header.getStyleClass().add("experiment-header");
        root.setTop(header);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setPadding(new Insets(4, 10, 4, 10));
        HBox.setHgrow(status, Priority.ALWAYS);
        Label settingsLabel = new Label("Settings:");
        settingsLabel.getStyleClass().add("status-muted");
        HBox digits = new HBox(6, new Label("Significant digits"), fields.control("digits"));
        digits.setAlignment(Pos.CENTER_LEFT);
        fields.text("digits").setPrefColumnCount(3);
        HBox bottom = new HBox(8, status, digits, settingsLabel, settingsFiles.loadButton(), settingsFiles.saveButton());
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(0, 8, 0, 0));
        settingsFiles.setOnMessage(m -> setStatus(m, false));
        root.setBottom(bottom);
        fields.setOnChange(this::request);
    }

    private void request() {
        List<String> refused = new ArrayList<>();
        Config config = fields.validate(refused);
        if (!refused.isEmpty()) {
            setStatus("Refused: " + fields.error(refused.get(0)) + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : "")
                    + " — the message is under the field marked in red", true);
        }
        if (!backendReady) {
            if (refused.isEmpty()) setStatus("Loading the ND4J backend…", false);
            return;
        }
        if (refused.isEmpty()) {
            setStatus(redraws.get() == 0 ? "Computing with ND4J/SameDiff (the first time takes a few seconds)…" : "Computing…", false);
        }
        worker.submit(new Request(config, refused));
    }

    private void show(ByHandComputed c) {
        convTab.show(c);
        netTab.show(c);
        matricesTab.show(c);
        if (c.refused().isEmpty()) {
            setStatus("Every number above is checked by ND4J/SameDiff (recomputed as you type)", false);
        }
        redraws.set(redraws.get() + 1);
    }

    private void setStatus(String text, boolean error) {
        status.setText(text);
        status.getStyleClass().remove("byhand-status-error");
        if (error) status.getStyleClass().add("byhand-status-error");
    }
}
