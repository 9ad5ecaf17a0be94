package nnlab.gpt;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a loaded model on a prompt and returns what every head attends to: per layer and head the
 * n×n matrix of attention weights of the prompt's n characters (row = query, column = key). The
 * model is causal, so each row sums to 1 over the keys at or before the query and is 0 after it.
 * A prompt longer than the context keeps its last {@code context} characters (what the model sees
 * when it continues the prompt). No JavaFX: the explorer panel draws what this returns.
 */
public final class AttentionProbe {
    private AttentionProbe() {
    }

    /**
     * @param text    the characters on both axes
     * @param weights [layer][head][query][key]
     */
    public record Attention(String text, double[][][][] weights) {
        public int layers() { return weights.length; }
        public int heads() { return weights.length == 0 ? 0 : weights[0].length; }
        public double[][] matrix(int layer, int head) { return weights[layer][head]; }
    }

    /**
     * The same prompt through the trained weights twice: as trained, and with the 1/√d_k scaling
     * flipped (removed from a model trained with it, added to one trained without). Without the
     * scaling every score is √d_k times larger, so each softmax is sharper: in the first layer, whose
     * input is the same both times, every query row's entropy drops (the entropy of softmax(β·s) falls
     * as β grows); the later layers see changed inputs as well.
     *
     * @param promptLoss the model's mean next-character loss over the prompt (nats/char; NaN for one character)
     */
    public record ScalingComparison(Attention asTrained, Attention flipped, boolean trainedScaled, double promptLoss,
                                    double flippedPromptLoss) {
        /** Mean entropy per [layer][head], as trained or flipped. */
        public double[][] entropies(boolean ofFlipped) {
            return headEntropies(ofFlipped ? flipped : asTrained);
        }

        /** Mean entropy over every layer and head. */
        public double meanEntropy(boolean ofFlipped) {
            double sum = 0;
            int n = 0;
            for (double[] layer : entropies(ofFlipped)) for (double e : layer) {
                sum += e;
                n++;
            }
            return n == 0 ? 0 : sum / n;
        }
    }

    public static ScalingComparison compareScaling(GptModel model, Vocabulary vocab, String prompt) {
        GptModel twin = model.withScaling(!model.shape().scaled());
        return new ScalingComparison(run(model, vocab, prompt), run(twin, vocab, prompt), model.shape().scaled(),
                promptLoss(model, vocab, prompt), promptLoss(twin, vocab, prompt));
    }

    /** Mean attention entropy of every [layer][head]. */
    public static double[][] headEntropies(Attention a) {
        double[][] e = new double[a.layers()][a.heads()];
        for (int l = 0; l < a.layers(); l++) for (int h = 0; h < a.heads(); h++) e[l][h] = meanEntropy(a.matrix(l, h));
        return e;
    }

    /** How surprised the model is by the prompt: −(1/(n−1)) Σ ln p(cᵢ₊₁ | c₀…cᵢ), NaN for a single character. */
    public static double promptLoss(GptModel model, Vocabulary vocab, String prompt) {
        int[] window = window(model, vocab, prompt);
        int n = Math.min(prompt.length(), model.shape().context());
        if (n < 2) return Double.NaN;
        INDArray logits = model.logits(window);
        double sum = 0;
        for (int i = 0; i < n - 1; i++) {
            double[] row = logits.getRow(i).toDoubleVector();
            double max = Double.NEGATIVE_INFINITY, z = 0;
            for (double x : row) max = Math.max(max, x);
            for (double x : row) z += Math.exp(x - max);
            sum -= row[window[i + 1]] - max - Math.log(z);
        }
        return sum / (n - 1);
    }

    /** The prompt's last {@code context} characters as ids, padded to the context; refuses an empty or unknown prompt. */
    private static int[] window(GptModel model, Vocabulary vocab, String prompt) {
        if (prompt.isEmpty()) throw new IllegalArgumentException("the prompt is empty: give at least one character");
        String unknown = vocab.unknownIn(prompt);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("the prompt holds characters the model does not know: " + unknown);
        int t = model.shape().context();
        String text = prompt.length() > t ? prompt.substring(prompt.length() - t) : prompt;
        int[] window = new int[t];
        for (int i = 0; i < text.length(); i++) window[i] = vocab.idOf(text.charAt(i));
        return window;
    }

    public static Attention run(GptModel model, Vocabulary vocab, String prompt) {
        int[] window = window(model, vocab, prompt);
        GptShape s = model.shape();
        int t = s.context();
        String text = prompt.length() > t ? prompt.substring(prompt.length() - t) : prompt;
        int n = text.length();
        String[] names = new String[s.layers()];
        for (int l = 0; l < s.layers(); l++) names[l] = GptModel.attentionName(l);
        Map<String, INDArray> out = model.output(window, names);
        double[][][][] w = new double[s.layers()][s.heads()][n][n];
        for (int l = 0; l < s.layers(); l++) {
            // [1, heads, T, T]; the padding after the prompt is never read by its rows (causal mask)
            INDArray a = out.get(names[l]);
            for (int h = 0; h < s.heads(); h++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) w[l][h][i][j] = a.getDouble(0, h, i, j);
                }
            }
        }
        return new Attention(text, w);
    }

    /**
     * How far back a head looks, in characters: (1/n) Σᵢ Σ_{j≤i} wᵢⱼ (i − j), the attention-weighted
     * distance from each query to its keys, averaged over the n queries. 0 for a head that only
     * looks at the character itself; (i)/2 per row for uniform attention over the past.
     */
    public static double meanDistance(double[][] weights) {
        int n = weights.length;
        double sum = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) sum += weights[i][j] * (i - j);
        return n == 0 ? 0 : sum / n;
    }

    /** The attention entropy in nats, averaged over the queries (0 = each query looks at one key). */
    public static double meanEntropy(double[][] weights) {
        int n = weights.length;
        double sum = 0;
        for (double[] row : weights) for (double w : row) if (w > 0) sum -= w * Math.log(w);
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The cosine similarity of every pair of the model's learned position embeddings (the
     * normalised EEᵀ over positions), or null when the model has no learned table.
     */
    public static double[][] learnedPositionSimilarity(GptModel model) {
        if (model.shape().positions() != GptShape.Positions.LEARNED || !model.parameterNames().contains("wpe")) return null;
        return InsideViews.cosines(model.parameter("wpe").toDoubleMatrix());
    }

    /** The same for the sinusoidal table of the model's context and width. */
    public static double[][] sinusoidalPositionSimilarity(GptShape shape) {
        return InsideViews.cosines(Sinusoids.table(shape.context(), shape.width()));
    }
}
