package nnlab.padding;

import nnlab.app.AppContext;
import nnlab.app.GenericExperimentPanel;
import nnlab.kernel.run.Experiment;

/**
 * The padding study's panel: the generic run view plus a dataset preview (train and switched
 * test samples of both classes) that follows the data settings before any run starts, so a user
 * sees the train/test shift they are about to test, and the results table and bars list the
 * variants the settings will train.
 */
public final class PaddingPanel extends GenericExperimentPanel {

    public PaddingPanel(AppContext context, Experiment experiment) {
        super(context, experiment);
        setSettingsPreview(PaddingExperiment.PREVIEW_FIGURE,
                config -> PaddingExperiment.preview(PaddingExperiment.previewData(config), 4));
        // The results table and the bars list the variants to train before any run: the first
        // run then fills views built while the machine was idle, at their final size (in a fresh
        // JVM, building them as training started froze the window for 150–180 ms).
        setPlan(PaddingExperiment::plannedResults);
    }

    public PaddingPanel(AppContext context) {
        this(context, new PaddingExperiment());
    }
}
