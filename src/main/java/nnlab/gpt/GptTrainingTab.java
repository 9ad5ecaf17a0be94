package nnlab.gpt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nnlab.app.AppContext;
import nnlab.app.GenericExperimentPanel;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunEvent;

/**
 * The Training tab: the generic panel built from the experiment's declared views (losses in nats
 * and bits per character, tokens per second, progress with ETA, the samples table), which also
 * tells the explorer tabs where the checkpoint of a run that ended is.
 */
final class GptTrainingTab extends GenericExperimentPanel {
    private final Consumer<Path> onCheckpoint;

    GptTrainingTab(AppContext context, Experiment experiment, Consumer<Path> onCheckpoint) {
        super(context, experiment);
        this.onCheckpoint = onCheckpoint;
    }

    @Override
    protected void handle(RunEvent event) {
        super.handle(event instanceof RunEvent.Table t && t.id().equals(GptExperiment.SAMPLES.id()) ? oneLinePerSample(t) : event);
        // a cancelled run keeps its last checkpoint too, which is worth exploring
        if (event instanceof RunEvent.Status s && s.status().isFinal() && currentRun() != null && currentRun().folder() != null) {
            Path folder = currentRun().folder();
            if (Files.isRegularFile(folder.resolve(GptExperiment.MODEL_FOLDER).resolve(Checkpoint.INFO))) onCheckpoint.accept(folder);
        }
    }

    /**
     * The samples table on screen with each line break as ⏎ and other control characters by
     * name: a row is one line high, so a sample's second line was cut in half. The run's
     * samples.csv keeps the text as generated.
     */
    static RunEvent.Table oneLinePerSample(RunEvent.Table t) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : t.rows()) {
            List<String> shown = new ArrayList<>();
            for (String cell : row) {
                StringBuilder sb = new StringBuilder();
                for (char c : cell.toCharArray()) sb.append(c == ' ' || !Character.isISOControl(c) ? String.valueOf(c) : TracedGeneration.shown(c));
                shown.add(sb.toString());
            }
            rows.add(shown);
        }
        return new RunEvent.Table(t.id(), t.title(), t.columns(), rows, t.cellDetails());
    }
}
