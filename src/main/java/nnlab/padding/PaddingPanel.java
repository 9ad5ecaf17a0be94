package nnlab.padding;

import java.util.List;
import nnlab.app.AppContext;
import nnlab.app.GenericExperimentPanel;
import nnlab.kernel.run.RunEvent;

/**
 * The padding study's panel: the generic run view plus a dataset preview (train and switched
 * test samples of both classes) that follows the data settings before any run starts, so a user
 * sees the train/test shift they are about to test, and the results table and bars list the
 * variants the settings will train.
 */
public final class PaddingPanel extends GenericExperimentPanel {

    public PaddingPanel(AppContext context) {
        super(context, new PaddingExperiment());
        setSettingsPreview(PaddingExperiment.PREVIEW_FIGURE, "Dataset: train vs switched test",
                config -> PaddingExperiment.preview(PaddingExperiment.previewData(config), 4));
        describeChart("loss", "Loss", "epoch", "cross-entropy");
        describeChart("accuracy", "Validation accuracy", "epoch", "accuracy (%)");
        setViewOrder(List.of(PaddingExperiment.PREVIEW_FIGURE, "loss", "accuracy", PaddingExperiment.RESULTS_TABLE,
                PaddingExperiment.BARS_FIGURE));
        // Empty charts from the start: a run then only adds points, instead of building and
        // styling two charts on the JavaFX thread just as training takes both cores.
        prepareCharts("loss", "accuracy");
        // The results table and the bars list the variants to train before any run: the first
        // run then fills views built while the machine was idle, at their final size (in a fresh
        // JVM, building them as training started froze the window for 150–180 ms).
        setPlan(PaddingExperiment::plannedResults);
    }

    @Override
    protected void onRunStarted(nnlab.kernel.run.Run run) {
        prepareCharts("loss", "accuracy");
    }

    @Override
    protected void handle(RunEvent event) {
        // The live "loss" chart already shows the current round's curves; the figure of the same
        // curves is for the saved run and the command line.
        if (event instanceof RunEvent.FigureUpdate f && f.id().equals(PaddingExperiment.LOSS_FIGURE)) return;
        super.handle(event);
    }
}
