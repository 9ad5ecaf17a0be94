package nnlab.gradients;

import java.util.Map;
import nnlab.gradients.GradientChain.Activation;
import nnlab.kernel.Seeds;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The training view's classifier MLP as a DL4J {@link ComputationGraph}, so that DL4J computes
 * every gradient: {@code depth} dense hidden layers h_1 = act(x W_1 + b_1), then
 * h_{l+1} = act(h_l W_{l+1} + b_{l+1}), or h_l + act(…) through an element-wise add vertex with a
 * residual connection, a softmax output layer on the mean cross-entropy, plain SGD. Layer l's
 * gradient norm is ‖∂L/∂W_l‖_F as DL4J hands it to a listener after each backward pass, before
 * the updater scales it (index 0 the first hidden layer, index depth the output layer).
 */
final class GradientNet {
    private final ComputationGraph graph;
    private final int layers;
    private final double[] gradNorms;

    /**
     * Weights ~ N(0, gain²/fan_in) with gain² = 2 for ReLU (He) and 1 otherwise, biases 0; a residual
     * branch is further scaled by 1/√depth, so that adding depth branches keeps the activations'
     * scale; the output layer N(0, 1/fan_in). Drawn from one seeded generator, layer by layer.
     */
    GradientNet(int inputs, int width, int depth, int classes, Activation act, boolean residual, long seed, double learningRate,
                DataType type) {
        if (depth < 1) throw new IllegalArgumentException("depth must be ≥ 1, got " + depth);
        this.layers = depth + 1;
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(type).updater(new Sgd(learningRate))
                .graphBuilder().addInputs("in");
        String previous = "in";
        for (int l = 0; l < depth; l++) {
            b.addLayer(layer(l), new DenseLayer.Builder().nIn(l == 0 ? inputs : width).nOut(width).activation(dl4j(act)).build(), previous);
            previous = residual && l > 0 ? addShortcut(b, l, previous) : layer(l);
        }
        b.addLayer(layer(depth), new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(width).nOut(classes)
                .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build(), previous);
        graph = new ComputationGraph(b.setOutputs(layer(depth)).build());
        graph.init();
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(Seeds.nd4jSeed(seed));
        double gain = act == Activation.RELU ? Math.sqrt(2) : 1;
        for (int l = 0; l <= depth; l++) {
            int in = l == 0 ? inputs : width;
            int out = l == depth ? classes : width;
            double std = gain / Math.sqrt(in);
            if (residual && l > 0 && l < depth) std /= Math.sqrt(depth);
            if (l == depth) std = 1 / Math.sqrt(in);
            graph.getLayer(layer(l)).setParam("W", GradientChain.gaussian(rng, in, out).muli(std).castTo(type));
            graph.getLayer(layer(l)).setParam("b", Nd4j.zeros(type, 1, out));
        }
        gradNorms = new double[layers];
        graph.setListeners(new BaseTrainingListener() {
            @Override public void onGradientCalculation(Model model) {
                readNorms(model.gradient().gradientForVariable());
            }
        });
    }

    private static String addShortcut(ComputationGraphConfiguration.GraphBuilder b, int l, String previous) {
        String sum = "residual-" + l;
        b.addVertex(sum, new ElementWiseVertex(ElementWiseVertex.Op.Add), previous, layer(l));
        return sum;
    }

    static String layer(int l) {
        return "dense-" + l;
    }

    private static org.nd4j.linalg.activations.Activation dl4j(Activation act) {
        return switch (act) {
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case LINEAR -> org.nd4j.linalg.activations.Activation.IDENTITY;
        };
    }

    /**
     * DL4J's backward pass gives the gradient of the batch's summed loss (its updater divides by the
     * batch size afterwards); the norms are of the mean loss's gradient, the score DL4J reports.
     */
    private void readNorms(Map<String, INDArray> gradients) {
        double batch = graph.batchSize();
        for (int l = 0; l < layers; l++) gradNorms[l] = gradients.get(layer(l) + "_W").norm2Number().doubleValue() / batch;
    }

    int layers() {
        return layers;
    }

    ComputationGraph graph() {
        return graph;
    }

    /** ‖∂L/∂W_l‖_F of the last {@link #step} or {@link #computeGradients}, per layer. */
    double[] gradNorms() {
        return gradNorms.clone();
    }

    /** The gradients of the mean cross-entropy on a batch, without a step (DL4J's backward pass); returns the loss. */
    double computeGradients(INDArray x, INDArray y) {
        graph.setInputs(x);
        graph.setLabels(y);
        graph.computeGradientAndScore();
        readNorms(graph.gradient().gradientForVariable());
        return graph.score();
    }

    /** One SGD step on a batch; returns its loss before the step. */
    double step(INDArray x, INDArray y) {
        graph.fit(new DataSet(x, y));
        return graph.score();
    }

    /** Class probabilities of a batch (rows of x). */
    INDArray probabilities(INDArray x) {
        return graph.outputSingle(false, x);
    }
}
