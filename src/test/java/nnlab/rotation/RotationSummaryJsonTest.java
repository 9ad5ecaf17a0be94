package nnlab.rotation;

import nnlab.datasets.DataSources;
import nnlab.datasets.ImageSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nnlab.SummaryJson;
import nnlab.kernel.config.Config;
import nnlab.rotation.RotationExperiment.ModelResult;
import org.junit.jupiter.api.Test;

/** The typed rotation summary writes the same summary.json as the map-based one did (summaries-v1/rotation.json). */
class RotationSummaryJsonTest {
    static final int[] ANGLES = {0, 90, 180, 270, 360};
    static final int CLASS_ANGLE = 45;

    /** Six 1×1 test images of classes 0 and 1; class 2 has none, so its accuracy is NaN (null in the JSON). */
    static DataSources.Loaded knownData() {
        List<String> classes = List.of("T-shirt/top", "Ankle \"boot\"", "empty");
        ImageSet train = new ImageSet("train", new float[4], new int[] {0, 1, 0, 1}, 1, 1, 1, classes);
        ImageSet test = new ImageSet("test", new float[6], new int[] {0, 0, 0, 1, 1, 1}, 1, 1, 1, classes);
        return new DataSources.Loaded("synthetic", "built in", train, test);
    }

    static Config knownConfig() {
        return RotationSettings.schema().defaults().with(RotationSettings.EPOCHS, 2);
    }

    static List<ModelResult> knownResults() {
        int[] labels = knownData().test().labels();
        ModelResult a = new ModelResult(RotationExperiment.SERIES_A, labels);
        a.epochLoss.addAll(List.of(1.25, 0.5));
        a.epochSeconds.addAll(List.of(0.5, 1.0));
        a.predictions.put(0, new int[] {0, 0, 0, 1, 1, 1});
        a.predictions.put(90, new int[] {0, 1, 1, 1, 0, 0});
        a.predictions.put(180, new int[] {1, 1, 1, 0, 0, 0});
        a.predictions.put(270, new int[] {0, 0, 1, 1, 1, 0});
        a.predictions.put(360, new int[] {0, 0, 0, 1, 1, 1});
        a.predictions.put(CLASS_ANGLE, new int[] {0, 0, 2, 1, 0, 1});
        ModelResult b = new ModelResult(RotationExperiment.SERIES_B, labels);
        b.epochLoss.addAll(List.of(1.5, Double.NaN));
        b.epochSeconds.addAll(List.of(0.25));
        for (int angle : ANGLES) b.predictions.put(angle, new int[] {0, 0, 1, 1, 1, 1});
        b.predictions.put(CLASS_ANGLE, new int[] {0, 0, 0, 1, 1, 1});
        return List.of(a, b);
    }

    @Test
    void writesExactlyTheMapBasedSummaryJson() {
        RotationSummary summary = RotationExperiment.summary(knownConfig(), knownData(), ANGLES, CLASS_ANGLE, knownResults());
        assertEquals(SummaryJson.v1("rotation.json"), SummaryJson.written(summary));
        assertEquals("A 0.0–100.0 %, B 83.3–83.3 % over angles", summary.headline());
    }
}
