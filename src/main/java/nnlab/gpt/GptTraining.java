package nnlab.gpt;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training state of one model: the batch order (a seeded java.util.Random drawing each sequence's
 * start in the training text, {@code nextInt(n − context)}, batch after batch: the PyTorch peer
 * draws the same numbers), AdamW and the learning-rate schedule. Validation uses fixed windows spread
 * evenly over the validation text, so every evaluation sees the same characters.
 */
public final class GptTraining {
    public record Schedule(int batch, int steps, double lr, int warmup, double minLrFraction) { }

    private final GptModel model;
    private final Corpus corpus;
    private final Schedule schedule;
    private final AdamW optimizer;
    private final Random order;
    private final long seed;

    public GptTraining(GptModel model, Corpus corpus, Schedule schedule, AdamW.Settings adam, long dataSeed) {
        int t = model.shape().context();
        if (corpus.train().length <= t + 1) {
            throw new IllegalArgumentException("context " + t + " is not shorter than the training text (" + corpus.train().length + " characters)");
        }
        if (corpus.validation().length <= t + 1) {
            throw new IllegalArgumentException("context " + t + " is not shorter than the validation text (" + corpus.validation().length + " characters)");
        }
        this.model = model;
        this.corpus = corpus;
        this.schedule = schedule;
        this.optimizer = new AdamW(adam);
        this.seed = dataSeed;
        this.order = new Random(dataSeed);
    }

    /** One batch's inputs and next-character targets, each batch × context ids. */
    public record Batch(int[] inputs, int[] targets) { }

    public Batch nextBatch() {
        int t = model.shape().context(), b = schedule.batch();
        int[] text = corpus.train();
        int[] in = new int[b * t], out = new int[b * t];
        for (int s = 0; s < b; s++) {
            int start = order.nextInt(text.length - t);
            System.arraycopy(text, start, in, s * t, t);
            System.arraycopy(text, start + 1, out, s * t, t);
        }
        return new Batch(in, out);
    }

    /** One optimiser step; returns the batch's loss (nats/char) before the update. */
    public double step() {
        Batch batch = nextBatch();
        int next = optimizer.stepCount() + 1;
        OutAndGrad r = model.sameDiff().calculateGradientsAndOutputs(model.trainingFeed(batch.inputs(), batch.targets(), seed, next),
                List.of(GptModel.LOSS), model.parameterNames());
        double loss = r.getOutputs().get(GptModel.LOSS).getDouble(0);
        Map<String, INDArray> grads = r.getGradients();
        optimizer.step(model, grads, AdamW.learningRate(next, schedule.warmup(), schedule.steps(), schedule.lr(), schedule.minLrFraction()));
        // A step's gradients and activations live off the Java heap and are freed only when their
        // small Java handles are collected, which a roomy heap postpones for good: resident memory
        // grew ~230 MB per step (width 128, batch 32 × 64; a default run was killed for lack of
        // memory at step 41). Collecting after each step keeps it flat (1.22–1.24 GB over 14 steps).
        System.gc();
        return loss;
    }

    /** Mean loss over {@code windows} fixed windows of the validation text, evaluated {@code batch} at a time. */
    public double validationLoss(int windows) {
        int t = model.shape().context();
        int[] text = corpus.validation();
        int span = text.length - t - 1;
        double total = 0;
        int done = 0;
        while (done < windows) {
            int n = Math.min(schedule.batch(), windows - done);
            int[] in = new int[n * t], out = new int[n * t];
            for (int s = 0; s < n; s++) {
                int start = (int) ((long) span * (done + s) / Math.max(1, windows - 1));
                System.arraycopy(text, start, in, s * t, t);
                System.arraycopy(text, start + 1, out, s * t, t);
            }
            total += model.loss(in, out) * n;
            done += n;
        }
        return total / windows;
    }

    /** Replays the batch order up to {@code steps} done steps (after a checkpoint restore). */
    public void skipBatches(int steps) {
        order.setSeed(seed);
        for (long i = 0; i < (long) steps * schedule.batch(); i++) order.nextInt(corpus.train().length - model.shape().context());
    }

    public int stepsDone() { return optimizer.stepCount(); }
    public AdamW optimizer() { return optimizer; }
    public GptModel model() { return model; }
    public Corpus corpus() { return corpus; }
    public Schedule schedule() { return schedule; }
}
