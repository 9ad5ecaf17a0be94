package nnlab.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import nnlab.kernel.store.MetricCurves;
import nnlab.history.RunDetails;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.Setting;
import nnlab.kernel.run.RunStatus;
import nnlab.kernel.store.CsvTable;
import nnlab.kernel.store.Json;
import nnlab.kernel.store.RunHistory;
import nnlab.kernel.store.RunStore;
import nnlab.kernel.store.SavedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: runs saved before the plug-in refactor still open in History, read the way its page
 * reads them (RunHistory for the list, RunDetails for a run's page, MetricCurves for its charts,
 * the experiment's schema for Re-run / Use settings).
 */
class SavedRunFixturesTest {

    /** What the History shows of each fixture. */
    private record Expected(String headline, List<String> metricColumns, int metricRows, Set<String> charts,
                            Set<String> tables, Set<String> figures) { }

    private static final Map<String, Expected> EXPECTED = Map.of(
            "padding", new Expected("test acc 74.0 ± 7.0 % (Net1 replicate)",
                    List.of("net", "padding", "round", "epoch", "train_loss", "val_loss", "val_acc"), 6,
                    Set.of("train_loss", "val_loss", "val_acc"),
                    Set.of("results"), Set.of("dataset-preview", "loss-curves", "test-accuracy")),
            "rotation", new Expected("A 1.3–86.3 %, B 16.3–27.5 % over angles",
                    List.of("model", "epoch", "angle", "train_loss", "test_acc", "seconds"), 14,
                    Set.of("train_loss", "test_acc", "seconds"),
                    Set.of("per-class"), Set.of("accuracy-vs-angle", "loss-curves", "rotation-strip", "samples")),
            "posenc", new Expected("cross terms 1.09 of the sum, max-pool error 0.0286",
                    List.of("draw", "cross_terms_relative_norm", "added_correlation_with_EtE", "added_toeplitz_deviation"), 2,
                    Set.of("cross_terms_relative_norm", "added_correlation_with_EtE", "added_toeplitz_deviation"),
                    Set.of(), Set.of("added-gram", "attention-concat", "attention-e", "attention-x-plus-e", "concat-gram",
                            "conv-attention", "conv-output", "ete-row", "ete", "maxpool-attention", "maxpool-error-vs-c",
                            "maxpool-output", "term-ete", "term-etx", "term-xte", "term-xtx")),
            "oversmoothing", new Expected("val acc 37.5 % at depth 1 → 40.0 % at depth 4",
                    List.of("depth", "epoch", "train_loss", "val_loss", "train_acc", "val_acc", "seconds"), 33,
                    Set.of("train_loss", "val_loss", "train_acc", "val_acc", "seconds"),
                    Set.of("accuracy"), Set.of("oversmoothing-energy", "oversmoothing-std", "pca-depth-1", "pca-depth-2",
                            "pca-depth-4", "train-loss", "val-accuracy", "val-loss")));

    @TempDir
    Path runsDir;

    @Test
    void historyListsEveryOldRunNewestFirstAsFinishedWithItsHeadline() throws Exception {
        GoldenRuns.copyFixturesInto(runsDir);
        List<SavedRun> runs = new RunHistory(new RunStore(runsDir)).list();
        // By the start times saved in run.json.
        assertEquals(List.of("rotation", "oversmoothing", "posenc", "padding"), runs.stream().map(SavedRun::name).toList());
        for (SavedRun run : runs) {
            String id = run.folder().getFileName().toString();
            assertFalse(run.isDamaged(), id + ": " + run.damage());
            assertEquals(id, run.experimentId());
            assertEquals(RunStatus.FINISHED, run.status(), id);
            assertEquals(EXPECTED.get(id).headline(), run.headline(), id);
            assertTrue(run.message().startsWith("finished in "), id + ": " + run.message());
            assertNotNull(run.duration(), id + ": start and end times");
        }
    }

    @Test
    void eachOldRunsPageReadsItsSettingsMetricsTablesAndFigures() throws Exception {
        GoldenRuns.copyFixturesInto(runsDir);
        RunHistory history = new RunHistory(new RunStore(runsDir));
        for (SavedRun run : history.list()) {
            String id = run.experimentId();
            Expected expected = EXPECTED.get(id);
            RunDetails details = RunDetails.load(history, run);
            assertEquals(List.of(), details.problems(), id);

            Map<String, Object> savedConfig = new LinkedHashMap<>(Json.readMap(run.folder().resolve("config.json")));
            savedConfig.remove("experiment");
            assertEquals(savedConfig, details.settings(), id + " settings");
            // Re-run and Use settings rebuild the config from these values: they must still fit.
            Config config = GoldenRuns.experiment(id).schema().fromValues(details.settings());
            for (Setting s : config.schema().settings()) {
                Object expectedValue = details.settings().containsKey(s.key()) ? details.settings().get(s.key()) : s.absentValue();
                assertEquals(expectedValue, config.get(s.key()), id + " " + s.key()
                        + ": every saved setting kept as saved, a later one at the value that means the old behaviour");
            }

            assertEquals(expected.metricColumns(), details.metrics().columns(), id + " metrics columns");
            assertEquals(expected.metricRows(), details.metrics().rows().size(), id + " metrics rows");
            List<MetricCurves.Chart> charts = MetricCurves.charts(details.metrics());
            assertEquals(expected.charts(), Set.copyOf(charts.stream().map(MetricCurves.Chart::metric).toList()), id + " charts");
            assertTrue(charts.stream().allMatch(c -> !c.curves().isEmpty()), id + ": every chart has a curve");

            assertEquals(expected.tables(), details.tables().keySet(), id + " tables");
            for (Map.Entry<String, CsvTable> table : details.tables().entrySet()) {
                assertFalse(table.getValue().rows().isEmpty(), id + " table " + table.getKey() + " has rows");
            }
            assertEquals(expected.figures(), details.figures().keySet(), id + " figures");
            for (Map.Entry<String, Path> figure : details.figures().entrySet()) {
                BufferedImage image = ImageIO.read(figure.getValue().toFile());
                assertNotNull(image, id + " figure " + figure.getKey() + " is a PNG");
                Path data = figure.getValue().resolveSibling(figure.getKey() + ".csv");
                assertTrue(Files.exists(data), id + " figure " + figure.getKey() + " has its data CSV");
                assertFalse(GoldenRuns.readCsv(data).columns().isEmpty(), id + " figure " + figure.getKey() + " data");
            }
            assertFalse(Json.readMap(run.folder().resolve("summary.json")).isEmpty(), id + " summary.json");
        }
    }
}
