package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.RunStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A short real study: the science, not the plumbing. Valid padding lets Net1 learn "top vs
 * bottom", which the switched test set punishes; replicate padding cannot see absolute position
 * as easily and must use the colour order.
 */
@Tag("slow") // trains real models; ./mvnw -Pfast verify leaves it out
class PaddingStudyTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void replicateBeatsValidOnTheSwitchedTestSet() throws Exception {
        Run run = finishedStudy(Map.of("net", "Net1", "padding", "valid,replicate", "rounds", "2",
                "epochs", "5", "train-size", "1000", "val-size", "500", "test-size", "500", "batch-size", "100"));
        List<PaddingSummary.Variant> variants = ((PaddingSummary) run.summary()).variants();
        double valid = testMean(variants, "valid");
        double replicate = testMean(variants, "replicate");
        double validVal = variants.get(0).valAccMean();
        assertTrue(validVal > 90, "valid padding should fit the training positions (val acc " + validVal + ")");
        assertTrue(valid < 30, "valid padding should fail the switched test set, got " + valid + " %");
        assertTrue(replicate > valid + 20, "replicate " + replicate + " % vs valid " + valid + " %");
        double replicateStd = variants.get(1).testAccStd();
        assertTrue(replicateStd >= 0);
        assertEquals(String.format(java.util.Locale.ROOT, "valid %.0f %%, replicate %.0f %% on the switched test set", valid, replicate),
                run.headline(), "the headline states the lesson");

        // The panel's views are fed: the final results table has both rows with per-round details.
        RunEvent.Table table = (RunEvent.Table) run.history().stream()
                .filter(e -> e instanceof RunEvent.Table).reduce((a, b) -> b).orElseThrow();
        assertEquals(2, table.rows().size());
        assertEquals("2", table.rows().get(1).get(table.columns().indexOf(ResultsView.ROUNDS_COLUMN)));
        assertTrue(table.cellDetails().get("1:3").contains("round 2"));

        // Rounds come off one queue, two at a time: each start titles the phase without
        // clearing the other round's curves, and a lane retires its previous round's curves
        // only after that round's last point.
        List<RunEvent> events = run.history().stream().filter(java.util.Objects::nonNull).toList();
        List<RunEvent.Phase> phases = events.stream().filter(e -> e instanceof RunEvent.Phase)
                .map(e -> (RunEvent.Phase) e).toList();
        assertEquals(5, phases.size(), "one phase per round start, and one at the end");
        assertEquals("done: 2 variants × 2 rounds", phases.get(4).title());
        assertTrue(phases.stream().noneMatch(RunEvent.Phase::restart), "overlapping rounds keep each other's curves");
        // One whole curve per variant on the net's charts: the round that started first draws it,
        // its partner (training at the same time) draws none, so curves never interleave.
        java.util.Map<String, Long> perSeries = events.stream().filter(e -> e instanceof RunEvent.Metric)
                .map(e -> (RunEvent.Metric) e).collect(java.util.stream.Collectors.groupingBy(
                        m -> m.chart() + " / " + m.series(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertEquals(java.util.Map.of("accuracy-Net1 / replicate · round 1", 5L, "accuracy-Net1 / valid · round 1", 5L,
                "loss-Net1 / replicate · round 1", 5L, "loss-Net1 / valid · round 1", 5L), perSeries, "every epoch of one round per variant");
    }

    /**
     * Issue #22: with both data protocols every variant runs twice. Round 0 draws from the data
     * seed either way, so it trains the very same model on the very same images; round 1 of the
     * varying protocol draws other images, so its results differ.
     */
    @Test
    void bothDataProtocolsShareRoundZeroAndDifferAfter() throws Exception {
        Run run = finishedStudy(Map.of("net", "Net1", "padding", "fconv", "rounds", "2", "data-seeds", "both",
                "parallel-rounds", "2", "epochs", "2", "train-size", "120", "val-size", "60", "test-size", "60", "batch-size", "40"));
        List<PaddingSummary.Variant> variants = ((PaddingSummary) run.summary()).variants();
        assertEquals(2, variants.size());
        PaddingSummary.Variant fixed = variants.get(0);
        PaddingSummary.Variant perRound = variants.get(1);
        assertEquals(null, fixed.dataSeeds());
        assertEquals("per-round", perRound.dataSeeds());
        assertEquals(fixed.valAcc().get(0), perRound.valAcc().get(0), "round 0: same seeds, same images, same numbers");
        assertEquals(fixed.testAcc().get(0), perRound.testAcc().get(0));
        assertTrue(!fixed.valAcc().get(1).equals(perRound.valAcc().get(1)) || !fixed.testAcc().get(1).equals(perRound.testAcc().get(1)),
                "round 1 trains on other images: " + fixed + " vs " + perRound);
        assertTrue(metrics(run).stream().anyMatch(e -> ((RunEvent.Metric) e).series().equals("per-round data · round 1")),
                "with one padding the curves are told apart by their data protocol");
    }

    /** One round per variant: the queue still trains two at once (pairs of rounds never could). */
    @Test
    void roundsOfDifferentVariantsShareTheQueue() throws Exception {
        Run run = finishedStudy(Map.of("net", "Net2", "padding", "valid,fconv", "rounds", "1",
                "epochs", "3", "train-size", "200", "val-size", "100", "test-size", "100", "batch-size", "50"));
        List<String> titles = run.history().stream().filter(e -> e instanceof RunEvent.Phase)
                .map(e -> ((RunEvent.Phase) e).title()).toList();
        assertEquals(3, titles.size(), "one phase per round start and the end: " + titles);
        String both = titles.get(1);
        assertTrue(both.contains("Net2 · valid · round 1/1") && both.contains("; ") && both.contains("Net2 · fconv · round 1/1"),
                "the second round starts while the first trains: " + titles);
        assertTrue(metrics(run).stream().anyMatch(e -> ((RunEvent.Metric) e).series().equals("fconv")),
                "overlapping rounds of two variants name the variant in their curves");
    }

    @Test
    void theSameSeedAndSettingsGiveTheSameNumbers() throws Exception {
        PaddingExperiment experiment = new PaddingExperiment();
        var config = experiment.schema().fromText(Map.of("net", "Net2", "padding", "circular", "rounds", "1",
                "epochs", "2", "train-size", "120", "val-size", "60", "test-size", "60", "batch-size", "40"));
        try (RunEngine engine = new RunEngine(1, null)) {
            Run first = engine.submit(experiment, config);
            Run second = engine.submit(experiment, config);
            assertTrue(second.await(5, TimeUnit.MINUTES));
            assertEquals(RunStatus.FINISHED, first.status(), first.statusMessage());
            assertEquals(RunStatus.FINISHED, second.status(), second.statusMessage());
            List<RunEvent> a = metrics(first);
            assertEquals(4, a.size(), "2 epochs × (validation loss, validation accuracy)");
            assertEquals(a, metrics(second));
        }
    }

    @Test
    void roundsTrainedAtOnceGiveTheSameResultsAsOneAfterTheOther() throws Exception {
        PaddingExperiment experiment = new PaddingExperiment();
        Map<String, String> settings = Map.of("net", "Net1", "padding", "reflect", "rounds", "2",
                "epochs", "2", "train-size", "120", "val-size", "60", "test-size", "60", "batch-size", "40");
        var sequential = experiment.schema().fromText(new java.util.HashMap<>(settings) {{ put("parallel-rounds", "1"); }});
        var parallel = experiment.schema().fromText(new java.util.HashMap<>(settings) {{ put("parallel-rounds", "2"); }});
        try (RunEngine engine = new RunEngine(1, null)) {
            Run a = engine.submit(experiment, sequential);
            Run b = engine.submit(experiment, parallel);
            assertTrue(b.await(5, TimeUnit.MINUTES));
            assertEquals(RunStatus.FINISHED, a.status(), a.statusMessage());
            assertEquals(RunStatus.FINISHED, b.status(), b.statusMessage());
            List<Double> lossesA = variantValues(a, PaddingSummary.Variant::valAcc);
            List<Double> lossesB = variantValues(b, PaddingSummary.Variant::valAcc);
            assertEquals(lossesA, lossesB, "per-round validation accuracy");
            assertEquals(variantValues(a, PaddingSummary.Variant::testAcc), variantValues(b, PaddingSummary.Variant::testAcc), "per-round test accuracy");
        }
    }

    /**
     * The speed-ups (cached forward pass, direct border copies) must not change results. Caching
     * hands backprop the very array the recomputation would produce, so with one thread the
     * numbers must agree exactly; the tolerance 1e-5 only allows for the order of oneDNN's
     * multi-threaded sums should ND4J use more threads.
     */
    @Test
    void cachingTheForwardPassGivesTheSameTraining() {
        var config = PaddingSettings.schema().fromText(Map.of("train-size", "200", "val-size", "100", "test-size", "100"));
        PaddingExperiment.Data data = PaddingExperiment.data(config);
        for (String padding : List.of("fconv", "replicate")) {
            PaddingNets.Architecture a = PaddingExperiment.architecture(config, "Net1", PaddingMode.fromId(padding));
            List<double[]> runs = new java.util.ArrayList<>();
            for (org.deeplearning4j.nn.conf.CacheMode mode : List.of(org.deeplearning4j.nn.conf.CacheMode.NONE,
                    org.deeplearning4j.nn.conf.CacheMode.DEVICE)) {
                var net = PaddingNets.build(a, 3, org.nd4j.linalg.api.buffer.DataType.FLOAT,
                        new ScaledAdaDelta(a.lr(), a.rho(), a.eps()), mode, PaddingNets.FirstLayer.WEIGHT_GRADIENT_ONLY);
                runs.add(threeEpochTrace(net, data));
            }
            for (int i = 0; i < 7; i++) {
                assertEquals(runs.get(0)[i], runs.get(1)[i], 1e-5, padding + " value " + i + " (losses per epoch, then test acc)");
            }
            assertTrue(runs.get(0)[4] < runs.get(0)[0], padding + ": the train loss fell, so the comparison covers learning");
        }
    }

    /** Three epochs of batch 50: train and validation loss per epoch, then the test accuracy. */
    static double[] threeEpochTrace(org.deeplearning4j.nn.multilayer.MultiLayerNetwork net, PaddingExperiment.Data data) {
        double[] trace = new double[7];
        var result = new VariantTrainer(3, 10, 50).train(net, data.train(), data.validation(), data.test(), "test",
                e -> {
                    trace[2 * e.epoch() - 2] = e.trainLoss();
                    trace[2 * e.epoch() - 1] = e.validation().loss();
                }, () -> { }, null);
        trace[6] = result.testAccuracy();
        return trace;
    }

    /** Runs a short study to its end and checks that it finished. */
    private static Run finishedStudy(Map<String, String> settings) throws InterruptedException {
        PaddingExperiment experiment = new PaddingExperiment();
        try (RunEngine engine = new RunEngine(1, null)) {
            Run run = engine.submit(experiment, experiment.schema().fromText(settings));
            assertTrue(run.await(10, TimeUnit.MINUTES), "the short study did not finish");
            assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
            return run;
        }
    }

    private static List<Double> variantValues(Run run, java.util.function.Function<PaddingSummary.Variant, List<Double>> values) {
        return values.apply(((PaddingSummary) run.summary()).variants().get(0));
    }

    private static List<RunEvent> metrics(Run run) {
        return run.history().stream().filter(e -> e instanceof RunEvent.Metric).toList();
    }

    private static double testMean(List<PaddingSummary.Variant> variants, String padding) {
        return variants.stream().filter(v -> v.padding().equals(padding))
                .mapToDouble(PaddingSummary.Variant::testAccMean).findFirst().orElseThrow();
    }
}
