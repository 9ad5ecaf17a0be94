package nnlab.rotation;

import java.util.SplittableRandom;
import nnlab.kernel.run.DivergedException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training and rotated evaluation of one model, without any UI or event plumbing: the
 * experiment wires the callbacks to charts and progress.
 */
public final class RotationStudy {
    /** Images per forward pass when evaluating: large enough to amortise overheads, small enough for memory. */
    static final int EVAL_CHUNK = 500;

    private RotationStudy() { }

    /** Called every few batches with the mean loss since the last call, x in epochs (e.g. 2.35). */
    public interface LossObserver {
        void loss(double epochs, double meanLoss, int imagesDone);
    }

    /** Called after each epoch. */
    public interface EpochObserver {
        void epochDone(int epoch, double meanLoss, double seconds);
    }

    public interface CancelCheck {
        void check();
    }

    /**
     * Trains with a fresh shuffle per epoch; with {@code augment}, every drawn image is turned by
     * a fresh uniform angle in [0°, 360°). Shuffle and angles come from the seed, so both models
     * see the same batch order and a run is reproducible.
     */
    public static void train(MultiLayerNetwork net, ImageSet train, int epochs, int batchSize, boolean augment, long seed,
                             String where, LossObserver lossObserver, EpochObserver epochObserver, CancelCheck cancel) {
        SplittableRandom order = new SplittableRandom(seed);
        SplittableRandom angles = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int n = train.size();
        int batches = (n + batchSize - 1) / batchSize;
        int reportEvery = Math.max(1, batches / 10);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            int[] perm = permutation(n, order);
            double epochSum = 0;
            double windowSum = 0;
            int window = 0;
            for (int b = 0; b < batches; b++) {
                cancel.check();
                int from = b * batchSize;
                int to = Math.min(n, from + batchSize);
                int[] idx = java.util.Arrays.copyOfRange(perm, from, to);
                INDArray x = train.features(idx);
                if (augment) {
                    double[] a = new double[idx.length];
                    for (int i = 0; i < a.length; i++) a[i] = angles.nextDouble(360.0);
                    x = Rotation.rotate(x, a);
                }
                net.fit(x, train.oneHot(idx));
                double loss = net.score();
                DivergedException.check(loss, where + ", epoch " + epoch);
                epochSum += loss;
                windowSum += loss;
                window++;
                if (window == reportEvery || b == batches - 1) {
                    lossObserver.loss(epoch - 1 + (double) (b + 1) / batches, windowSum / window, to - from);
                    windowSum = 0;
                    window = 0;
                } else {
                    lossObserver.loss(Double.NaN, Double.NaN, to - from);
                }
            }
            epochObserver.epochDone(epoch, epochSum / batches, (System.nanoTime() - start) / 1e9);
        }
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = ImageSet.range(0, n);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Predicted class of every test image turned by {@code degrees}. */
    public static int[] predict(MultiLayerNetwork net, ImageSet test, double degrees, CancelCheck cancel) {
        int n = test.size();
        int[] out = new int[n];
        for (int from = 0; from < n; from += EVAL_CHUNK) {
            cancel.check();
            int to = Math.min(n, from + EVAL_CHUNK);
            INDArray x = Rotation.rotate(test.features(from, to), degrees);
            INDArray arg = net.output(x, false).argMax(1);
            for (int i = from; i < to; i++) out[i] = arg.getInt(i - from);
        }
        return out;
    }

    public static double accuracy(int[] predicted, int[] labels) {
        int ok = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == labels[i]) ok++;
        return 100.0 * ok / predicted.length;
    }

    /** Accuracy (%) per class; NaN for a class without test images. */
    public static double[] perClassAccuracy(int[] predicted, int[] labels, int classes) {
        int[] ok = new int[classes];
        int[] count = new int[classes];
        for (int i = 0; i < predicted.length; i++) {
            count[labels[i]]++;
            if (predicted[i] == labels[i]) ok[labels[i]]++;
        }
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) out[c] = count[c] == 0 ? Double.NaN : 100.0 * ok[c] / count[c];
        return out;
    }
}
