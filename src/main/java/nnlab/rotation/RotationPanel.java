package nnlab.rotation;

import java.util.List;
import nnlab.app.AppContext;
import nnlab.app.GenericExperimentPanel;
import nnlab.kernel.run.RunEvent;

/**
 * The rotation study's panel: the generic run view, plus samples of the chosen data source that
 * follow the data settings before a run starts, so a wrong folder or a corrupt file shows up
 * (with the file's name) before minutes of training.
 */
public final class RotationPanel extends GenericExperimentPanel {

    public RotationPanel(AppContext context) {
        super(context, new RotationExperiment());
        // A few hundred images hold every class; the test split is not needed for a preview.
        setSettingsPreview(RotationExperiment.SAMPLES_FIGURE, "Data samples", config -> RotationExperiment.samples(
                RotationExperiment.load(config.with(RotationSettings.TRAIN_SIZE, 300).with(RotationSettings.TEST_SIZE, 1)
                        .with(RotationSettings.STRIP_IMAGE, 0)).train(), 2));
        describeChart("loss", "Training loss", "epoch", "cross-entropy");
        describeChart("accuracy", "Accuracy vs angle", "angle (°, counter-clockwise)", "test accuracy (%)");
        setViewOrder(List.of(RotationExperiment.SAMPLES_FIGURE, "loss", "accuracy", RotationExperiment.STRIP_FIGURE,
                RotationExperiment.CLASS_TABLE));
    }

    @Override
    protected void handle(RunEvent event) {
        // The live "loss" and "accuracy" charts show these curves; the figures are for saved runs and the command line.
        if (event instanceof RunEvent.FigureUpdate f
                && (f.id().equals(RotationExperiment.LOSS_FIGURE) || f.id().equals(RotationExperiment.ACCURACY_FIGURE))) {
            return;
        }
        super.handle(event);
    }
}
