package nnlab.rotation;

import nnlab.app.AppContext;
import nnlab.app.GenericExperimentPanel;
import nnlab.kernel.run.Experiment;

/**
 * The rotation study's panel: the generic run view, plus samples of the chosen data source that
 * follow the data settings before a run starts, so a wrong folder or a corrupt file shows up
 * (with the file's name) before minutes of training.
 */
public final class RotationPanel extends GenericExperimentPanel {

    public RotationPanel(AppContext context, Experiment experiment) {
        super(context, experiment);
        // A few hundred images hold every class; the test split is not needed for a preview.
        setSettingsPreview(RotationExperiment.SAMPLES_FIGURE, config -> RotationExperiment.samples(
                RotationExperiment.load(config.with(RotationSettings.TRAIN_SIZE, 300).with(RotationSettings.TEST_SIZE, 1)
                        .with(RotationSettings.STRIP_IMAGE, 0)).train(), 2));
    }

    public RotationPanel(AppContext context) {
        this(context, new RotationExperiment());
    }
}
