package nnlab.kernel.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A model without numbers behind it: batch and validation losses come from scripts, its "weights"
 * are the number of epochs it has trained, and every call lands in a shared log.
 */
final class FakeTrainable implements Trainable<Scores> {
    final List<String> log;
    private final int batches;
    private final int batchSamples;
    private final double[] valLosses;
    private final BatchLoss batchLoss;
    int weights;
    int fitted;
    int validated;
    int epoch;
    /** Runs inside every fitBatch with the count of batches fitted so far, e.g. to press cancel mid-batch. */
    IntConsumer duringFit = n -> { };

    interface BatchLoss {
        double at(int epoch, int batch);
    }

    FakeTrainable(int batches, int batchSamples, double[] valLosses, BatchLoss batchLoss, List<String> log) {
        this.batches = batches;
        this.batchSamples = batchSamples;
        this.valLosses = valLosses;
        this.batchLoss = batchLoss;
        this.log = log;
    }

    FakeTrainable(int batches, double... valLosses) {
        this(batches, 1, valLosses, (e, b) -> 1.0 / e, new ArrayList<>());
    }

    @Override
    public void beginEpoch(int epoch) {
        this.epoch = epoch;
        log.add("begin " + epoch);
    }

    @Override public int batches() { return batches; }

    @Override public int samples(int index) { return batchSamples; }

    @Override
    public double fitBatch(int index) {
        fitted++;
        duringFit.accept(fitted);
        log.add("fit " + epoch + "." + (index + 1));
        if (index == batches - 1) weights++;
        return batchLoss.at(epoch, index + 1);
    }

    @Override
    public Scores validate() {
        validated++;
        log.add("validate " + weights);
        return new Scores(valLosses[weights], 100 - weights);
    }

    @Override
    public Snapshot snapshot() {
        int saved = weights;
        log.add("snapshot " + saved);
        return () -> {
            log.add("restore " + saved);
            weights = saved;
        };
    }
}
