package nnlab.gpt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A decoder-only transformer as one SameDiff graph, built from plain ops: M2.1 has no causal
 * attention and no layer norm layer. The input is a batch of sequences of exactly
 * {@code context} characters as one-hot rows (tokens × vocab): the token embedding is then a matrix
 * product, whose gradient is exact (SameDiff's gather gradient is not, see GcnModel's note), and
 * a tied head is the same matrix transposed. Shorter prompts are padded on the right; the causal
 * mask keeps the padding out of every earlier position.
 *
 * <p>Per block, pre-LayerNorm: x += Wo·attn(LN(x)), x += W2·GELU(W1·LN(x)). Attention is
 * softmax(QKᵀ·s + M) V per head with s = 1/√d_k (or 1 with the scaling off) and M = 0 on and below
 * the diagonal, −10⁹ above. Softmax and log-softmax are computed as x − max − log Σ exp(x − max)
 * (M2.1's log_softmax gives −∞). GELU is the tanh form, as PyTorch's GELU(approximate="tanh").
 * With rotary positions nothing is added to the embedding; q and k are rotated by {@link Rotary}'s
 * tables. With dropout p > 0 the embedding sum and each residual branch (attention output, MLP
 * output) are multiplied by a mask placeholder, 0 or 1/(1 − p) per value, drawn in Java from the
 * seed and the step ({@link #trainingFeed}) so a run is reproducible; evaluation feeds a row of ones.
 * With p = 0 the graph has no mask at all and is exactly the graph without dropout.
 * Weights are N(0, 0.02²) drawn in {@link #parameterNames()} order from one seeded java.util.Random
 * (ND4J's own random init is not reproducible across JVMs in M2.1), biases 0, norm gains 1.
 */
public final class GptModel {
    public static final String TOKENS = "tokens";
    public static final String TARGET = "target";
    public static final String LOGITS = "logits";
    public static final String LOSS = "loss";
    static final double INIT_STD = 0.02;
    static final double NORM_EPS = 1e-5;

    private final SameDiff sd;
    private final GptShape shape;
    private final DataType dtype;
    private final List<String> params = new ArrayList<>();
    /** Dropout mask placeholders in drawing order; per row of the residual stream [rows, C], or per attention matrix [batch, heads, T, T]. */
    private final List<Mask> dropoutMasks = new ArrayList<>();

    private record Mask(String name, boolean attention) { }

    private GptModel(SameDiff sd, GptShape shape, DataType dtype) {
        this.sd = sd;
        this.shape = shape;
        this.dtype = dtype;
    }

    public static GptModel build(GptShape shape, long seed, DataType dtype) {
        GptModel m = new GptModel(SameDiff.create(), shape, dtype);
        m.buildGraph(new Random(seed));
        return m;
    }

    private SDVariable weight(String name, Random rng, long rows, long cols) {
        double[] v = new double[Math.toIntExact(rows * cols)];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextGaussian() * INIT_STD;
        params.add(name);
        return sd.var(name, Nd4j.create(v, new long[] {rows, cols}, 'c').castTo(dtype));
    }

    private SDVariable filled(String name, long cols, double value) {
        params.add(name);
        return sd.var(name, Nd4j.valueArrayOf(new long[] {1, cols}, value, dtype));
    }

    private void buildGraph(Random rng) {
        int v = shape.vocab(), t = shape.context(), c = shape.width(), h = shape.heads(), d = shape.headWidth();
        SDVariable tokens = sd.placeHolder(TOKENS, dtype, -1, v);
        SDVariable target = sd.placeHolder(TARGET, dtype, -1, v);
        SDVariable wte = weight("wte", rng, v, c);
        SDVariable x = tokens.mmul(wte);
        if (shape.positions() != GptShape.Positions.ROTARY) {
            SDVariable pos = shape.positions() == GptShape.Positions.LEARNED
                    ? weight("wpe", rng, t, c)
                    : sd.constant("wpe_sin", Nd4j.create(Sinusoids.table(t, c)).castTo(dtype));
            // rows are (sequence, position) pairs; positions are added on a [batch, T, C] view
            x = x.reshape(-1, t, c).add(pos.reshape(1, t, c)).reshape(-1, c);
        }
        x = dropout(x, "drop_emb");
        double[][] mask = new double[t][t];
        for (int i = 0; i < t; i++) for (int j = i + 1; j < t; j++) mask[i][j] = -1e9;
        SDVariable causal = sd.constant("causal_mask", Nd4j.create(mask).castTo(dtype).reshape(1, 1, t, t));
        double scale = shape.scaled() ? 1 / Math.sqrt(d) : 1;
        for (int l = 0; l < shape.layers(); l++) {
            String p = "b" + l + "_";
            SDVariable n1 = layerNorm(x, filled(p + "ln1_g", c, 1), filled(p + "ln1_b", c, 0));
            SDVariable q = heads(rotary(linear(n1, p + "q", rng, c, c)), t, h, d);
            SDVariable k = heads(rotary(linear(n1, p + "k", rng, c, c)), t, h, d);
            SDVariable val = heads(linear(n1, p + "v", rng, c, c), t, h, d);
            SDVariable scores = sd.mmul(q, k, false, true, false).mul(scale).add(causal);
            SDVariable attn = softmaxLastAxis(scores, attentionName(l));
            SDVariable mixed = sd.mmul(attentionDropout(attn, "drop_" + p + "attnw"), val).permute(0, 2, 1, 3).reshape(-1, c);
            x = x.add(dropout(linear(mixed, p + "o", rng, c, c), "drop_" + p + "attn"));
            SDVariable n2 = layerNorm(x, filled(p + "ln2_g", c, 1), filled(p + "ln2_b", c, 0));
            SDVariable hidden = gelu(linear(n2, p + "fc", rng, c, 4L * c));
            x = x.add(dropout(linear(hidden, p + "proj", rng, 4L * c, c), "drop_" + p + "mlp"));
        }
        SDVariable nf = layerNorm(x, filled("lnf_g", c, 1), filled("lnf_b", c, 0));
        SDVariable logits = shape.tiedHead() ? sd.mmul(nf, wte, false, true, false) : nf.mmul(weight("head", rng, c, v));
        logits = sd.identity(LOGITS, logits);
        SDVariable shifted = logits.sub(logits.max(true, 1));
        SDVariable logProbs = shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
        // target rows are one-hot divided by the number of rows: the loss is the mean NLL in nats/char
        sd.math().neg(LOSS, logProbs.mul(target).sum());
        sd.setLossVariables(LOSS);
    }

    /** x ∘ mask, the mask a placeholder (only when the shape has dropout). */
    private SDVariable dropout(SDVariable x, String maskName) {
        if (shape.dropout() == 0) return x;
        dropoutMasks.add(new Mask(maskName, false));
        return x.mul(sd.placeHolder(maskName, dtype, -1, shape.width()));
    }

    /** The attention weights [batch, heads, T, T] ∘ mask (only when the shape has dropout). */
    private SDVariable attentionDropout(SDVariable attn, String maskName) {
        if (shape.dropout() == 0) return attn;
        dropoutMasks.add(new Mask(maskName, true));
        return attn.mul(sd.placeHolder(maskName, dtype, -1, shape.heads(), shape.context(), shape.context()));
    }

    /** Masks of ones: dropout off (evaluation, generation, the explorer). */
    private void feedNoDropout(Map<String, INDArray> ph) {
        if (dropoutMasks.isEmpty()) return;
        INDArray rowOnes = Nd4j.ones(dtype, 1, shape.width());
        INDArray attnOnes = Nd4j.ones(dtype, 1, shape.heads(), shape.context(), shape.context());
        for (Mask m : dropoutMasks) ph.put(m.name(), m.attention() ? attnOnes : rowOnes);
    }

    /** [rows, C] rotated by position (rotary mode; otherwise unchanged). */
    private SDVariable rotary(SDVariable x) {
        if (shape.positions() != GptShape.Positions.ROTARY) return x;
        int t = shape.context(), c = shape.width(), d = shape.headWidth();
        if (!sd.hasVariable("rot_cos")) {
            sd.constant("rot_cos", Nd4j.create(Rotary.table(t, c, d, false)).castTo(dtype).reshape(1, t, c));
            sd.constant("rot_sin", Nd4j.create(Rotary.table(t, c, d, true)).castTo(dtype).reshape(1, t, c));
            sd.constant("rot_swap", Nd4j.create(Rotary.pairSwap(c)).castTo(dtype));
        }
        SDVariable swapped = x.mmul(sd.getVariable("rot_swap")).reshape(-1, t, c).mul(sd.getVariable("rot_sin"));
        return x.reshape(-1, t, c).mul(sd.getVariable("rot_cos")).add(swapped).reshape(-1, c);
    }

    static String attentionName(int layer) {
        return "attn_" + layer;
    }

    private SDVariable linear(SDVariable in, String name, Random rng, long inDim, long outDim) {
        SDVariable w = weight(name + "_w", rng, inDim, outDim);
        return in.mmul(w).add(filled(name + "_b", outDim, 0));
    }

    /** [rows, C] → [batch, heads, T, d_k]. */
    private static SDVariable heads(SDVariable x, int t, int h, int d) {
        return x.reshape(-1, t, h, d).permute(0, 2, 1, 3);
    }

    private SDVariable layerNorm(SDVariable x, SDVariable gain, SDVariable bias) {
        SDVariable centred = x.sub(x.mean(true, 1));
        SDVariable var = centred.mul(centred).mean(true, 1);
        return centred.div(sd.math().sqrt(var.add(NORM_EPS))).mul(gain).add(bias);
    }

    private SDVariable softmaxLastAxis(SDVariable s, String name) {
        SDVariable e = sd.math().exp(s.sub(s.max(true, 3)));
        return e.div(name, e.sum(true, 3));
    }

    private SDVariable gelu(SDVariable x) {
        SDVariable inner = x.add(x.mul(x).mul(x).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
        return x.mul(0.5).mul(sd.math().tanh(inner).add(1));
    }

    /** One-hot rows of {@code ids} (batch × context ids, row-major), scaled by {@code value}. */
    public INDArray oneHot(int[] ids, double value) {
        INDArray m = Nd4j.zeros(dtype, ids.length, shape.vocab());
        for (int i = 0; i < ids.length; i++) m.putScalar(i, ids[i], value);
        return m;
    }

    /** Placeholders for inputs/targets of whole sequences (each {@code context} long), for evaluation: no dropout. */
    public Map<String, INDArray> feed(int[] inputs, int[] targets) {
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put(TOKENS, oneHot(inputs, 1));
        ph.put(TARGET, oneHot(targets, 1.0 / targets.length));
        feedNoDropout(ph);
        return ph;
    }

    /**
     * Placeholders for a training step: as {@link #feed}, with fresh dropout masks drawn from
     * {@code seed} and {@code step} alone (the same step of the same run draws the same masks).
     */
    public Map<String, INDArray> trainingFeed(int[] inputs, int[] targets, long seed, int step) {
        Map<String, INDArray> ph = feed(inputs, targets);
        if (dropoutMasks.isEmpty()) return ph;
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        double p = shape.dropout(), keep = 1 / (1 - p);
        int t = shape.context();
        long[] rowShape = {inputs.length, shape.width()}, attnShape = {inputs.length / t, shape.heads(), t, t};
        for (Mask m : dropoutMasks) {
            long[] maskShape = m.attention() ? attnShape : rowShape;
            double[] mask = new double[Math.toIntExact(java.util.Arrays.stream(maskShape).reduce(1, Math::multiplyExact))];
            for (int i = 0; i < mask.length; i++) mask[i] = rng.nextDouble() < p ? 0 : keep;
            ph.put(m.name(), Nd4j.create(mask, maskShape, 'c').castTo(dtype));
        }
        return ph;
    }

    public double loss(int[] inputs, int[] targets) {
        return sd.output(feed(inputs, targets), LOSS).get(LOSS).getDouble(0);
    }

    /** Loss and the gradient of every parameter. */
    public Map<String, INDArray> gradients(int[] inputs, int[] targets) {
        return gradients(feed(inputs, targets));
    }

    /** The gradient of every parameter for given placeholders, e.g. a {@link #trainingFeed} with its dropout masks. */
    public Map<String, INDArray> gradients(Map<String, INDArray> placeholders) {
        return sd.calculateGradients(placeholders, params);
    }

    /** The loss for given placeholders. */
    public double loss(Map<String, INDArray> placeholders) {
        return sd.output(placeholders, LOSS).get(LOSS).getDouble(0);
    }

    /** Logits [rows, vocab] (and any other named outputs) for sequences of context length. */
    public Map<String, INDArray> output(int[] inputs, String... names) {
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put(TOKENS, oneHot(inputs, 1));
        feedNoDropout(ph);
        return sd.output(ph, names);
    }

    public INDArray logits(int[] inputs) {
        return output(inputs, LOGITS).get(LOGITS);
    }

    /**
     * This model's weights (copied) in a graph with the 1/√d_k scaling on or off: how the trained
     * weights behave when only the scaling changes. This model itself when the scaling already is so.
     */
    public GptModel withScaling(boolean scaled) {
        if (scaled == shape.scaled()) return this;
        GptModel twin = build(shape.withScaled(scaled), 0, dtype);
        for (String name : params) twin.parameter(name).assign(parameter(name));
        return twin;
    }

    public List<String> parameterNames() {
        return List.copyOf(params);
    }

    public INDArray parameter(String name) {
        return sd.getVariable(name).getArr();
    }

    public SameDiff sameDiff() { return sd; }
    public GptShape shape() { return shape; }
    public DataType dtype() { return dtype; }
}
