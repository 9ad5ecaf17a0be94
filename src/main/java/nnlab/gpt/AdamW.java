package nnlab.gpt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * AdamW exactly as {@code torch.optim.AdamW} steps (decoupled decay p ← p·(1 − lr·λ), then the
 * bias-corrected Adam update), after clipping the global gradient norm as
 * {@code clip_grad_norm_} does. Written here because SameDiff's TrainingConfig has no gradient
 * clipping; the state (m, v, step) is kept for checkpoints. Decay applies to weight matrices and
 * embeddings, not to biases and norm parameters.
 */
public final class AdamW {
    public record Settings(double beta1, double beta2, double eps, double weightDecay, double clipNorm) { }

    private final Settings s;
    private final Map<String, INDArray> m = new HashMap<>();
    private final Map<String, INDArray> v = new HashMap<>();
    private int step;

    public AdamW(Settings settings) {
        this.s = settings;
    }

    static boolean decays(String name) {
        return name.endsWith("_w") || name.equals("wte") || name.equals("wpe") || name.equals("head");
    }

    /** Clips, then updates every parameter in place; returns the gradient norm before clipping. */
    public double step(GptModel model, Map<String, INDArray> grads, double lr) {
        List<String> names = model.parameterNames();
        double sq = 0;
        for (String n : names) {
            double g = grads.get(n).norm2Number().doubleValue();
            sq += g * g;
        }
        double norm = Math.sqrt(sq);
        double factor = s.clipNorm() > 0 && norm > s.clipNorm() ? s.clipNorm() / (norm + 1e-6) : 1;
        step++;
        double bc1 = 1 - Math.pow(s.beta1(), step), bc2 = Math.sqrt(1 - Math.pow(s.beta2(), step));
        for (String n : names) {
            INDArray p = model.parameter(n);
            INDArray g = grads.get(n);
            if (factor != 1) g.muli(factor);
            INDArray mn = m.computeIfAbsent(n, k -> p.ulike().assign(0));
            INDArray vn = v.computeIfAbsent(n, k -> p.ulike().assign(0));
            if (decays(n) && s.weightDecay() > 0) p.muli(1 - lr * s.weightDecay());
            mn.muli(s.beta1()).addi(g.mul(1 - s.beta1()));
            vn.muli(s.beta2()).addi(g.mul(g).muli(1 - s.beta2()));
            INDArray denom = Transforms.sqrt(vn, true).divi(bc2).addi(s.eps());
            p.subi(mn.div(denom).muli(lr / bc1));
        }
        return norm;
    }

    public int stepCount() { return step; }
    public Map<String, INDArray> firstMoments() { return m; }
    public Map<String, INDArray> secondMoments() { return v; }

    /** Restores a checkpoint's state. */
    public void restore(int steps, Map<String, INDArray> first, Map<String, INDArray> second) {
        step = steps;
        m.clear();
        m.putAll(first);
        v.clear();
        v.putAll(second);
    }

    /** Linear warm-up to {@code peak} over {@code warmup} steps, then cosine decay to {@code peak·minFraction} at {@code total}. */
    public static double learningRate(int step, int warmup, int total, double peak, double minFraction) {
        if (step <= warmup) return peak * step / Math.max(1, warmup);
        double progress = Math.min(1, (step - warmup) / (double) Math.max(1, total - warmup));
        double min = peak * minFraction;
        return min + 0.5 * (peak - min) * (1 + Math.cos(Math.PI * progress));
    }
}
