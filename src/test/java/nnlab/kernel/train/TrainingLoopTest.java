package nnlab.kernel.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import nnlab.kernel.run.DivergedException;
import nnlab.kernel.run.RunCancelledException;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {

    /** Validation losses indexed by epochs trained: [0] is the untrained model. */
    private static final double[] VAL = {9, 5, 3, 4, 2, 2.5, 2, 2.7, 1, 0.5};

    @Test
    void earlyStoppingEndsAfterMoreThanPatienceEpochsWithoutImprovementAndRestoresTheBestWeights() {
        FakeTrainable model = new FakeTrainable(2, VAL);
        TrainingOutcome<Scores> out = TrainingLoop.run(model, TrainingOptions.epochs(9).earlyStopping(2).keepBestWeights(), e -> { });
        // Epoch 4 has the lowest loss (2); 5, 6 (an equal loss is no improvement) and 7 do not beat it: 7 is the third in a row.
        assertEquals(7, out.epochsRun());
        assertTrue(out.stoppedEarly());
        assertEquals(4, out.bestEpoch());
        assertEquals(2.0, out.best().loss());
        assertEquals(2.7, out.last().loss());
        assertEquals(4, model.weights, "the best epoch's weights are back");
        assertEquals(List.of(true, true, false, true, false, false, false), out.epochs().stream().map(EpochResult::improved).toList());
        assertEquals(List.of("snapshot 1", "snapshot 2", "snapshot 4", "restore 4"),
                model.log.stream().filter(l -> l.startsWith("snapshot") || l.startsWith("restore")).toList());
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochWithoutImprovement() {
        FakeTrainable model = new FakeTrainable(1, VAL);
        TrainingOutcome<Scores> out = TrainingLoop.run(model, TrainingOptions.epochs(9).earlyStopping(0).keepBestWeights(), e -> { });
        assertEquals(3, out.epochsRun());
        assertEquals(2, out.bestEpoch());
        assertEquals(2, model.weights);
    }

    @Test
    void withoutEarlyStoppingEveryEpochRunsAndTheLastWeightsStayUnlessTheBestAreKept() {
        FakeTrainable last = new FakeTrainable(1, VAL);
        TrainingOutcome<Scores> out = TrainingLoop.run(last, TrainingOptions.epochs(7), e -> { });
        assertEquals(7, out.epochsRun());
        assertFalse(out.stoppedEarly());
        assertEquals(7, last.weights);
        assertEquals(4, out.bestEpoch(), "the best epoch is known even when its weights are not kept");

        FakeTrainable best = new FakeTrainable(1, VAL);
        TrainingLoop.run(best, TrainingOptions.epochs(7).keepBestWeights(), e -> { });
        assertEquals(4, best.weights);
    }

    @Test
    void everyEpochIsValidatedOnceAndEpochZeroOnlyWhenAsked() {
        FakeTrainable model = new FakeTrainable(3, VAL);
        List<Integer> epochs = new ArrayList<>();
        TrainingLoop.run(model, TrainingOptions.epochs(4), e -> epochs.add(e.epoch()));
        assertEquals(4, model.validated);
        assertEquals(List.of(1, 2, 3, 4), epochs);

        FakeTrainable withZero = new FakeTrainable(3, VAL);
        List<EpochResult<Scores>> results = new ArrayList<>();
        TrainingLoop.run(withZero, TrainingOptions.epochs(4).validateBeforeTraining(), results::add);
        assertEquals(5, withZero.validated);
        assertEquals(0, results.get(0).epoch());
        assertTrue(Double.isNaN(results.get(0).trainLoss()), "epoch 0 trained nothing");
        assertEquals(9.0, results.get(0).validation().loss(), "the untrained model");
        assertFalse(results.get(0).improved(), "epoch 0 takes no part in early stopping");

        FakeTrainable trainOnly = new FakeTrainable(3, VAL);
        List<EpochResult<Scores>> plain = new ArrayList<>();
        TrainingOutcome<Scores> out = TrainingLoop.run(trainOnly, TrainingOptions.epochs(4).withoutValidation(), plain::add);
        assertEquals(0, trainOnly.validated);
        assertEquals(4, plain.size());
        assertNull(plain.get(3).validation());
        assertNull(out.best());
    }

    @Test
    void theTrainLossIsTheMeanOfTheEpochsBatchLosses() {
        FakeTrainable model = new FakeTrainable(4, 1, VAL, (e, b) -> e * 10 + b, new ArrayList<>());
        List<Double> losses = new ArrayList<>();
        TrainingLoop.run(model, TrainingOptions.epochs(2), e -> losses.add(e.trainLoss()));
        assertEquals(List.of(12.5, 22.5), losses);
    }

    @Test
    void listenerCallsComeInTheirOrder() {
        List<String> log = new ArrayList<>();
        FakeTrainable model = new FakeTrainable(2, 3, VAL, (e, b) -> 1, log);
        TrainingListener<Scores> listener = new TrainingListener<>() {
            @Override public void epochDone(EpochResult<Scores> e) { log.add("epoch " + e.epoch()); }

            @Override public void batchDone(BatchResult b) { log.add("batch " + b.epoch() + "." + b.batch() + (b.last() ? " last" : "")); }

            @Override public String epochMessage(EpochResult<Scores> e) { return "message " + e.epoch(); }
        };
        ProgressSink progress = (units, message) -> log.add("progress " + units + " " + message);
        TrainingLoop.run(model, TrainingOptions.epochs(2).validateBeforeTraining().progressPerEpoch(progress), listener);
        assertEquals(List.of("validate 0", "epoch 0", "progress 1.0 message 0",
                "begin 1", "fit 1.1", "batch 1.1", "fit 1.2", "batch 1.2 last", "validate 1", "epoch 1", "progress 1.0 message 1",
                "begin 2", "fit 2.1", "batch 2.1", "fit 2.2", "batch 2.2 last", "validate 2", "epoch 2", "progress 1.0 message 2"), log);

        log.clear();
        TrainingLoop.run(new FakeTrainable(2, 3, VAL, (e, b) -> 1, log), TrainingOptions.epochs(1).withoutValidation()
                .progressPerBatch(progress), e -> log.add("epoch " + e.epoch()));
        assertEquals(List.of("begin 1", "fit 1.1", "progress 3.0 epoch 1/1, batch 1/2: loss 1.0000", "fit 1.2",
                "progress 3.0 epoch 1/1, batch 2/2: loss 1.0000", "epoch 1"), log);
    }

    @Test
    void aCancelTakesEffectBeforeTheNextBatch() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable check = () -> {
            if (cancelled.get()) throw new RunCancelledException();
        };
        FakeTrainable model = new FakeTrainable(4, VAL);
        model.duringFit = fitted -> {
            if (fitted == 6) cancelled.set(true);
        };
        assertThrows(RunCancelledException.class, () -> TrainingLoop.run(model, TrainingOptions.epochs(5).cancel(check), e -> { }));
        assertEquals(6, model.fitted, "the batch under way when cancel came is the last one");
        assertEquals(1, model.validated, "only epoch 1 was validated");

        // A cancel during an epoch's last batch skips that epoch's validation.
        cancelled.set(false);
        FakeTrainable lastBatch = new FakeTrainable(4, VAL);
        lastBatch.duringFit = fitted -> {
            if (fitted == 4) cancelled.set(true);
        };
        assertThrows(RunCancelledException.class, () -> TrainingLoop.run(lastBatch, TrainingOptions.epochs(5).cancel(check), e -> { }));
        assertEquals(4, lastBatch.fitted);
        assertEquals(0, lastBatch.validated);
    }

    @Test
    void aNanOrInfiniteBatchLossDivergesNamingTheEpochAndBatch() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            FakeTrainable model = new FakeTrainable(4, 1, VAL, (e, b) -> e == 2 && b == 3 ? bad : 0.5, new ArrayList<>());
            List<Integer> epochs = new ArrayList<>();
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> TrainingLoop.run(model, TrainingOptions.epochs(5).where("at Net1 valid round 2"), r -> epochs.add(r.epoch())));
            assertInstanceOf(DivergedException.class, e, "the run engine reports it as diverged");
            assertEquals("diverged at Net1 valid round 2, epoch 2, batch 3 (loss " + bad + ")", e.getMessage());
            assertEquals("at Net1 valid round 2", e.where());
            assertEquals(2, e.epoch());
            assertEquals(OptionalInt.of(3), e.batch());
            assertEquals(bad, e.loss());
            assertEquals(List.of(1), epochs, "epoch 2 never finished");
            assertEquals(7, model.fitted);
        }
    }

    @Test
    void aNanOrInfiniteValidationLossDivergesNamingTheEpoch() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] val = VAL.clone();
            val[3] = bad;
            FakeTrainable model = new FakeTrainable(2, val);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> TrainingLoop.run(model, TrainingOptions.epochs(5).where("at depth 4"), r -> { }));
            assertEquals("diverged at depth 4, epoch 3, validation (loss " + bad + ")", e.getMessage());
            assertEquals(OptionalInt.empty(), e.batch());
        }
        // Every loss a validation names is checked, not only the watched one.
        Trainable<Validation> twoLosses = new Trainable<>() {
            @Override public int batches() { return 1; }

            @Override public double fitBatch(int index) { return 1; }

            @Override
            public Validation validate() {
                return new Validation() {
                    @Override public double loss() { return 1; }

                    @Override public double[] checkedLosses() { return new double[] {Double.NaN, 1}; }
                };
            }
        };
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> TrainingLoop.run(twoLosses, TrainingOptions.epochs(2), r -> { }));
        assertEquals("diverged epoch 1, validation (loss NaN)", e.getMessage());
    }

    @Test
    void aOneBatchEpochNamesNoBatch() {
        FakeTrainable model = new FakeTrainable(1, 1, VAL, (e, b) -> e == 3 ? Double.NaN : 1, new ArrayList<>());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> TrainingLoop.run(model, TrainingOptions.epochs(5).where("at depth 4"), r -> { }));
        assertEquals("diverged at depth 4, epoch 3 (loss NaN)", e.getMessage());
        assertEquals(OptionalInt.of(1), e.batch());
    }

    @Test
    void progressRisesMonotonicallyToOneAlsoWhenTrainingStopsEarly() {
        ProgressRecorder ctx = new ProgressRecorder();
        // Two trainings share the bar: one stops early after 3 of 9 epochs, one runs all 9.
        RunProgress progress = new RunProgress(ctx, 18);
        TrainingListener<Scores> listener = new TrainingListener<>() {
            @Override public void epochDone(EpochResult<Scores> e) { }

            @Override public String finishMessage(TrainingOutcome<Scores> o) { return "done after " + o.epochsRun(); }
        };
        TrainingLoop.run(new FakeTrainable(2, VAL), TrainingOptions.epochs(9).earlyStopping(0).progressPerEpoch(progress), listener);
        assertEquals(List.of(1 / 18.0, 2 / 18.0, 3 / 18.0, 9 / 18.0), ctx.fractions, "the skipped epochs count as done");
        assertEquals("done after 3", ctx.messages.get(3));
        TrainingLoop.run(new FakeTrainable(2, VAL), TrainingOptions.epochs(9).progressPerEpoch(progress), listener);
        assertMonotoneToOne(ctx.fractions);
        assertEquals("epoch 9/9: train loss 0.1111, val loss 0.5000 (", ctx.messages.get(ctx.messages.size() - 2).replaceAll("\\d+\\.\\d+ s/epoch\\)$", ""));

        ProgressRecorder perBatch = new ProgressRecorder();
        RunProgress samples = new RunProgress(perBatch, 3 * 4 * 5);
        TrainingLoop.run(new FakeTrainable(4, 5, VAL, (e, b) -> 1, new ArrayList<>()),
                TrainingOptions.epochs(3).withoutValidation().progressPerBatch(samples), e -> { });
        assertEquals(12, perBatch.fractions.size(), "one report per batch");
        assertMonotoneToOne(perBatch.fractions);
    }

    @Test
    void aWeightedPartCountsEachUnitSeveralTimes() {
        ProgressRecorder ctx = new ProgressRecorder();
        RunProgress progress = new RunProgress(ctx, 2 * 3 + 5 * 3);
        TrainingLoop.run(new FakeTrainable(1, VAL), TrainingOptions.epochs(2).validateBeforeTraining().progressPerEpoch(progress.weighted(2)),
                e -> { });
        TrainingLoop.run(new FakeTrainable(1, VAL), TrainingOptions.epochs(2).validateBeforeTraining().progressPerEpoch(progress.weighted(5)),
                e -> { });
        assertEquals(List.of(2 / 21.0, 4 / 21.0, 6 / 21.0, 11 / 21.0, 16 / 21.0, 1.0), ctx.fractions);
    }

    @Test
    void optionsThatNeedValidationRefuseATrainingWithout() {
        TrainingOptions trainOnly = TrainingOptions.epochs(3).withoutValidation();
        assertThrows(IllegalArgumentException.class, () -> trainOnly.earlyStopping(2));
        assertThrows(IllegalArgumentException.class, trainOnly::keepBestWeights);
        assertThrows(IllegalArgumentException.class, trainOnly::validateBeforeTraining);
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.epochs(3).earlyStopping(-1));
    }

    private static void assertMonotoneToOne(List<Double> fractions) {
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress went back at report " + i + ": " + fractions);
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1), "progress ends full: " + fractions);
    }

    static final class ProgressRecorder implements RunContext {
        final List<Double> fractions = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        @Override public void emit(RunEvent event) { }
        @Override public boolean isCancelled() { return false; }
        @Override public void recordMetrics(Map<String, Object> row) { }

        @Override
        public void progress(double fraction, String message) {
            fractions.add(fraction);
            messages.add(message);
        }
    }
}
