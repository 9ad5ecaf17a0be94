package nnlab.gradients;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nnlab.app.AppContext;
import nnlab.app.EventPump;
import nnlab.app.ExperimentPanel;
import nnlab.app.FigureView;
import nnlab.app.LiveScrollPane;
import nnlab.app.ResponsiveGrid;
import nnlab.app.widgets.InteractiveFigures;
import nnlab.app.widgets.LabShell;
import nnlab.app.widgets.SchemaControls;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;

/**
 * The gradients lab: the chain's figures redrawn on every slider change (computed off the JavaFX
 * thread, newest request only), and a training tab whose MLPs train as a saved run of the engine
 * (History keeps it), their per-layer gradient heatmaps growing a column per epoch.
 */
public final class GradientsPanel implements ExperimentPanel {
    private final AppContext context;
    private final Experiment experiment;
    private final SchemaControls trainControls;
    private final InteractiveFigures chain;
    private final BorderPane trainPane = new BorderPane();
    private final ResponsiveGrid trainGrid = new ResponsiveGrid(380);
    private final Map<String, FigureView> trainViews = new LinkedHashMap<>();
    private final Button start = new Button("Train");
    private final Button cancel = new Button("Cancel");
    private final Label trainStatus = new Label("Press Train: each MLP trains on the images; its heatmap gains a column per epoch.");
    private final TabPane tabs = new TabPane();
    private final VBox chainSettings;
    private final VBox trainSettings;
    private final LabShell shell;
    private Run run;
    private EventPump pump;

    public GradientsPanel(AppContext context, Experiment experiment) {
        this(context, experiment, true);
    }

    /** @param initBackend false when the caller initialises ND4J and calls {@link #onBackendReady()} */
    GradientsPanel(AppContext context, Experiment experiment, boolean initBackend) {
        this.context = context;
        this.experiment = experiment;
        this.trainControls = new SchemaControls(experiment.schema(), GradientsSettings.TRAIN_KEYS);
        this.chain = new InteractiveFigures("gradients-compute", experiment.schema(), GradientsSettings.CHAIN_KEYS,
                trainControls::values, List.of(GradientsExperiment.CHAIN, GradientsExperiment.DEAD), GradientsExperiment::chainFigures);
        Label note = new Label("The bound: ∂x_n/∂x_1 = D_(n−1) W ⋯ D_1 W with |act'| ≤ ¼ for sigmoid (1 for tanh, ReLU), so "
                + "σ_max ≤ (¼·σ_max(W))^(n−1). Each curve is measured by ND4J's SVD of the Jacobian.");
        note.setWrapText(true);
        note.getStyleClass().add("lab-note");
        chain.controlsBox().getChildren().add(note);
        chainSettings = chain.controlsBox();
        trainSettings = buildTrainSettings();
        Tab chainTab = new Tab("Chain: σ_max against depth", chain.content());
        Tab trainTab = new Tab("Training: gradient norm per layer", buildTrainPane());
        tabs.getTabs().addAll(chainTab, trainTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        // One settings column on every tab, showing the settings of the tab in front.
        VBox column = new VBox(chainSettings, trainSettings);
        for (VBox section : List.of(chainSettings, trainSettings)) section.managedProperty().bind(section.visibleProperty());
        trainSettings.visibleProperty().bind(trainTab.selectedProperty());
        chainSettings.visibleProperty().bind(chainTab.selectedProperty());
        shell = new LabShell(experiment, column, tabs, this::shownConfig, this::loadSettings);
        shell.settingsFiles().setOnMessage(m -> {
            chain.showMessage(m);
            trainStatus.setText(m);
        });
        if (initBackend) NativeSetup.initAsync().thenRun(() -> javafx.application.Platform.runLater(this::onBackendReady));
    }

    private VBox buildTrainSettings() {
        VBox left = trainControls.layout();
        start.setDefaultButton(false);
        start.getStyleClass().add("start-button");
        cancel.getStyleClass().add("cancel-button");
        start.setOnAction(e -> startTraining());
        cancel.setOnAction(e -> { if (run != null) run.cancel(); });
        cancel.setDisable(true);
        start.setDisable(context == null);
        HBox buttons = new HBox(8, start, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        left.getChildren().add(0, buttons);
        left.setPadding(new Insets(4, 14, 16, 14));
        return left;
    }

    private Node buildTrainPane() {
        trainGrid.setPadding(new Insets(14, 16, 16, 16));
        LiveScrollPane scroll = new LiveScrollPane(trainGrid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("content-scroll");
        // Before the first run the tab would be an empty grey area: say what will appear there.
        Label hint = new Label("Press Train in the settings column: one heatmap per MLP appears here, "
                + "layer by layer (rows) against epochs (columns), coloured by the gradient norm.");
        hint.setWrapText(true);
        hint.setStyle("-fx-max-width: 560px;");
        hint.getStyleClass().add("empty-hint");
        hint.setId("gradients-train-hint");
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(trainGrid.getChildren()));
        javafx.scene.layout.StackPane centre = new javafx.scene.layout.StackPane(scroll, hint);
        javafx.scene.layout.StackPane.setAlignment(hint, Pos.TOP_CENTER);
        javafx.scene.layout.StackPane.setMargin(hint, new Insets(20));
        hint.setMouseTransparent(true);
        trainPane.setCenter(centre);
        trainStatus.setPadding(new Insets(4, 10, 4, 10));
        trainStatus.setWrapText(true);
        trainPane.setBottom(trainStatus);
        return trainPane;
    }

    @Override public String title() { return experiment.title(); }

    @Override public Node view() { return shell.view(); }

    LabShell shell() { return shell; }

    TabPane tabs() { return tabs; }

    boolean trainControlsVisible() { return trainSettings.isVisible() && trainSettings.getScene() != null; }

    /** The settings of both tabs as one config (for Save), or the defaults' refusal named. */
    private Config shownConfig() {
        return chain.currentConfig();
    }

    @Override public void onBackendReady() { chain.backendReady(); }

    /** Shows the config's chain at once; the training starts only with the Train button. */
    @Override
    public boolean startRun(Config config) {
        return loadSettings(config);
    }

    @Override
    public boolean loadSettings(Config config) {
        if (run != null && !run.status().isFinal()) return false;
        trainControls.load(config);
        chain.load(config);
        return true;
    }

    InteractiveFigures chain() { return chain; }

    FigureView trainView(String id) { return trainViews.get(id); }

    String trainStatus() { return trainStatus.getText(); }

    /** What the Train button does. */
    void startTraining() {
        Config config;
        try {
            config = chain.currentConfig().with("train", true);
        } catch (ConfigException e) {
            trainStatus.setText("Refused: " + e.getMessage().replace('\n', ' '));
            return;
        }
        for (Node n : List.copyOf(trainGrid.items())) trainGrid.removeItem(n);
        trainViews.clear();
        for (ViewSpec v : experiment.views(config)) {
            if (v.equals(GradientsExperiment.CHAIN) || v.equals(GradientsExperiment.DEAD)) continue;
            FigureView fv = new FigureView(v.id(), v.title(), "Appears after the first epoch.");
            trainViews.put(v.id(), fv);
            trainGrid.addItem(fv, false);
        }
        start.setDisable(true);
        cancel.setDisable(false);
        run = context.engine().submit(experiment, config);
        pump = new EventPump(run, this::handle).start();
    }

    private void handle(List<RunEvent> events) {
        for (RunEvent e : events) {
            if (e instanceof RunEvent.FigureUpdate f && trainViews.containsKey(f.id())) {
                trainViews.get(f.id()).setFigure(f.figure());
            } else if (e instanceof RunEvent.Progress p) {
                trainStatus.setText(String.format(Locale.ROOT, "%.0f %% · %s", 100 * p.fraction(), p.message()));
            } else if (e instanceof RunEvent.Status s && s.status().isFinal()) {
                trainStatus.setText("[" + s.status().label() + "] " + s.message() + (run.folder() != null ? " · saved in " + run.folder() : ""));
                start.setDisable(false);
                cancel.setDisable(true);
            }
        }
    }
}
