package nnlab.kernel.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A DL4J {@link MultiLayerNetwork} classifier (softmax output, one-hot labels) for
 * {@link TrainingLoop}: batches of {@code batchSize} consecutive samples of a {@link Samples}
 * source, validated by mean cross-entropy and accuracy on an optional held-out set.
 */
public final class MultiLayerTrainable implements Trainable<Scores> {

    /** Features and one-hot labels of some samples. */
    public record Batch(INDArray features, INDArray labels) { }

    /** The training samples in the order of the current epoch. */
    public interface Samples {
        int size();

        /** Called before each epoch, e.g. to draw a fresh shuffle. */
        default void beginEpoch(int epoch) { }

        /** Samples {@code from} (inclusive) to {@code to} (exclusive) of the current epoch's order. */
        Batch batch(int from, int to);
    }

    private final MultiLayerNetwork net;
    private final Samples train;
    private final Batch validation;
    private final int batchSize;

    /** @param validation the held-out set, or null to train without validating */
    public MultiLayerTrainable(MultiLayerNetwork net, Samples train, Batch validation, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be ≥ 1, got " + batchSize);
        this.net = net;
        this.train = train;
        this.validation = validation;
        this.batchSize = batchSize;
    }

    /** The same samples every epoch, in their stored order. */
    public static Samples inOrder(INDArray features, INDArray labels) {
        return new Samples() {
            @Override public int size() { return (int) features.size(0); }

            @Override
            public Batch batch(int from, int to) {
                return new Batch(features.get(NDArrayIndex.interval(from, to)), labels.get(NDArrayIndex.interval(from, to)));
            }
        };
    }

    @Override
    public void beginEpoch(int epoch) {
        train.beginEpoch(epoch);
    }

    @Override
    public int batches() {
        return (train.size() + batchSize - 1) / batchSize;
    }

    @Override
    public int samples(int index) {
        return Math.min(train.size(), (index + 1) * batchSize) - index * batchSize;
    }

    @Override
    public double fitBatch(int index) {
        int from = index * batchSize;
        Batch b = train.batch(from, Math.min(train.size(), from + batchSize));
        net.fit(b.features(), b.labels());
        // score() includes the L2 penalty; report the data loss alone, as PyTorch does.
        return net.score() - net.calcRegularizationScore(true);
    }

    @Override
    public Scores validate() {
        if (validation == null) throw new IllegalStateException("no validation set: train with TrainingOptions.withoutValidation()");
        return evaluate(net, validation.features(), validation.labels(), batchSize);
    }

    @Override
    public Snapshot snapshot() {
        INDArray params = net.params().dup();
        return () -> net.setParams(params);
    }

    /**
     * Mean cross-entropy and accuracy (%) of the network's predictions, evaluated {@code chunk}
     * samples at a time: the padding study found 1000 images at once overflow the caches (the first
     * layer's activations were 150 MB) and ran 1.8× slower per image than batches of 200.
     */
    public static Scores evaluate(MultiLayerNetwork net, INDArray features, INDArray labels, int chunk) {
        int n = (int) features.size(0);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            INDArray x = features.get(NDArrayIndex.interval(from, to));
            INDArray y = labels.get(NDArrayIndex.interval(from, to));
            INDArray p = net.output(x, false);
            // Clamp so one confident mistake gives a large finite loss rather than infinity.
            INDArray logP = Transforms.log(Transforms.max(p, 1e-30, true), false);
            lossSum -= logP.muli(y).sumNumber().doubleValue();
            correct += p.argMax(1).eq(y.argMax(1)).castTo(DataType.INT).sumNumber().longValue();
        }
        return new Scores(lossSum / n, 100.0 * correct / n);
    }
}
