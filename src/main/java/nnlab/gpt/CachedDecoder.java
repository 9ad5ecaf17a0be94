package nnlab.gpt;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trained GPT's forward pass in plain Java, one character at a time, with a key/value cache:
 * generation without SameDiff's per-call cost (~150 ops for every character of a full-window
 * forward). The weights are copied out of the graph once (in double precision; only the matrix
 * products of a whole window, {@link #encode}, run in ND4J in the model's precision); the maths is
 * {@link GptModel}'s exactly (pre-LayerNorm with ε = 1e-5 and biased variance, tanh GELU, the
 * 1/√d_k toggle, learned / sinusoidal / rotary positions, tied or own head; no dropout, which is
 * for training only). The position tables are read from the graph too, so they are the very numbers
 * the graph adds.
 *
 * <p>{@link #append} feeds the character at position {@link #length()} and returns its logits,
 * attending over the cached keys and values of the earlier positions: O(layers · (width² + length ·
 * width)) per character instead of a forward over the whole context. The cache holds at most
 * {@code context} positions; sliding the window past that is the caller's choice ({@link Generator}).
 */
public final class CachedDecoder {
    private final GptShape shape;
    private final int c, t, v, d;
    private final double scale;
    private final double[] wte;
    private final double[] positionTable;
    private final double[] rotCos;
    private final double[] rotSin;
    private final double[] head;
    private final double[] lnfGain;
    private final double[] lnfBias;
    private final Block[] blocks;
    private final double[][] keys;
    private final double[][] values;
    private int length;
    private final WindowProducts products = new WindowProducts();
    // scratch, reused for every character
    private final double[] x, normed, q, k, val, mixed, branch, hidden, scores, logits;

    private record Block(double[] ln1g, double[] ln1b, double[] qw, double[] qb, double[] kw, double[] kb, double[] vw, double[] vb,
                         double[] ow, double[] ob, double[] ln2g, double[] ln2b, double[] fcw, double[] fcb, double[] projw,
                         double[] projb, Window window) { }

    /** A block's weights as ND4J matrices for encoding a whole window at once: q|k|v side by side [C, 3C], o, fc, proj. */
    private record Window(INDArray qkv, INDArray o, INDArray fc, INDArray proj) { }

    private CachedDecoder(GptModel model) {
        shape = model.shape();
        c = shape.width();
        t = shape.context();
        v = shape.vocab();
        d = shape.headWidth();
        scale = shape.scaled() ? 1 / Math.sqrt(d) : 1;
        wte = read(model, "wte");
        positionTable = switch (shape.positions()) {
            case LEARNED -> read(model, "wpe");
            case SINUSOIDAL -> constant(model.sameDiff(), "wpe_sin");
            case ROTARY -> null;
        };
        rotCos = shape.positions() == GptShape.Positions.ROTARY ? constant(model.sameDiff(), "rot_cos") : null;
        rotSin = shape.positions() == GptShape.Positions.ROTARY ? constant(model.sameDiff(), "rot_sin") : null;
        head = shape.tiedHead() ? null : read(model, "head");
        lnfGain = read(model, "lnf_g");
        lnfBias = read(model, "lnf_b");
        blocks = new Block[shape.layers()];
        for (int l = 0; l < blocks.length; l++) {
            String p = "b" + l + "_";
            blocks[l] = new Block(read(model, p + "ln1_g"), read(model, p + "ln1_b"), read(model, p + "q_w"), read(model, p + "q_b"),
                    read(model, p + "k_w"), read(model, p + "k_b"), read(model, p + "v_w"), read(model, p + "v_b"),
                    read(model, p + "o_w"), read(model, p + "o_b"), read(model, p + "ln2_g"), read(model, p + "ln2_b"),
                    read(model, p + "fc_w"), read(model, p + "fc_b"), read(model, p + "proj_w"), read(model, p + "proj_b"),
                    new Window(Nd4j.hstack(matrix(model, p + "q_w"), matrix(model, p + "k_w"), matrix(model, p + "v_w")).dup('c'),
                            matrix(model, p + "o_w"), matrix(model, p + "fc_w"), matrix(model, p + "proj_w")));
        }
        keys = new double[blocks.length][t * c];
        values = new double[blocks.length][t * c];
        x = new double[c];
        normed = new double[c];
        q = new double[c];
        k = new double[c];
        val = new double[c];
        mixed = new double[c];
        branch = new double[c];
        hidden = new double[4 * c];
        scores = new double[t];
        logits = new double[v];
    }

    /** Copies the model's current weights; later training does not change this decoder. */
    public static CachedDecoder of(GptModel model) {
        return new CachedDecoder(model);
    }

    private static double[] read(GptModel model, String name) {
        return flat(model.parameter(name));
    }

    /** A weight for window products, in the model's own precision (float products measured 1.5× faster than double). */
    private static INDArray matrix(GptModel model, String name) {
        return model.parameter(name).dup('c');
    }

    private static double[] constant(SameDiff sd, String name) {
        return flat(sd.getVariable(name).getArr());
    }

    private static double[] flat(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    public GptShape shape() { return shape; }

    /** Positions in the cache. */
    public int length() { return length; }

    public void reset() {
        length = 0;
    }

    /**
     * Resets and feeds {@code ids[from, to)} (at most {@code context}) as one window, filling the
     * cache; returns the logits after the last one. The same numbers as appending them one by one,
     * but the matrix products run over all positions at once in ND4J (a re-encoded window costs
     * about what one SameDiff forward's products cost, without its per-op overhead).
     */
    public double[] encode(int[] ids, int from, int to) {
        int n = to - from;
        if (n < 1 || n > t) throw new IllegalArgumentException("1 to " + t + " characters fit the context, not " + n);
        reset();
        if (n == 1) return append(ids[from]);
        double[] xs = new double[n * c], ns = new double[n * c];
        for (int p = 0; p < n; p++) {
            int id = ids[from + p];
            if (id < 0 || id >= v) throw new IllegalArgumentException("character id " + id + " outside the vocabulary of " + v);
            System.arraycopy(wte, id * c, xs, p * c, c);
            if (positionTable != null) for (int i = 0; i < c; i++) xs[p * c + i] += positionTable[p * c + i];
        }
        double[] mixedAll = new double[n * c];
        for (int l = 0; l < blocks.length; l++) {
            Block b = blocks[l];
            layerNormRows(xs, b.ln1g, b.ln1b, ns, n);
            double[] qkv = products.times(ns, n, b.window.qkv);
            for (int p = 0; p < n; p++) {
                int row = p * 3 * c;
                for (int i = 0; i < c; i++) {
                    q[i] = qkv[row + i] + b.qb[i];
                    k[i] = qkv[row + c + i] + b.kb[i];
                    val[i] = qkv[row + 2 * c + i] + b.vb[i];
                }
                if (rotCos != null) rotate(k, p);
                System.arraycopy(k, 0, keys[l], p * c, c);
                System.arraycopy(val, 0, values[l], p * c, c);
            }
            if (l == blocks.length - 1) {
                // the last block's keys and values are all the cache needs; the rest matters for the logits only, at the last row
                for (int i = 0; i < c; i++) q[i] = qkv[(n - 1) * 3 * c + i] + b.qb[i];
                if (rotCos != null) rotate(q, n - 1);
                attend(keys[l], values[l], n - 1);
                System.arraycopy(xs, (n - 1) * c, x, 0, c);
                finishBlock(b);
                length = n;
                return headOf(x);
            }
            for (int p = 0; p < n; p++) {
                for (int i = 0; i < c; i++) q[i] = qkv[p * 3 * c + i] + b.qb[i];
                if (rotCos != null) rotate(q, p);
                attend(keys[l], values[l], p);
                System.arraycopy(mixed, 0, mixedAll, p * c, c);
            }
            addRows(xs, products.times(mixedAll, n, b.window.o), b.ob, n);
            layerNormRows(xs, b.ln2g, b.ln2b, ns, n);
            double[] hiddenAll = products.times(ns, n, b.window.fc);
            for (int p = 0; p < n; p++) for (int i = 0; i < 4 * c; i++) hiddenAll[p * 4 * c + i] = gelu(hiddenAll[p * 4 * c + i] + b.fcb[i]);
            addRows(xs, products.times(hiddenAll, n, b.window.proj), b.projb, n);
        }
        throw new AssertionError("the last block returns");
    }


    /** x += y + bias, row by row. */
    private void addRows(double[] xs, double[] ys, double[] bias, int n) {
        for (int p = 0; p < n; p++) for (int i = 0; i < c; i++) xs[p * c + i] += ys[p * c + i] + bias[i];
    }

    private void layerNormRows(double[] xs, double[] gain, double[] bias, double[] out, int n) {
        double[] in = new double[c];
        for (int p = 0; p < n; p++) {
            System.arraycopy(xs, p * c, in, 0, c);
            layerNorm(in, gain, bias, normed);
            System.arraycopy(normed, 0, out, p * c, c);
        }
    }

    /**
     * Feeds the character {@code id} at position {@link #length()}; returns the logits of the next
     * character (a fresh array).
     */
    public double[] append(int id) {
        if (length >= t) throw new IllegalStateException("the cache is full (context " + t + "); reset or re-encode a window");
        if (id < 0 || id >= v) throw new IllegalArgumentException("character id " + id + " outside the vocabulary of " + v);
        int pos = length;
        System.arraycopy(wte, id * c, x, 0, c);
        if (positionTable != null) for (int i = 0; i < c; i++) x[i] += positionTable[pos * c + i];
        for (int l = 0; l < blocks.length; l++) {
            Block b = blocks[l];
            layerNorm(x, b.ln1g, b.ln1b, normed);
            affine(normed, b.qw, b.qb, q, c, c);
            affine(normed, b.kw, b.kb, k, c, c);
            affine(normed, b.vw, b.vb, val, c, c);
            if (rotCos != null) {
                rotate(q, pos);
                rotate(k, pos);
            }
            System.arraycopy(k, 0, keys[l], pos * c, c);
            System.arraycopy(val, 0, values[l], pos * c, c);
            attend(keys[l], values[l], pos);
            finishBlock(b);
        }
        length++;
        return headOf(x);
    }

    /** x += W_o·mixed, then x += MLP(LN(x)): the rest of a block for one position. */
    private void finishBlock(Block b) {
        affine(mixed, b.ow, b.ob, branch, c, c);
        for (int i = 0; i < c; i++) x[i] += branch[i];
        layerNorm(x, b.ln2g, b.ln2b, normed);
        affine(normed, b.fcw, b.fcb, hidden, c, 4 * c);
        for (int i = 0; i < hidden.length; i++) hidden[i] = gelu(hidden[i]);
        affine(hidden, b.projw, b.projb, branch, 4 * c, c);
        for (int i = 0; i < c; i++) x[i] += branch[i];
    }

    /** The logits of the next character from the last position's residual stream. */
    private double[] headOf(double[] x) {
        layerNorm(x, lnfGain, lnfBias, normed);
        if (head != null) {
            affine(normed, head, null, logits, c, v);
        } else {
            for (int j = 0; j < v; j++) {
                double s = 0;
                for (int i = 0; i < c; i++) s += normed[i] * wte[j * c + i];
                logits[j] = s;
            }
        }
        return logits.clone();
    }

    /** Per head: softmax(q·kⱼ·s) over the cached positions j ≤ pos, mixing their values into {@code mixed}. */
    private void attend(double[] cachedKeys, double[] cachedValues, int pos) {
        java.util.Arrays.fill(mixed, 0);
        for (int h = 0; h < shape.heads(); h++) {
            int off = h * d;
            double max = Double.NEGATIVE_INFINITY;
            int j = 0;
            // four keys at a time: four independent sums (each in its own order, as one at a time) instead of one long chain
            for (; j + 3 <= pos; j += 4) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int r0 = j * c + off, r1 = r0 + c, r2 = r1 + c, r3 = r2 + c;
                for (int i = 0; i < d; i++) {
                    double qi = q[off + i];
                    s0 += qi * cachedKeys[r0 + i];
                    s1 += qi * cachedKeys[r1 + i];
                    s2 += qi * cachedKeys[r2 + i];
                    s3 += qi * cachedKeys[r3 + i];
                }
                scores[j] = s0 * scale;
                scores[j + 1] = s1 * scale;
                scores[j + 2] = s2 * scale;
                scores[j + 3] = s3 * scale;
                max = Math.max(Math.max(max, Math.max(scores[j], scores[j + 1])), Math.max(scores[j + 2], scores[j + 3]));
            }
            for (; j <= pos; j++) {
                double s = 0;
                int row = j * c + off;
                for (int i = 0; i < d; i++) s += q[off + i] * cachedKeys[row + i];
                scores[j] = s * scale;
                max = Math.max(max, scores[j]);
            }
            double sum = 0;
            for (int k = 0; k <= pos; k++) sum += scores[k] = Math.exp(scores[k] - max);
            int k = 0;
            // four values at a time, each element summed in the same order as one at a time: a quarter of the loads and stores of mixed
            for (; k + 3 <= pos; k += 4) {
                double w0 = scores[k] / sum, w1 = scores[k + 1] / sum, w2 = scores[k + 2] / sum, w3 = scores[k + 3] / sum;
                int r0 = k * c + off, r1 = r0 + c, r2 = r1 + c, r3 = r2 + c;
                for (int i = 0; i < d; i++) {
                    double m = mixed[off + i];
                    m += w0 * cachedValues[r0 + i];
                    m += w1 * cachedValues[r1 + i];
                    m += w2 * cachedValues[r2 + i];
                    m += w3 * cachedValues[r3 + i];
                    mixed[off + i] = m;
                }
            }
            for (; k <= pos; k++) {
                double w = scores[k] / sum;
                int row = k * c + off;
                for (int i = 0; i < d; i++) mixed[off + i] += w * cachedValues[row + i];
            }
        }
    }

    private void rotate(double[] row, int pos) {
        for (int i = 0; i < c; i += 2) {
            double a = row[i], b = row[i + 1];
            row[i] = a * rotCos[pos * c + i] - b * rotSin[pos * c + i];
            row[i + 1] = a * rotSin[pos * c + i + 1] + b * rotCos[pos * c + i + 1];
        }
    }

    /** out = in · W + bias, W row-major [in, out]: the inner loop runs along W's rows (contiguous, vectorised by the JIT). */
    private static void affine(double[] in, double[] w, double[] bias, double[] out, int inDim, int outDim) {
        if (bias != null) System.arraycopy(bias, 0, out, 0, outDim);
        else java.util.Arrays.fill(out, 0, outDim, 0);
        for (int i = 0; i < inDim; i++) {
            double a = in[i];
            int row = i * outDim;
            for (int j = 0; j < outDim; j++) out[j] += a * w[row + j];
        }
    }

    private static void layerNorm(double[] in, double[] gain, double[] bias, double[] out) {
        int n = in.length;
        double mean = 0;
        for (double e : in) mean += e;
        mean /= n;
        double var = 0;
        for (double e : in) var += (e - mean) * (e - mean);
        var /= n;
        double inv = 1 / Math.sqrt(var + GptModel.NORM_EPS);
        for (int i = 0; i < n; i++) out[i] = (in[i] - mean) * inv * gain[i] + bias[i];
    }

    private static final double GELU_K = Math.sqrt(2 / Math.PI);

    /** 0.5·z·(1 + tanh(u)) with tanh(u) = 1 − 2/(e^{2u} + 1): Math.exp is a JIT intrinsic, Math.tanh measured ~3× slower. */
    private static double gelu(double z) {
        double u = GELU_K * (z + 0.044715 * z * z * z);
        return 0.5 * z * (2 - 2 / (Math.exp(2 * u) + 1));
    }
}
