package nnlab.gradients;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.datasets.DataSources;
import nnlab.datasets.ImageSet;
import nnlab.gradients.GradientChain.Activation;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.train.RunProgress;
import nnlab.kernel.train.Scores;
import nnlab.kernel.train.Trainable;
import nnlab.kernel.train.TrainingLoop;
import nnlab.kernel.train.TrainingOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The training view: each chosen MLP trained by {@link TrainingLoop} on the images, with every
 * layer's mean gradient norm per epoch sent as a heatmap after each epoch (so the app shows it
 * growing live), the last epoch's norms per layer side by side, and the test accuracy.
 */
final class GradientTraining {
    private GradientTraining() { }

    /** One MLP's outcome, for summary.json. */
    record VariantResult(String variant, @JsonProperty("test_accuracy") double testAccuracy,
                         @JsonProperty("first_layer_grad_norm") double firstLayerGradNorm,
                         @JsonProperty("output_layer_grad_norm") double outputLayerGradNorm,
                         @JsonProperty("first_to_output_ratio") double firstToOutputRatio) { }

    static List<VariantResult> run(GradientsSettings s, RunContext ctx) throws IOException {
        DataSources.Loaded data = DataSources.load(s.data(), "", s.trainSize(), s.testSize(), s.seed());
        ctx.log("training data: " + data.source() + " (" + data.location() + "), " + data.train().size() + " training and "
                + data.test().size() + " test images");
        INDArray xTrain = flat(data.train());
        INDArray yTrain = data.train().oneHot(ImageSet.range(0, data.train().size()));
        INDArray xTest = flat(data.test());
        INDArray yTest = data.test().oneHot(ImageSet.range(0, data.test().size()));
        List<String> variants = s.variants();
        List<double[]> lastNorms = new ArrayList<>();
        List<List<double[]>> accuracy = new ArrayList<>();
        List<VariantResult> results = new ArrayList<>();
        RunProgress progress = new RunProgress(ctx, variants.size() * (s.epochs() + 1.0));
        for (int v = 0; v < variants.size(); v++) {
            String variant = variants.get(v);
            Activation act = variant.startsWith("relu") ? Activation.RELU : Activation.SIGMOID;
            GradientNet mlp = new GradientNet((int) xTrain.columns(), s.trainWidth(), s.trainDepth(), data.train().classes(), act,
                    variant.endsWith("residual"), s.seed() + 17L * (v + 1), s.learningRate(), DataType.FLOAT);
            Batches model = new Batches(mlp, xTrain, yTrain, xTest, yTest, s.batch(), s.seed());
            List<double[]> perEpoch = new ArrayList<>();
            List<double[]> acc = new ArrayList<>();
            accuracy.add(acc);
            TrainingOptions options = TrainingOptions.epochs(s.epochs()).validateBeforeTraining().cancel(ctx::checkCancelled)
                    .where("for " + variant).progressPerEpoch(progress);
            int index = v;
            TrainingLoop.run(model, options, e -> {
                double[] norms = e.epoch() == 0 ? model.untrainedNorms() : model.epochMeanNorms();
                perEpoch.add(norms);
                acc.add(new double[] {e.epoch(), e.validation().accuracy()});
                ctx.figure(GradientsExperiment.heatmapView(variant), GradientFigures.heatmap(variant, perEpoch, mlp.layers()));
                List<List<double[]>> shownAcc = accuracy.subList(0, index + 1);
                ctx.figure(GradientsExperiment.ACCURACY, GradientFigures.accuracy(variants.subList(0, index + 1), shownAcc));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("variant", variant);
                row.put("epoch", e.epoch());
                row.put("train_loss", e.trainLoss());
                row.put("test_accuracy", e.validation().accuracy());
                for (int l = 0; l < norms.length; l++) row.put("grad_norm_layer_" + (l + 1), norms[l]);
                ctx.recordMetrics(row);
            });
            double[] last = perEpoch.get(perEpoch.size() - 1);
            lastNorms.add(last);
            ctx.figure(GradientsExperiment.PROFILE, GradientFigures.profile(variants.subList(0, v + 1), lastNorms));
            double accLast = acc.get(acc.size() - 1)[1];
            results.add(new VariantResult(variant, accLast, last[0], last[last.length - 1], last[0] / last[last.length - 1]));
            ctx.log(String.format(Locale.ROOT, "%s: test accuracy %.1f %%, gradient norm first layer %.3g, output layer %.3g",
                    variant, accLast, last[0], last[last.length - 1]));
        }
        return results;
    }

    private static INDArray flat(ImageSet set) {
        return set.features(ImageSet.range(0, set.size())).reshape(set.size(), set.imageLength());
    }

    /** Shuffled batches (seeded per epoch), SGD steps, the per-layer gradient norms averaged over an epoch. */
    private static final class Batches implements Trainable<Scores> {
        private final GradientNet mlp;
        private final INDArray x, y, xTest, yTest;
        private final int batch;
        private final long seed;
        private int[] order;
        private double[] normSum;
        private int steps;

        Batches(GradientNet mlp, INDArray x, INDArray y, INDArray xTest, INDArray yTest, int batch, long seed) {
            this.mlp = mlp;
            this.x = x;
            this.y = y;
            this.xTest = xTest;
            this.yTest = yTest;
            this.batch = batch;
            this.seed = seed;
        }

        @Override
        public void beginEpoch(int epoch) {
            java.util.Random r = new java.util.Random(seed * 1_000_003L + epoch);
            order = ImageSet.range(0, (int) x.rows());
            for (int i = order.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            normSum = new double[mlp.layers()];
            steps = 0;
        }

        @Override public int batches() { return (int) ((x.rows() + batch - 1) / batch); }

        @Override public int samples(int index) { return (int) Math.min(batch, x.rows() - (long) index * batch); }

        @Override
        public double fitBatch(int index) {
            int from = index * batch;
            int[] idx = java.util.Arrays.copyOfRange(order, from, (int) Math.min(x.rows(), from + batch));
            INDArray rows = Nd4j.createFromArray(idx);
            double loss = mlp.step(x.get(rows), y.get(rows));
            double[] g = mlp.gradNorms();
            for (int l = 0; l < g.length; l++) normSum[l] += g[l];
            steps++;
            return loss;
        }

        double[] epochMeanNorms() {
            double[] m = normSum.clone();
            for (int l = 0; l < m.length; l++) m[l] /= steps;
            return m;
        }

        /** The untrained net's norms on the first batch of images (in stored order). */
        double[] untrainedNorms() {
            int to = (int) Math.min(x.rows(), batch);
            mlp.computeGradients(x.get(NDArrayIndex.interval(0, to)), y.get(NDArrayIndex.interval(0, to)));
            return mlp.gradNorms();
        }

        @Override
        public Scores validate() {
            INDArray p = mlp.probabilities(xTest);
            // Clamped so that one confident mistake gives a large finite loss, not infinity.
            double loss = -Transforms.log(Transforms.max(p, 1e-30, true), false).muli(yTest).sumNumber().doubleValue() / xTest.rows();
            long correct = p.argMax(1).eq(yTest.argMax(1)).castTo(DataType.INT).sumNumber().longValue();
            return new Scores(loss, 100.0 * correct / xTest.rows());
        }
    }
}
