package nnlab.oversmoothing;

import java.util.ArrayList;
import java.util.List;
import nnlab.graph.Graph;
import nnlab.graph.GraphMath;
import nnlab.kernel.train.EpochResult;
import nnlab.kernel.train.ProgressSink;
import nnlab.kernel.train.Trainable;
import nnlab.kernel.train.TrainingListener;
import nnlab.kernel.train.TrainingLoop;
import nnlab.kernel.train.TrainingOptions;
import nnlab.kernel.train.TrainingOutcome;
import nnlab.kernel.train.Validation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one GCN per depth on a fixed graph and measures it: losses and accuracies per epoch, then
 * after training the oversmoothing measures of every layer and a PCA of the final embeddings.
 * Â, the features and the loss targets are built once per graph and shared by all depths.
 */
public final class GcnTrainer {

    public record Hyper(int hidden, double dropout, double lr, double weightDecay, int epochs, long seed) { }

    /**
     * Epoch 0 is the untrained model. Losses are mean NLL without the L2 term, both with dropout off;
     * seconds cover the training step and this evaluation.
     */
    public record EpochStats(int epoch, double trainLoss, double valLoss, double trainAccuracy, double valAccuracy,
                             double seconds) {
        public static EpochStats of(EpochResult<Evaluation> e) {
            Evaluation v = e.validation();
            return new EpochStats(e.epoch(), v.trainLoss(), v.valLoss(), v.trainAccuracy(), v.valAccuracy(), e.seconds());
        }
    }

    /** One evaluation pass (dropout off) on the training and validation nodes; early stopping would watch the validation loss. */
    public record Evaluation(double trainLoss, double valLoss, double trainAccuracy, double valAccuracy) implements Validation {
        @Override public double loss() { return valLoss; }

        @Override public double[] checkedLosses() { return new double[] {trainLoss, valLoss}; }
    }

    /**
     * @param featureStd      per layer 0..depth (layer 0 = the input features)
     * @param dirichletEnergy per layer 0..depth
     * @param pca             n × 2 projection of the last layer's output (the class scores)
     */
    public record Result(int depth, List<EpochStats> epochs, double valAccuracy, double valMeanClassAccuracy,
                         double testAccuracy, double[] featureStd, double[] dirichletEnergy, double[][] pca,
                         double secondsPerEpoch) {
        public EpochStats last() {
            return epochs.get(epochs.size() - 1);
        }
    }

    private final Graph graph;
    private final DataType dtype;
    private final INDArray aHat;
    private final INDArray aHatDouble;
    private final INDArray x;
    private final INDArray trainTarget;
    private final INDArray valTarget;
    private final double inputStd;
    private final double inputEnergy;

    public GcnTrainer(Graph graph, DataType dtype) {
        this.graph = graph;
        this.dtype = dtype;
        this.aHatDouble = GraphMath.normalizedAdjacency(graph.nodes(), graph.edges(), DataType.DOUBLE);
        this.aHat = aHatDouble.castTo(dtype);
        this.x = Nd4j.create(graph.features(), new long[] {graph.nodes(), graph.featureDim()}, 'c').castTo(dtype);
        this.trainTarget = GcnModel.target(graph.labels(), graph.classes(), graph.split().train(), dtype);
        this.valTarget = GcnModel.target(graph.labels(), graph.classes(), graph.split().validation(), dtype);
        this.inputStd = GraphMath.featureStd(x);
        this.inputEnergy = GraphMath.dirichletEnergy(x, aHatDouble);
    }

    public Graph graph() { return graph; }

    /**
     * Trains one GCN of the given depth, full batch, reporting every epoch from 0 (untrained) to the listener.
     *
     * @param cancel   checked before every epoch, e.g. {@code ctx::checkCancelled}
     * @param progress gets one unit per epoch, epoch 0 included; null for none
     */
    public Result train(int depth, Hyper h, TrainingListener<Evaluation> listener, Runnable cancel, ProgressSink progress) {
        GcnModel model = GcnModel.build(aHat, new GcnModel.Architecture(graph.featureDim(), h.hidden(), graph.classes(), depth,
                h.dropout()), h.seed(), dtype);
        model.configureTraining(h.lr(), h.weightDecay());
        TrainingOptions options = TrainingOptions.epochs(h.epochs()).validateBeforeTraining().where("at depth " + depth).cancel(cancel)
                .progressPerEpoch(progress);
        TrainingOutcome<Evaluation> outcome = TrainingLoop.run(new FullBatch(model), options, listener);
        List<EpochStats> epochs = new ArrayList<>();
        double trainSeconds = 0;
        for (EpochResult<Evaluation> e : outcome.epochs()) {
            epochs.add(EpochStats.of(e));
            if (e.epoch() > 0) trainSeconds += e.seconds();
        }
        cancel.run();
        GcnModel.Forward f = model.forward(x);
        double[] std = new double[depth + 1];
        double[] energy = new double[depth + 1];
        std[0] = inputStd;
        energy[0] = inputEnergy;
        for (int l = 1; l <= depth; l++) {
            INDArray hl = f.layers().get(l - 1);
            std[l] = GraphMath.featureStd(hl);
            energy[l] = GraphMath.dirichletEnergy(hl, aHatDouble);
        }
        int[] predicted = predictions(f.logProbs());
        Graph.Split split = graph.split();
        double[][] pca = GraphMath.pca2(f.layers().get(depth - 1)).toDoubleMatrix();
        return new Result(depth, epochs, accuracy(predicted, split.validation()), meanClassAccuracy(predicted, split.validation()),
                accuracy(predicted, split.test()), std, energy, pca, trainSeconds / h.epochs());
    }

    /**
     * The whole graph is one batch. The training loss it reports is measured after the step with
     * dropout off, in the same forward pass as the validation, so both describe the same weights.
     */
    private final class FullBatch implements Trainable<Evaluation> {
        private final GcnModel model;
        private Evaluation afterStep;

        FullBatch(GcnModel model) {
            this.model = model;
        }

        @Override public int batches() { return 1; }

        @Override
        public double fitBatch(int index) {
            model.trainStep(x, trainTarget);
            afterStep = evaluate(model);
            return afterStep.trainLoss();
        }

        @Override
        public Evaluation validate() {
            Evaluation e = afterStep != null ? afterStep : evaluate(model);
            afterStep = null;
            return e;
        }
    }

    private Evaluation evaluate(GcnModel model) {
        INDArray logProbs = model.forward(x).logProbs();
        int[] predicted = predictions(logProbs);
        return new Evaluation(GcnModel.loss(logProbs, trainTarget), GcnModel.loss(logProbs, valTarget),
                accuracy(predicted, graph.split().train()), accuracy(predicted, graph.split().validation()));
    }

    private static int[] predictions(INDArray logProbs) {
        return logProbs.argMax(1).toIntVector();
    }

    /** Percent of the given nodes classified correctly (NaN for no nodes). */
    double accuracy(int[] predicted, int[] nodes) {
        int correct = 0;
        for (int i : nodes) if (predicted[i] == graph.labels()[i]) correct++;
        return nodes.length == 0 ? Double.NaN : 100.0 * correct / nodes.length;
    }

    /** The accuracy of each class present among the nodes, averaged over those classes (percent). */
    double meanClassAccuracy(int[] predicted, int[] nodes) {
        int[] total = new int[graph.classes()];
        int[] correct = new int[graph.classes()];
        for (int i : nodes) {
            int y = graph.labels()[i];
            total[y]++;
            if (predicted[i] == y) correct[y]++;
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < total.length; c++) {
            if (total[c] == 0) continue;
            sum += 100.0 * correct[c] / total[c];
            present++;
        }
        return present == 0 ? Double.NaN : sum / present;
    }
}
