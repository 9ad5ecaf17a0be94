package nnlab.rotation;

import nnlab.datasets.ImageSet;
import java.util.SplittableRandom;
import nnlab.kernel.train.MultiLayerTrainable;
import nnlab.kernel.train.ProgressSink;
import nnlab.kernel.train.Scores;
import nnlab.kernel.train.TrainingListener;
import nnlab.kernel.train.TrainingLoop;
import nnlab.kernel.train.TrainingOptions;
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

    /**
     * Trains with a fresh shuffle per epoch; with {@code augment}, every drawn image is turned by
     * a fresh uniform angle in [0°, 360°). Shuffle and angles come from the seed, so both models
     * see the same batch order and a run is reproducible. Progress counts trained images.
     */
    public static void train(MultiLayerNetwork net, ImageSet train, int epochs, int batchSize, boolean augment, long seed,
                             String where, TrainingListener<Scores> listener, Runnable cancel, ProgressSink progress) {
        SplittableRandom order = new SplittableRandom(seed);
        SplittableRandom angles = new SplittableRandom(seed ^ 0x5DEECE66DL);
        MultiLayerTrainable.Samples shuffled = new MultiLayerTrainable.Samples() {
            private int[] perm;

            @Override public int size() { return train.size(); }

            @Override
            public void beginEpoch(int epoch) {
                perm = ImageSet.permutation(train.size(), order);
            }

            @Override
            public MultiLayerTrainable.Batch batch(int from, int to) {
                int[] idx = java.util.Arrays.copyOfRange(perm, from, to);
                INDArray x = train.features(idx);
                if (augment) {
                    double[] a = new double[idx.length];
                    for (int i = 0; i < a.length; i++) a[i] = angles.nextDouble(360.0);
                    x = Rotation.rotate(x, a);
                }
                return new MultiLayerTrainable.Batch(x, train.oneHot(idx));
            }
        };
        TrainingOptions options = TrainingOptions.epochs(epochs).withoutValidation().where(where).cancel(cancel).progressPerBatch(progress);
        TrainingLoop.run(new MultiLayerTrainable(net, shuffled, null, batchSize), options, listener);
    }


    /** Predicted class of every test image turned by {@code degrees}. */
    public static int[] predict(MultiLayerNetwork net, ImageSet test, double degrees, Runnable cancel) {
        int n = test.size();
        int[] out = new int[n];
        for (int from = 0; from < n; from += EVAL_CHUNK) {
            cancel.run();
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
