package nnlab.gpt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.DivergedException;
import nnlab.kernel.run.Experiment;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.ViewSpec;
import nnlab.datasets.DataFileException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A character-level GPT trained live on a text (Grimms' Fairy Tales by default file choice): the
 * losses in nats and bits per character, the speed, samples from a fixed prompt as training goes,
 * and checkpoints in the run folder's {@code model/} that {@code nnlab sample} opens.
 */
public final class GptExperiment implements Experiment {
    public static final String ID = "gpt";
    static final ViewSpec LOSS = ViewSpec.chart("loss", "Loss", "step", "loss (nats per character)").asKeyResult();
    static final ViewSpec BITS = ViewSpec.chart("bits", "Loss in bits", "step", "loss (bits per character)");
    static final ViewSpec SPEED = ViewSpec.chart("speed", "Training speed", "step", "tokens per second");
    static final ViewSpec SAMPLES = ViewSpec.table("samples", "Samples from the fixed prompt");
    static final ViewSpec CURVE = ViewSpec.figure("loss-curve", "Loss against steps").savedOnly();
    static final String MODEL_FOLDER = "model";

    private final ConfigSchema schema = GptSettings.schema();

    @Override public String id() { return ID; }
    @Override public String title() { return "A character-level GPT"; }
    @Override public String description() {
        return "Trains a small decoder-only transformer on a text, character by character, and samples from it as it learns.";
    }
    @Override public String howToRead() {
        return "The loss is the average surprise per character in nats (ln of the vocabulary size for a model that guesses "
                + "uniformly, about 4.3 for Grimm). Below 2.0 the samples are made of real words; the gap between the training and "
                + "validation curves is overfitting.\n\nThe samples table shows the same prompt continued every few hundred steps: "
                + "noise, then letters in English proportions, then words, then phrases.";
    }
    @Override public ConfigSchema schema() { return schema; }
    @Override public int order() { return 120; }

    @Override
    public List<ViewSpec> views(Config config) {
        List<ViewSpec> views = new ArrayList<>(List.of(LOSS, BITS, SPEED, SAMPLES, CURVE));
        views.addAll(InsideViews.views(c(config, "layers")));
        return views;
    }

    private static int c(Config config, String key) {
        return config.getInt(key);
    }

    static Corpus corpus(Config c) throws DataFileException {
        return corpus(c, line -> { });
    }

    /** The run's text, split; {@code log} hears what was found about the file's encoding. */
    static Corpus corpus(Config c, java.util.function.Consumer<String> log) throws DataFileException {
        String file = GptSettings.text(c, "text-file");
        if (file.isBlank()) return Corpus.split(TextCorpus.generated(c.getInt("generated-chars"), c.getInt("seed")));
        TextCorpus.Loaded loaded = TextCorpus.load(Path.of(file), c.getBoolean("strip-gutenberg"), c.getBoolean("repair-encoding"));
        switch (loaded.encoding()) {
            case REPAIRED -> log.accept("text: double-encoded UTF-8 repaired (repair-encoding)");
            case LOOKS_DOUBLE_ENCODED -> log.accept("text: " + file + " looks like double-encoded UTF-8 (e.g. 'â€™' for ’); "
                    + "repair-encoding (--repair-encoding true) would repair it; read as it is");
            case AS_IS -> { }
        }
        return Corpus.split(loaded.text());
    }

    @Override
    public GptSummary run(Config c, RunContext ctx) throws Exception {
        nnlab.kernel.NativeSetup.limitComputeThreadsOfThisThread(c.getInt("threads"));
        Corpus corpus = corpus(c, ctx::log);
        int context = c.getInt("context");
        if (context + 1 >= corpus.validation().length) {
            throw new SettingException("context", "context " + context + " is longer than the validation text ("
                    + corpus.validation().length + " characters of " + (corpus.train().length + corpus.validation().length) + ")");
        }
        Sampler sampler = new Sampler(c.getDouble("temperature"), 0, c.getDouble("top-p"), false);
        String prompt = c.getString("sample-prompt");
        String resume = GptSettings.text(c, "resume-from");
        GptModel model;
        Checkpoint.Loaded loaded = null;
        if (resume.isBlank()) {
            model = GptModel.build(GptSettings.shape(c, corpus.vocab().size()), c.getInt("seed"), DataType.FLOAT);
        } else {
            loaded = Checkpoint.load(Path.of(resume), true);
            if (!loaded.vocab().equals(corpus.vocab())) {
                throw new SettingException("resume-from", "the checkpoint in " + resume + " was trained on a text with another vocabulary");
            }
            model = loaded.model();
            if (!model.shape().equals(GptSettings.shape(c, corpus.vocab().size()))) {
                throw new SettingException("resume-from", "the checkpoint in " + resume + " has another architecture than these settings: "
                        + model.shape());
            }
        }
        String unknown = corpus.vocab().unknownIn(prompt);
        if (!unknown.isEmpty()) throw new SettingException("sample-prompt", "the prompt holds characters the text lacks: " + unknown);
        GptTraining training = new GptTraining(model, corpus, GptSettings.schedule(c), GptSettings.adam(c), c.getInt("seed"));
        if (loaded != null) {
            training.optimizer().restore(loaded.info().step(), loaded.first(), loaded.second());
            training.skipBatches(loaded.info().step());
        }
        ctx.log("text: " + (corpus.train().length + corpus.validation().length) + " characters, vocabulary " + corpus.vocab().size()
                + ", model " + model.shape().parameterCount() + " parameters" + (loaded == null ? "" : ", resumed at step " + loaded.info().step()));
        int steps = c.getInt("steps"), first = training.stepsDone();
        int evalEvery = c.getInt("eval-every"), sampleEvery = c.getInt("sample-every"), ckEvery = c.getInt("checkpoint-every");
        int windows = c.getInt("eval-windows");
        Path folder = ctx.folder().map(f -> f.resolve(MODEL_FOLDER)).orElse(null);
        LineFigure.Builder curve = new LineFigure.Builder();
        List<List<String>> sampleRows = new ArrayList<>();
        long tokensPerStep = (long) c.getInt("batch") * context;
        double val = training.validationLoss(windows), best = val, trainSum = 0;
        report(ctx, curve, first, Double.NaN, val, Double.NaN);
        int trainCount = 0;
        long tokens = 0, trainNanos = 0, since = System.nanoTime();
        long sinceTokens = 0;
        for (int step = first + 1; step <= steps; step++) {
            ctx.checkCancelled();
            long t0 = System.nanoTime();
            double loss = training.step();
            trainNanos += System.nanoTime() - t0;
            DivergedException.check(loss, "at step " + step);
            tokens += tokensPerStep;
            sinceTokens += tokensPerStep;
            trainSum += loss;
            trainCount++;
            ctx.progress((step - first) / (double) (steps - first), "step " + step + " of " + steps);
            if (step % evalEvery == 0 || step == steps) {
                ctx.checkCancelled();
                val = training.validationLoss(windows);
                DivergedException.check(val, "at step " + step + " (validation)");
                best = Math.min(best, val);
                double tps = sinceTokens / ((System.nanoTime() - since) / 1e9);
                report(ctx, curve, step, trainSum / trainCount, val, tps);
                trainSum = 0;
                trainCount = 0;
                since = System.nanoTime();
                sinceTokens = 0;
            }
            if (step % sampleEvery == 0 || step == steps) {
                ctx.checkCancelled();
                String text = new Generator(model, corpus.vocab()).generate(prompt, c.getInt("sample-length"), sampler, c.getInt("seed"), null);
                sampleRows.add(List.of(String.valueOf(step), prompt + text));
                ctx.table(SAMPLES, SAMPLES.title() + " \"" + prompt + "\"", List.of("step", "sample"), List.copyOf(sampleRows), Map.of());
            }
            if (folder != null && (step % ckEvery == 0 || step == steps)) {
                Checkpoint.save(folder, training, c.getInt("seed"), val);
                ctx.log("checkpoint at step " + step + " in " + folder);
            }
        }
        ctx.checkCancelled();
        InsideViews.send(ctx, model, corpus.vocab(), lastSampleOr(sampleRows, prompt));
        ctx.figure(CURVE, curve.build(CURVE.title(), "step", "loss (nats per character)", false));
        double tps = trainNanos > 0 ? tokens / (trainNanos / 1e9) : 0;
        String lastSample = sampleRows.isEmpty() ? "" : sampleRows.get(sampleRows.size() - 1).get(1);
        return new GptSummary(steps, model.shape().parameterCount(), corpus.vocab().size(), val, best, val / Math.log(2), tps,
                folder == null ? "" : folder.toString(), lastSample);
    }

    private static String lastSampleOr(List<List<String>> rows, String prompt) {
        return rows.isEmpty() ? prompt : rows.get(rows.size() - 1).get(1);
    }

    private static void report(RunContext ctx, LineFigure.Builder curve, int step, double train, double val, double tps) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        row.put("train_loss", train);
        row.put("val_loss", val);
        row.put("val_bits", val / Math.log(2));
        row.put("tokens_per_s", tps);
        ctx.recordMetrics(row);
        if (Double.isFinite(train)) {
            ctx.metric(LOSS, "train", step, train);
            ctx.metric(BITS, "train", step, train / Math.log(2));
            curve.add("train", step, train);
        }
        ctx.metric(LOSS, "validation", step, val);
        ctx.metric(BITS, "validation", step, val / Math.log(2));
        curve.add("validation", step, val);
        if (Double.isFinite(tps)) ctx.metric(SPEED, "training", step, tps);
        ctx.log(String.format(java.util.Locale.ROOT, "step %d: train %.4f, validation %.4f nats/char%s", step, train, val,
                Double.isFinite(tps) ? String.format(java.util.Locale.ROOT, ", %.0f tokens/s", tps) : ""));
    }
}
