package nnlab.gpt;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import nnlab.app.AppContext;
import nnlab.app.ExperimentPanel;
import nnlab.app.SettingsForm;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;

/**
 * The GPT experiment's panel: Training (the generic run panel with the declared live views),
 * Generate (a saved model continues a prompt, character by character, with the probability of
 * each on hover) and Attention (every head's attention on a prompt, and the position
 * embeddings). The last two use the model of the run the Training tab finished, or a run folder
 * the user opens.
 */
public final class GptPanel implements ExperimentPanel {
    private final Experiment experiment;
    private final ExplorerModel model;
    private final GptTrainingTab training;
    private final GenerateTab generate;
    private final AttentionTab attention;
    private final TabPane tabs = new TabPane();

    public GptPanel(AppContext context, Experiment experiment) {
        this.experiment = experiment;
        this.model = new ExplorerModel(context.engine().store() == null ? null : context.engine().store().root(), context.owner());
        this.training = new GptTrainingTab(context, experiment, model::open);
        this.generate = new GenerateTab(model);
        this.attention = new AttentionTab(model);
        // The Training tab is the generic run panel with its own header; the other two get the same
        // title, description and reading guide, so the panel keeps its shell on every tab.
        tabs.getTabs().addAll(tab("Training", training.view()), tab("Generate", withHeader(experiment, generate.view())),
                tab("Attention explorer", withHeader(experiment, attention.view())));
        tabs.getStylesheets().add(GptPanel.class.getResource("/nnlab/gpt.css").toExternalForm());
        tabs.getStyleClass().add("gpt-panel");
    }

    private static Node withHeader(Experiment experiment, Node content) {
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(content);
        pane.setTop(nnlab.app.PanelHeading.header(experiment.title(), experiment.description(), experiment.howToRead()));
        pane.getStyleClass().add("experiment-centre");
        return pane;
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    @Override public String title() { return experiment.title(); }
    @Override public Node view() { return tabs; }

    @Override
    public void onBackendReady() {
        training.onBackendReady();
        model.openNewestSaved();
    }

    @Override
    public boolean startRun(Config config) {
        tabs.getSelectionModel().select(0);
        return training.startRun(config);
    }

    @Override public boolean loadSettings(Config config) { return training.loadSettings(config); }
    @Override public SettingsForm settingsForm() { return training.settingsForm(); }
    @Override public Config currentSettings() { return training.currentSettings(); }
    @Override public void addSettingsListener(Consumer<Config> listener) { training.addSettingsListener(listener); }
    @Override public boolean resetSettings() { return training.resetSettings(); }

    TabPane tabs() { return tabs; }
    GptTrainingTab trainingTab() { return training; }
    GenerateTab generateTab() { return generate; }
    AttentionTab attentionTab() { return attention; }
    ExplorerModel explorerModel() { return model; }
}
