package nnlab.kernel.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The one training loop of epoch-based studies: batches in the model's order, validation after
 * every epoch, early stopping on the validation loss with the best weights kept, a cancel check
 * before every batch and every validation, progress, and a {@link TrainingDivergedException}
 * naming the epoch and batch where a loss stopped being finite.
 *
 * <p>The loop runs on the calling thread; to train rounds side by side, each on one compute
 * thread, see {@link ParallelRounds}.
 */
public final class TrainingLoop {
    private TrainingLoop() { }

    public static <V extends Validation> TrainingOutcome<V> run(Trainable<V> model, TrainingOptions options,
                                                                TrainingListener<V> listener) {
        long start = System.nanoTime();
        ProgressSink progress = options.progress();
        boolean perEpoch = progress != null && options.progressEvery() == TrainingOptions.ProgressStep.EPOCH;
        boolean perBatch = progress != null && options.progressEvery() == TrainingOptions.ProgressStep.BATCH;
        V last = null;
        List<EpochResult<V>> history = new ArrayList<>();
        if (options.validatesBeforeTraining()) {
            long t0 = System.nanoTime();
            last = validate(model, options, 0);
            EpochResult<V> initial = new EpochResult<>(0, options.maxEpochs(), Double.NaN, last, false, seconds(t0));
            history.add(initial);
            listener.epochDone(initial);
            if (perEpoch) progress.advance(1, listener.epochMessage(initial));
        }
        double bestLoss = Double.POSITIVE_INFINITY;
        V best = null;
        int bestEpoch = 0;
        int sinceBest = 0;
        Trainable.Snapshot bestWeights = null;
        long samplesPerEpoch = 0;
        boolean stoppedEarly = false;
        int epoch = 0;
        while (epoch < options.maxEpochs()) {
            long epochStart = System.nanoTime();
            epoch++;
            model.beginEpoch(epoch);
            int batches = model.batches();
            double lossSum = 0;
            samplesPerEpoch = 0;
            for (int b = 0; b < batches; b++) {
                options.cancel().run();
                double loss = model.fitBatch(b);
                TrainingDivergedException.checkBatch(loss, options.where(), epoch, b + 1, batches);
                lossSum += loss;
                int samples = model.samples(b);
                samplesPerEpoch += samples;
                BatchResult done = new BatchResult(epoch, options.maxEpochs(), b + 1, batches, samples, loss);
                listener.batchDone(done);
                if (perBatch) progress.advance(samples, listener.batchMessage(done));
            }
            V v = null;
            if (options.validates()) {
                v = validate(model, options, epoch);
                last = v;
            }
            boolean improved = v != null && v.loss() < bestLoss;
            EpochResult<V> result = new EpochResult<>(epoch, options.maxEpochs(), lossSum / batches, v, improved, seconds(epochStart));
            history.add(result);
            listener.epochDone(result);
            if (perEpoch) progress.advance(1, listener.epochMessage(result));
            if (v == null) continue;
            if (improved) {
                bestLoss = v.loss();
                best = v;
                bestEpoch = epoch;
                sinceBest = 0;
                if (options.keepsBestWeights()) bestWeights = model.snapshot();
            } else if (!options.stopsEarly() || sinceBest < options.patience()) {
                sinceBest++;
            } else {
                stoppedEarly = true;
                break;
            }
        }
        if (bestWeights != null) bestWeights.restore();
        TrainingOutcome<V> outcome = new TrainingOutcome<>(epoch, stoppedEarly, bestEpoch, best, last, history, seconds(start));
        if (progress != null) finish(progress, options, listener, outcome, perEpoch ? 1 : samplesPerEpoch);
        return outcome;
    }

    private static <V extends Validation> V validate(Trainable<V> model, TrainingOptions options, int epoch) {
        options.cancel().run();
        V v = model.validate();
        for (double loss : v.checkedLosses()) TrainingDivergedException.checkValidation(loss, options.where(), epoch);
        return v;
    }

    /** Counts the epochs an early stop skipped as done, so the run's ETA stays honest. */
    private static <V extends Validation> void finish(ProgressSink progress, TrainingOptions options, TrainingListener<V> listener,
                                                      TrainingOutcome<V> outcome, double unitsPerEpoch) {
        double skipped = (double) (options.maxEpochs() - outcome.epochsRun()) * unitsPerEpoch;
        String message = listener.finishMessage(outcome);
        if (message == null && skipped > 0) {
            message = "stopped early after epoch " + outcome.epochsRun() + " (lowest validation loss at epoch " + outcome.bestEpoch() + ")";
        }
        if (message != null) progress.advance(skipped, message);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
