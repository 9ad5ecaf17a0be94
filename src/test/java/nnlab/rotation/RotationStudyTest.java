package nnlab.rotation;

import nnlab.datasets.DataSources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nnlab.cli.Cli;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study end to end through the command line, on real Fashion-MNIST when the Debian package
 * is installed, else on the generated set. Sizes are small so it stays near a minute on a busy
 * 2-core machine; the effect is large enough to show anyway.
 */
@Tag("slow") // trains real models; ./mvnw -Pfast verify leaves it out
class RotationStudyTest {
    @TempDir
    Path out;

    @Test
    @SuppressWarnings("unchecked")
    void thePlainModelIsUprightOnlyAndAugmentationFlattensTheCurve() throws Exception {
        boolean real = DataSources.findIdxDir(null, DataSources.DEBIAN_FASHION_MNIST) != null;
        String source = real ? DataSources.FASHION_MNIST : DataSources.SYNTHETIC;
        System.out.println("RotationStudyTest uses " + (real ? "real Fashion-MNIST from " + DataSources.DEBIAN_FASHION_MNIST
                : "the generated shapes (dataset-fashion-mnist is not installed)"));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "rotation", "--data", source, "--train-size", "1200", "--test-size", "250",
                "--epochs", "1", "--angle-step", "45", "--seed", "1", "--out", out.toString()},
                new PrintStream(log, true), new PrintStream(log, true));
        assertEquals(Cli.OK, code, log.toString());

        Map<String, Object> summary = Json.readMap(out.resolve("summary.json"));
        assertEquals(source, summary.get("data"));
        List<Integer> angles = (List<Integer>) summary.get("angles");
        assertEquals(List.of(0, 45, 90, 135, 180, 225, 270, 315, 360), angles);
        Map<String, Map<String, Object>> models = (Map<String, Map<String, Object>>) summary.get("models");
        List<Double> a = (List<Double>) models.get("A").get("accuracy_per_angle");
        List<Double> b = (List<Double>) models.get("B").get("accuracy_per_angle");
        System.out.println("RotationStudyTest accuracy A " + a + "\nRotationStudyTest accuracy B " + b);

        double chance = 100.0 / ((List<String>) summary.get("class_names")).size();
        assertTrue(a.get(0) > 2.5 * chance, "model A at 0° should beat chance (" + chance + " %) clearly, got " + a.get(0));
        assertEquals(a.get(0), a.get(a.size() - 1), 1e-9, "360° is the identity");
        for (int i = 0; i < angles.size(); i++) {
            if (angles.get(i) >= 45 && angles.get(i) <= 135) {
                assertTrue(a.get(i) < a.get(0) - 15, "model A should lose accuracy at " + angles.get(i) + "°: " + a);
            }
        }
        double rangeA = ((Number) models.get("A").get("accuracy_range")).doubleValue();
        double rangeB = ((Number) models.get("B").get("accuracy_range")).doubleValue();
        assertTrue(rangeB < rangeA, "model B's curve should be flatter: range B " + rangeB + " vs A " + rangeA);

        for (String f : List.of("metrics.csv", "accuracy-vs-angle.png", "accuracy-vs-angle.csv", "rotation-strip.png", "per-class.csv",
                "loss-curves.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        Map<String, Object> perClass = (Map<String, Object>) models.get("B").get("per_class_accuracy_at_class_angle");
        assertEquals(((List<?>) summary.get("class_names")).size(), perClass.size());
    }
}
