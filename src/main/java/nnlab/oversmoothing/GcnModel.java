package nnlab.oversmoothing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The GCN of Kipf &amp; Welling as a SameDiff graph: layer l computes Z = Â H W_l + b_l; between
 * layers H = dropout(ReLU(Z)); the last layer's Z are the class scores, trained with
 * log-softmax + NLL on the training nodes.
 *
 * <p>Â is a dense constant, because sparse propagation cannot be differentiated by SameDiff
 * M2.1: it has no sparse tensors, and edge-wise message passing needs a row gather whose
 * gradient is broken there (Gather.doDiff fails with "Unable to replace samediff namespace" once
 * a graph has two gathers, GatherNd and a repeat with per-row counts have no usable backward).
 * Dense is affordable at the sizes this panel is for: Cora's Â (2 708 nodes) is 29 MB in float,
 * and each layer is one BLAS GEMM. HW is computed first, so the n × n product has width ≤ hidden.
 *
 * <p>Dropout is a multiplication by a mask placeholder, not SameDiff's dropout op: that op is a
 * random op with no training/inference switch (it would drop units in {@link #forward} too). The
 * training masks come from the model's seeded generator (inverted dropout: kept units scaled by 1/(1−p));
 * evaluation feeds masks of ones, i.e. dropout off.
 *
 * <p>Weight decay is {@code TrainingConfig.l2}: ND4J's L2 regularisation adds λ·w to the gradient
 * before the Adam update, which is exactly what {@code torch.optim.Adam(weight_decay=λ)} does in
 * the reference GCN implementations. ({@code weightDecay} would be the decoupled AdamW variant.)
 */
public final class GcnModel {
    public static final String X = "x";
    public static final String TARGET = "target";
    public static final String LOG_PROBS = "log_probs";
    public static final String LOSS = "loss";

    public record Architecture(int inputDim, int hidden, int classes, int depth, double dropout) {
        public Architecture {
            if (depth < 1) throw new IllegalArgumentException("depth must be ≥ 1");
        }

        int width(int layer) {
            return layer == 0 ? inputDim : layer == depth ? classes : hidden;
        }
    }

    private final SameDiff sd;
    private final Architecture arch;
    private final DataType dtype;
    private final int nodes;
    private final List<String> layerOutputs = new ArrayList<>();
    private final List<String> masks = new ArrayList<>();

    /** Weights and dropout masks come from this generator only, so a seed fixes every number of a run. */
    private final Random rng;

    private GcnModel(SameDiff sd, Architecture arch, DataType dtype, int nodes, Random rng) {
        this.rng = rng;
        this.sd = sd;
        this.arch = arch;
        this.dtype = dtype;
        this.nodes = nodes;
    }

    /** Builds the graph; weights are Glorot-uniform and biases zero; {@code seed} fixes the weights and every dropout mask. */
    public static GcnModel build(INDArray aHat, Architecture arch, long seed, DataType dtype) {
        SameDiff sd = SameDiff.create();
        int n = (int) aHat.size(0);
        GcnModel m = new GcnModel(sd, arch, dtype, n, new Random(seed));
        SDVariable a = sd.constant("a_hat", aHat.castTo(dtype));
        SDVariable h = sd.placeHolder(X, dtype, -1, arch.inputDim());
        SDVariable target = sd.placeHolder(TARGET, dtype, -1, arch.classes());
        for (int l = 1; l <= arch.depth(); l++) {
            int in = arch.width(l - 1), out = arch.width(l);
            // Glorot uniform, U(−a, a) with a = √(6 / (in + out)), drawn from a seeded java.util.Random:
            // in M2.1 neither XavierUniformInitScheme nor Nd4j.rand (after Nd4j.getRandom().setSeed, or
            // with a seeded Random of ND4J's factory) gave the same weights in two JVM runs.
            double limit = Math.sqrt(6.0 / (in + out));
            double[] init = new double[in * out];
            for (int i = 0; i < init.length; i++) init[i] = (2 * m.rng.nextDouble() - 1) * limit;
            SDVariable w = sd.var("w" + l, Nd4j.create(init, new long[] {in, out}, 'c').castTo(dtype));
            SDVariable b = sd.var("b" + l, Nd4j.zeros(dtype, 1, out));
            SDVariable z = sd.mmul(a, sd.mmul(h, w)).add(b);
            if (l < arch.depth()) {
                SDVariable act = sd.nn().relu("h" + l, z, 0);
                SDVariable mask = sd.placeHolder("mask" + l, dtype, -1, out);
                m.masks.add(mask.name());
                h = act.mul(mask);
            } else {
                h = sd.identity("h" + l, z);
            }
            m.layerOutputs.add("h" + l);
        }
        // log-softmax over the classes, written out as h − max − log Σ exp(h − max): M2.1's
        // log_softmax op computes log(softmax(h)), which is −∞ once a class's probability underflows
        // in float (measured: [0, −200] → [0, −∞]), and −∞ × a zero target row is NaN: deep GCNs on
        // Cora "diverged" at epoch 18 that way. (The op's explicit-axis overload cannot be cloned
        // for the gradient graph in M2.1 either.)
        SDVariable shifted = h.sub(h.max(true, 1));
        SDVariable logProbs = shifted.sub(LOG_PROBS, sd.math().log(sd.math().exp(shifted).sum(true, 1)));
        // target holds one-hot rows divided by the number of loss nodes (zero rows elsewhere): the mean NLL.
        sd.math().neg(LOSS, logProbs.mul(target).sum());
        sd.setLossVariables(LOSS);
        return m;
    }

    /**
     * The built graph's layers for a model view: per GCN layer its weight and bias variables'
     * sizes as SameDiff holds them, and the output per node (n × width for n nodes).
     */
    public nnlab.kernel.run.ModelSummary summary(String name, int graphNodes) {
        List<nnlab.kernel.run.ModelSummary.Layer> rows = new ArrayList<>();
        for (int l = 1; l <= arch.depth(); l++) {
            long[] w = sd.getVariable("w" + l).getShape();
            long params = sd.getVariable("w" + l).getArr().length() + sd.getVariable("b" + l).getArr().length();
            String type = "GCN Â·H·W + b, " + w[0] + "→" + w[1] + (l < arch.depth() ? ", ReLU, dropout " + arch.dropout() : ", class scores");
            rows.add(new nnlab.kernel.run.ModelSummary.Layer("layer " + l, type, graphNodes + " × " + w[1], params));
        }
        return new nnlab.kernel.run.ModelSummary(name, rows, "Output per node of the graph. Â (" + graphNodes + " × " + graphNodes
                + ", the normalised adjacency with self-loops) is a constant of the graph, not a parameter.");
    }

    /** Adam with coupled L2 weight decay; must be called before {@link #trainStep}. */
    public void configureTraining(double lr, double weightDecay) {
        List<String> features = new ArrayList<>();
        features.add(X);
        features.addAll(masks);
        TrainingConfig.Builder b = new TrainingConfig.Builder()
                .updater(new Adam(lr))
                .dataSetFeatureMapping(features)
                .dataSetLabelMapping(TARGET);
        if (weightDecay > 0) b.l2(weightDecay);
        sd.setTrainingConfig(b.build());
    }

    /** One full-batch Adam step with fresh dropout masks. */
    public void trainStep(INDArray x, INDArray target) {
        INDArray[] features = new INDArray[1 + masks.size()];
        features[0] = x;
        for (int i = 0; i < masks.size(); i++) features[i + 1] = dropoutMask();
        sd.fit(new MultiDataSet(features, new INDArray[] {target}));
    }

    /** Inverted dropout: each unit kept with probability 1 − p and then scaled by 1/(1 − p). */
    private INDArray dropoutMask() {
        double keep = 1 - arch.dropout();
        double[] mask = new double[nodes * arch.hidden()];
        for (int i = 0; i < mask.length; i++) mask[i] = rng.nextDouble() < keep ? 1 / keep : 0;
        return Nd4j.create(mask, new long[] {nodes, arch.hidden()}, 'c').castTo(dtype);
    }

    /** Evaluation pass (dropout off): every layer's output H_1..H_L (H_L = class scores) and the log-probabilities. */
    public record Forward(List<INDArray> layers, INDArray logProbs) { }

    public Forward forward(INDArray x) {
        Map<String, INDArray> ph = evalPlaceholders(x);
        List<String> wanted = new ArrayList<>(layerOutputs);
        wanted.add(LOG_PROBS);
        Map<String, INDArray> out = sd.output(ph, wanted);
        List<INDArray> layers = new ArrayList<>();
        for (String name : layerOutputs) layers.add(out.get(name));
        return new Forward(layers, out.get(LOG_PROBS));
    }

    /** Placeholders for a pass without dropout; {@code TARGET} is added by callers that need the loss. */
    public Map<String, INDArray> evalPlaceholders(INDArray x) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(X, x);
        for (String mask : masks) ph.put(mask, Nd4j.ones(dtype, nodes, arch.hidden()));
        return ph;
    }

    /** The mean NLL over the nodes weighted in {@code target} (see {@link #target}), from log-probabilities. */
    public static double loss(INDArray logProbs, INDArray target) {
        return -logProbs.castTo(DataType.DOUBLE).muli(target.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
    }

    /** One-hot rows scaled by 1/|nodes| on the given nodes, zero elsewhere: the label input of the loss. */
    public static INDArray target(int[] labels, int classes, int[] nodes, DataType dtype) {
        INDArray t = Nd4j.zeros(dtype, labels.length, classes);
        double w = nodes.length == 0 ? 0 : 1.0 / nodes.length;
        for (int i : nodes) t.putScalar(i, labels[i], w);
        return t;
    }

    public SameDiff sameDiff() { return sd; }
    public Architecture architecture() { return arch; }
    public List<String> layerOutputNames() { return List.copyOf(layerOutputs); }

    /** The trainable variables' names: w1, b1, w2, b2, ... */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= arch.depth(); l++) {
            names.add("w" + l);
            names.add("b" + l);
        }
        return names;
    }
}
