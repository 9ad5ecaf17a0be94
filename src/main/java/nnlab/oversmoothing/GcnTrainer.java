package nnlab.oversmoothing;

import java.util.ArrayList;
import java.util.List;
import nnlab.kernel.run.DivergedException;
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
                             double seconds) { }

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

    public interface EpochObserver {
        void epochDone(EpochStats stats);
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

    public Result train(int depth, Hyper h, EpochObserver observer, Runnable cancelCheck) {
        GcnModel model = GcnModel.build(aHat, new GcnModel.Architecture(graph.featureDim(), h.hidden(), graph.classes(), depth,
                h.dropout()), h.seed(), dtype);
        model.configureTraining(h.lr(), h.weightDecay());
        List<EpochStats> epochs = new ArrayList<>();
        String where = "at depth " + depth;
        EpochStats initial = evaluate(model, 0, System.nanoTime());
        epochs.add(initial);
        observer.epochDone(initial);
        double trainSeconds = 0;
        for (int epoch = 1; epoch <= h.epochs(); epoch++) {
            cancelCheck.run();
            long t0 = System.nanoTime();
            model.trainStep(x, trainTarget);
            EpochStats s = evaluate(model, epoch, t0);
            trainSeconds += s.seconds();
            DivergedException.check(s.trainLoss(), where + ", epoch " + epoch);
            DivergedException.check(s.valLoss(), where + ", epoch " + epoch);
            epochs.add(s);
            observer.epochDone(s);
        }
        cancelCheck.run();
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

    /** The epoch's seconds run from {@code startNanos} to the end of this evaluation (training step + evaluation). */
    private EpochStats evaluate(GcnModel model, int epoch, long startNanos) {
        INDArray logProbs = model.forward(x).logProbs();
        int[] predicted = predictions(logProbs);
        return new EpochStats(epoch, GcnModel.loss(logProbs, trainTarget), GcnModel.loss(logProbs, valTarget),
                accuracy(predicted, graph.split().train()), accuracy(predicted, graph.split().validation()),
                (System.nanoTime() - startNanos) / 1e9);
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
