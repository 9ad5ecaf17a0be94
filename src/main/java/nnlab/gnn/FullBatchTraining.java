package nnlab.gnn;

import nnlab.graph.Graph;
import nnlab.kernel.train.Trainable;
import nnlab.kernel.train.Validation;

/**
 * A {@link GnnModel} as the kernel's TrainingLoop drives it: one full-batch Adam step per epoch
 * on the training nodes' mean NLL, then an evaluation pass without dropout.
 */
final class FullBatchTraining implements Trainable<FullBatchTraining.Evaluation> {

    /** Losses are mean NLL without the L2 term; accuracies in percent. The validation loss is what early stopping watches. */
    record Evaluation(double trainLoss, double valLoss, double trainAccuracy, double valAccuracy, double testAccuracy)
            implements Validation {
        @Override public double loss() { return valLoss; }

        @Override public double[] checkedLosses() { return new double[] {trainLoss, valLoss}; }
    }

    private final GnnModel model;
    private final Graph graph;
    private final double lr;
    private final double weightDecay;
    private int step;

    FullBatchTraining(GnnModel model, Graph graph, double lr, double weightDecay) {
        this.model = model;
        this.graph = graph;
        this.lr = lr;
        this.weightDecay = weightDecay;
    }

    @Override public int batches() { return 1; }

    @Override
    public double fitBatch(int index) {
        int c = graph.classes();
        GnnModel.Pass pass = model.forward(true);
        double[] logProbs = Classification.logSoftmax(pass.scores(), graph.nodes(), c);
        for (Param p : model.params()) p.zeroGrad();
        model.backward(pass, Classification.nllGradient(logProbs, c, graph.labels(), graph.split().train()));
        step++;
        for (Param p : model.params()) p.adam(lr, weightDecay, step);
        return Classification.nll(logProbs, c, graph.labels(), graph.split().train());
    }

    @Override
    public Evaluation validate() {
        return evaluate(model.forward(false));
    }

    Evaluation evaluate(GnnModel.Pass pass) {
        int n = graph.nodes(), c = graph.classes();
        double[] logProbs = Classification.logSoftmax(pass.scores(), n, c);
        int[] predicted = Classification.predictions(pass.scores(), n, c);
        Graph.Split s = graph.split();
        int[] y = graph.labels();
        return new Evaluation(Classification.nll(logProbs, c, y, s.train()), Classification.nll(logProbs, c, y, s.validation()),
                Classification.accuracy(predicted, y, s.train()), Classification.accuracy(predicted, y, s.validation()),
                Classification.accuracy(predicted, y, s.test()));
    }

    @Override
    public Snapshot snapshot() {
        double[][] saved = model.params().stream().map(p -> p.value.clone()).toArray(double[][]::new);
        return () -> {
            for (int i = 0; i < saved.length; i++) System.arraycopy(saved[i], 0, model.params().get(i).value, 0, saved[i].length);
        };
    }

    GnnModel model() { return model; }
}
