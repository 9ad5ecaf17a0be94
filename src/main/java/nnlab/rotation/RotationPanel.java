package nnlab.rotation;

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
import nnlab.kernel.figure.Figure;
import nnlab.kernel.figure.TableFigure;
import nnlab.kernel.run.RunEvent;

/**
 * The rotation study's panel: the generic run view, plus samples of the chosen data source that
 * follow the data settings before a run starts, so a wrong folder or a corrupt file shows up
 * (with the file's name) before minutes of training.
 */
public final class RotationPanel extends GenericExperimentPanel {
    private final FigureView samples;
    private final ExecutorService previewWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nnlab-rotation-preview");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong previewRequest = new AtomicLong();
    private volatile boolean backendReady;

    public RotationPanel(AppContext context) {
        super(context, new RotationExperiment());
        samples = addFigureView(RotationExperiment.SAMPLES_FIGURE, "Data samples");
        describeChart("loss", "Training loss", "epoch", "cross-entropy");
        describeChart("accuracy", "Accuracy vs angle", "rotation angle (°, counter-clockwise)", "test accuracy (%)");
        setViewOrder(List.of(RotationExperiment.SAMPLES_FIGURE, "loss", "accuracy", RotationExperiment.STRIP_FIGURE,
                RotationExperiment.CLASS_TABLE));
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
            Figure figure;
            try {
                // A few hundred images hold every class; the test split is not needed for a preview.
                Config small = config.with(RotationSettings.TRAIN_SIZE, 300).with(RotationSettings.TEST_SIZE, 1)
                        .with(RotationSettings.STRIP_IMAGE, 0);
                figure = RotationExperiment.samples(RotationExperiment.load(small).train(), 2);
            } catch (Exception e) {
                figure = new TableFigure("Cannot read the data", List.of("Problem"), List.of(List.of(String.valueOf(e.getMessage()))));
            }
            Figure shown = figure;
            Platform.runLater(() -> {
                if (request == previewRequest.get()) samples.setFigure(shown);
            });
        });
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
