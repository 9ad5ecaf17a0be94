package nnlab.gpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a trained model does inside, sent once at the end of a run: each layer's attention on a
 * text (heads side by side; causal, so zero above each diagonal), per head the mean attention
 * distance and the attention entropy (collapsing towards 0 nats without the 1/√d_k scaling), and
 * the cosine similarity of position embeddings (learned beside sinusoidal).
 */
final class InsideViews {
    static final ViewSpec HEADS = ViewSpec.table("heads", "Attention per head: distance and entropy");
    static final ViewSpec POSITIONS = ViewSpec.figure("position-similarity", "Position embeddings: cosine similarity of positions");
    static final ViewSpec SINUSOIDS = ViewSpec.figure("sinusoid-similarity", "Sinusoidal encoding: cosine similarity of positions");

    private InsideViews() {
    }

    static ViewSpec attention(int layer) {
        return ViewSpec.figure("attention-" + (layer + 1), "Attention of layer " + (layer + 1) + ", heads side by side");
    }

    static List<ViewSpec> views(int layers) {
        List<ViewSpec> v = new ArrayList<>();
        for (int l = 0; l < layers; l++) v.add(attention(l));
        v.add(HEADS);
        v.add(POSITIONS);
        v.add(SINUSOIDS);
        return v;
    }

    static void send(RunContext ctx, GptModel model, Vocabulary vocab, String text) {
        GptShape s = model.shape();
        int t = s.context(), n = Math.min(t, Math.min(48, text.length()));
        int[] window = new int[t];
        for (int i = 0; i < n; i++) window[i] = vocab.idOf(text.charAt(i));
        String[] names = new String[s.layers()];
        for (int l = 0; l < s.layers(); l++) names[l] = GptModel.attentionName(l);
        Map<String, INDArray> out = model.output(window, names);
        List<List<String>> rows = new ArrayList<>();
        String shown = text.substring(0, n).replace("\n", "⏎");
        for (int l = 0; l < s.layers(); l++) {
            INDArray a = out.get(names[l]);
            double[][] m = new double[n][s.heads() * (n + 1) - 1];
            for (double[] row : m) java.util.Arrays.fill(row, Double.NaN);
            for (int h = 0; h < s.heads(); h++) {
                double distance = 0, entropy = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        double w = a.getDouble(0, h, i, j);
                        m[i][h * (n + 1) + j] = w;
                        distance += w * (i - j);
                        if (w > 0) entropy -= w * Math.log(w);
                    }
                    for (int j = i + 1; j < n; j++) m[i][h * (n + 1) + j] = 0;
                }
                rows.add(List.of(String.valueOf(l + 1), String.valueOf(h + 1), String.format(Locale.ROOT, "%.2f", distance / n),
                        String.format(Locale.ROOT, "%.3f", entropy / n)));
            }
            ViewSpec view = attention(l);
            ctx.figure(view, new HeatmapFigure(view.title() + " on \"" + shown + "\"", "key position (per head, left to right)",
                    "query position", m, ColorMap.VIRIDIS));
        }
        ctx.table(HEADS, HEADS.title() + " on \"" + shown + "\"", List.of("layer", "head", "mean distance (characters)", "entropy (nats)"),
                rows, Map.of());
        double[][] learned = s.positions() == GptShape.Positions.LEARNED ? model.parameter("wpe").toDoubleMatrix() : null;
        double[][] sin = Sinusoids.table(t, s.width());
        String note = switch (s.positions()) {
            case LEARNED -> "";
            case SINUSOIDAL -> " (this model uses sinusoids)";
            case ROTARY -> " (this model rotates q and k instead: no table; sinusoids shown)";
        };
        ctx.figure(POSITIONS, new HeatmapFigure(POSITIONS.title() + note,
                "position j", "position i", cosines(learned == null ? sin : learned), ColorMap.VIRIDIS));
        ctx.figure(SINUSOIDS, new HeatmapFigure(SINUSOIDS.title(), "position j", "position i", cosines(sin), ColorMap.VIRIDIS));
    }

    /** Cosine similarity of every pair of rows: the normalised EEᵀ. */
    static double[][] cosines(double[][] e) {
        int n = e.length;
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (double x : e[i]) sq += x * x;
            norm[i] = Math.sqrt(sq) + 1e-12;
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            double dot = 0;
            for (int k = 0; k < e[i].length; k++) dot += e[i][k] * e[j][k];
            c[i][j] = dot / (norm[i] * norm[j]);
        }
        return c;
    }
}
