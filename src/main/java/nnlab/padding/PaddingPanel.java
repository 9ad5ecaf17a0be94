package nnlab.padding;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import nnlab.app.AppContext;
import nnlab.app.FigureView;
import nnlab.app.GenericExperimentPanel;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.run.RunEvent;

/**
 * The padding study's panel: the generic run view plus a dataset preview (train and switched
 * test samples of both classes) that follows the data settings before any run starts, so a user
 * sees the train/test shift they are about to test.
 */
public final class PaddingPanel extends GenericExperimentPanel {
    private final FigureView preview;
    // One daemon thread: previews are tiny, and only the newest request matters.
    private final ExecutorService previewWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-padding-preview");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong previewRequest = new AtomicLong();
    private volatile boolean backendReady;

    public PaddingPanel(AppContext context) {
        super(context, new PaddingExperiment());
        preview = addFigureView(PaddingExperiment.PREVIEW_FIGURE, "Dataset: train vs switched test");
        describeChart("loss", "Loss — current round", "epoch", "cross-entropy");
        describeChart("accuracy", "Validation accuracy — current round", "epoch", "accuracy (%)");
        setViewOrder(List.of(PaddingExperiment.PREVIEW_FIGURE, "loss", "accuracy", PaddingExperiment.RESULTS_TABLE,
                PaddingExperiment.BARS_FIGURE));
        settingsForm().addConfigListener(this::refreshPreview);
    }

    @Override
    public void onBackendReady() {
        backendReady = true;
        try {
            refreshPreview(settingsForm().currentConfig());
        } catch (ConfigException e) {
            // the form already shows what is wrong; the preview waits for valid settings
        }
    }

    private void refreshPreview(Config config) {
        if (!backendReady) return;
        long request = previewRequest.incrementAndGet();
        previewWorker.execute(() -> {
            if (request != previewRequest.get()) return;
            var figure = PaddingExperiment.preview(PaddingExperiment.previewData(config), 4);
            Platform.runLater(() -> {
                if (request == previewRequest.get()) preview.setFigure(figure);
            });
        });
    }

    @Override
    protected void handle(RunEvent event) {
        // The live "loss" chart already shows the current round's curves; the figure of the same
        // curves is for the saved run and the command line.
        if (event instanceof RunEvent.FigureUpdate f && f.id().equals(PaddingExperiment.LOSS_FIGURE)) return;
        super.handle(event);
    }
}
