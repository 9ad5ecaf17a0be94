package nnlab.jl;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import nnlab.app.ExperimentPanel;
import nnlab.app.widgets.InteractiveFigures;
import nnlab.app.widgets.LabShell;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Experiment;

/**
 * The JL lab: every setting a control, every change recomputed off the JavaFX thread (newest
 * request only) with the experiment's own figure code, so the panel shows what {@code nnlab run jl}
 * writes; each figure exports from its own menu.
 */
public final class JlPanel implements ExperimentPanel {
    private final Experiment experiment;
    private final InteractiveFigures lab;
    private final LabShell shell;

    public JlPanel(Experiment experiment) {
        this.experiment = experiment;
        List<String> keys = new ArrayList<>(JlSettings.PROJECTION_KEYS);
        keys.addAll(JlSettings.COROLLARY_KEYS);
        lab = new InteractiveFigures("jl-compute", experiment.schema(), keys, java.util.Map::of, JlExperiment.VIEWS,
                JlExperiment::figures);
        Label note = new Label("M is k × d with N(0, 1) entries over √k. The corollary builds U = {M eᵢ/‖M eᵢ‖} (M: n × N Gaussian) "
                + "and reads off the largest prefix of U whose vectors are pairwise within δ.");
        note.setWrapText(true);
        note.getStyleClass().add("lab-note");
        lab.controlsBox().getChildren().add(note);
        shell = new LabShell(experiment, lab.controlsBox(), lab.content(), lab::currentConfig, this::loadSettings);
        shell.settingsFiles().setOnMessage(lab::showMessage);
    }

    @Override public String title() { return experiment.title(); }

    @Override public Node view() { return shell.view(); }

    @Override public void onBackendReady() { lab.backendReady(); }

    @Override
    public boolean startRun(Config config) {
        lab.load(config);
        return true;
    }

    @Override
    public boolean loadSettings(Config config) {
        return startRun(config);
    }

    InteractiveFigures lab() { return lab; }

    LabShell shell() { return shell; }
}
