package nnlab.unet;

import java.util.Arrays;
import java.util.SplittableRandom;
import nnlab.datasets.ImageSet;
import nnlab.kernel.train.Trainable;
import nnlab.kernel.train.Validation;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A U-Net {@link ComputationGraph} and its data for the kernel's TrainingLoop: a fresh shuffle of
 * the training canvases every epoch, and validation by per-pixel cross-entropy and IoU.
 */
public final class SegmentationTrainable implements Trainable<SegmentationTrainable.Scores> {

    /** One validation pass: mean per-pixel cross-entropy (nats), mean IoU over present classes, per-class IoU. */
    public record Scores(double loss, double meanIou, double[] perClassIou, double pixelAccuracy) implements Validation { }

    /** Canvases per forward pass when evaluating: bounds the activations' memory. */
    static final int EVAL_CHUNK = 32;

    private final ComputationGraph net;
    private final SegmentationSet train;
    private final SegmentationSet validation;
    private final int batchSize;
    private final SplittableRandom order;
    private final Runnable cancel;
    private int[] perm;

    public SegmentationTrainable(ComputationGraph net, SegmentationSet train, SegmentationSet validation, int batchSize, long seed,
                                 Runnable cancel) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be ≥ 1, got " + batchSize);
        this.net = net;
        this.train = train;
        this.validation = validation;
        this.batchSize = batchSize;
        this.order = new SplittableRandom(seed);
        this.cancel = cancel;
    }

    public ComputationGraph net() {
        return net;
    }

    @Override
    public void beginEpoch(int epoch) {
        perm = ImageSet.permutation(train.size(), order);
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
        int[] idx = Arrays.copyOfRange(perm, from, Math.min(train.size(), from + batchSize));
        net.fit(new INDArray[] {train.features(idx)}, new INDArray[] {train.oneHot(idx)});
        // CnnLossLayer's score sums the cross-entropy over an image's pixels (averaged over the
        // batch's images); report the mean per pixel, as PyTorch's CrossEntropyLoss does.
        return net.score() / train.pixelsPerImage();
    }

    @Override
    public Scores validate() {
        return evaluate(net, validation, cancel);
    }

    /** Cross-entropy and IoU of the network on a whole set, {@link #EVAL_CHUNK} canvases at a time. */
    public static Scores evaluate(ComputationGraph net, SegmentationSet set, Runnable cancel) {
        Iou iou = new Iou(set.classes());
        double nll = 0;
        int hw = set.pixelsPerImage();
        int c = set.classes();
        for (int from = 0; from < set.size(); from += EVAL_CHUNK) {
            cancel.run();
            int[] idx = ImageSet.range(from, Math.min(set.size(), from + EVAL_CHUNK));
            float[] p = probabilities(net, set.features(idx));
            for (int i = 0; i < idx.length; i++) {
                byte[] mask = set.mask(idx[i]);
                int[] predicted = argMax(p, i, c, hw);
                iou.add(mask, predicted);
                for (int px = 0; px < hw; px++) {
                    // Clamp so one confident mistake gives a large finite loss rather than infinity.
                    nll -= Math.log(Math.max(p[(i * c + mask[px]) * hw + px], 1e-30));
                }
            }
        }
        double[] per = iou.perClass();
        return new Scores(nll / ((double) set.size() * hw), Iou.meanOfPresent(per), per, iou.pixelAccuracy());
    }

    /** Softmax outputs [n, classes, H, W] flattened in C order. */
    static float[] probabilities(ComputationGraph net, INDArray x) {
        INDArray out = net.outputSingle(false, x);
        return out.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** The most probable class of every pixel of image i of a flattened [n, classes, H, W] output. */
    static int[] argMax(float[] p, int i, int classes, int hw) {
        int[] out = new int[hw];
        for (int px = 0; px < hw; px++) {
            int best = 0;
            float bestP = p[i * classes * hw + px];
            for (int k = 1; k < classes; k++) {
                float v = p[(i * classes + k) * hw + px];
                if (v > bestP) {
                    bestP = v;
                    best = k;
                }
            }
            out[px] = best;
        }
        return out;
    }

    /** Predicted classes of the given canvases, one array of H·W per canvas. */
    public static int[][] predict(ComputationGraph net, SegmentationSet set, int[] indices) {
        float[] p = probabilities(net, set.features(indices));
        int[][] out = new int[indices.length][];
        for (int i = 0; i < indices.length; i++) out[i] = argMax(p, i, set.classes(), set.pixelsPerImage());
        return out;
    }
}
