package nnlab.rotation;

import nnlab.datasets.SyntheticShapes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RotationExperimentTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void anglesRunFromZeroToAFullTurnInTheChosenStep() {
        assertArrayEquals(new int[] {0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 360}, RotationSettings.angles(30));
        assertArrayEquals(new int[] {0, 100, 200, 300, 360}, RotationSettings.angles(100));
    }

    @Test
    void perClassAccuracyCountsEachClassSeparately() {
        int[] labels = {0, 0, 1, 1, 1, 2};
        int[] pred = {0, 1, 1, 1, 0, 0};
        assertEquals(50.0, RotationStudy.accuracy(pred, labels), 1e-12);
        double[] pc = RotationStudy.perClassAccuracy(pred, labels, 4);
        assertEquals(50.0, pc[0], 1e-12);
        assertEquals(200.0 / 3, pc[1], 1e-12);
        assertEquals(0.0, pc[2], 1e-12);
        assertTrue(Double.isNaN(pc[3]), "a class without test images has no accuracy");
    }

    @Test
    void aStripImageOutsideTheTestSubsetIsRefusedNamingTheSetting() {
        var schema = new RotationExperiment().schema();
        ConfigException e = assertThrows(ConfigException.class,
                () -> schema.fromText(Map.of("test-size", "10", "strip-image", "10")));
        assertTrue(e.getMessage().contains("strip-image"), e.getMessage());
    }

    /** The models' numbers without the wall-clock times, which differ from run to run. */
    private static Map<String, RotationSummary.Model> withoutTimes(RotationSummary summary) {
        Map<String, RotationSummary.Model> out = new java.util.LinkedHashMap<>();
        summary.models().forEach((k, m) -> {
            assertTrue(m.secondsPerEpoch() > 0);
            out.put(k, new RotationSummary.Model(m.accuracyPerAngle(), m.accuracyRange(), m.trainLossPerEpoch(), 0,
                    m.perClassAccuracyAtClassAngle()));
        });
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameSeedGivesTheSameNumbersAndTheViewsAreFed() throws Exception {
        RotationExperiment experiment = new RotationExperiment();
        var config = experiment.schema().fromText(Map.of("data", "synthetic", "train-size", "96", "test-size", "48",
                "epochs", "1", "batch-size", "32", "angle-step", "90", "class-angle", "45", "seed", "3"));
        try (RunEngine engine = new RunEngine(1, null)) {
            Run first = engine.submit(experiment, config);
            Run second = engine.submit(experiment, config);
            assertTrue(second.await(3, TimeUnit.MINUTES));
            assertEquals(RunStatus.FINISHED, first.status(), first.statusMessage());
            assertEquals(RunStatus.FINISHED, second.status(), second.statusMessage());
            assertEquals(withoutTimes((RotationSummary) first.summary()), withoutTimes((RotationSummary) second.summary()));
            assertTrue(first.headline().matches("A \\d+\\.\\d–\\d+\\.\\d %, B \\d+\\.\\d–\\d+\\.\\d % over angles"), first.headline());

            List<RunEvent> h = first.history();
            assertTrue(h.stream().anyMatch(e -> e instanceof RunEvent.Metric m && m.chart().equals("loss") && m.series().equals(RotationExperiment.SERIES_B)));
            long accuracyPoints = h.stream().filter(e -> e instanceof RunEvent.Metric m && m.chart().equals("accuracy")).count();
            assertEquals(2 * 5, accuracyPoints, "both models at 0, 90, 180, 270, 360°");
            RunEvent.Table table = (RunEvent.Table) h.stream().filter(e -> e instanceof RunEvent.Table).reduce((a, b) -> b).orElseThrow();
            assertEquals(SyntheticShapes.CLASSES.size(), table.rows().size());
            assertTrue(table.title().contains("45°"), "the class angle need not be on the step grid: " + table.title());
            assertEquals(4, table.columns().size());
            var strip = (nnlab.kernel.figure.ImageGridFigure) h.stream()
                    .filter(e -> e instanceof RunEvent.FigureUpdate f && f.id().equals(RotationExperiment.STRIP_FIGURE.id()))
                    .map(e -> ((RunEvent.FigureUpdate) e).figure()).reduce((a, b) -> b).orElseThrow();
            assertEquals(2 * 5, strip.tiles().size(), "one row of captioned tiles per model");
        }
    }
}
