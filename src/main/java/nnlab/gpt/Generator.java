package nnlab.gpt;

import java.util.Random;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Continues a prompt character by character: each character is drawn from the logits the model
 * gives after the last {@code context} characters. By default the logits come from a
 * {@link CachedDecoder} (plain Java, a key/value cache): one cheap step per character while the
 * text fits the context. Past the context the window has to slide, and every position in it moves:
 * <ul>
 * <li>{@link Window#EXACT} (default) re-encodes the last {@code context} characters for every new
 * character, so the logits are exactly those of a full forward over that window (the maths of
 * training), at the cost of {@code context} cached steps per character;</li>
 * <li>{@link Window#HALF} re-encodes only the last {@code context / 2} characters once the cache is
 * full and then continues step by step until it is full again: about one step's cost per character,
 * but the model then sees between context/2 and context characters, not always the full window.</li>
 * </ul>
 * {@link #fullForward} keeps the original path (a SameDiff forward over the padded window for every
 * character; the causal mask keeps the padding from the positions read), for comparison.
 */
public final class Generator {
    /** How the window slides once the text is longer than the context. */
    public enum Window { EXACT, HALF }

    private final GptModel model;
    private final Vocabulary vocab;
    private final Window window;
    private final boolean sameDiffEveryStep;

    private Generator(GptModel model, Vocabulary vocab, Window window, boolean sameDiffEveryStep) {
        this.model = model;
        this.vocab = vocab;
        this.window = window;
        this.sameDiffEveryStep = sameDiffEveryStep;
    }

    /** Cached decoding, exact window. The model's weights are read when {@link #generate} starts. */
    public Generator(GptModel model, Vocabulary vocab) {
        this(model, vocab, Window.EXACT, false);
    }

    public static Generator cached(GptModel model, Vocabulary vocab, Window window) {
        return new Generator(model, vocab, window, false);
    }

    /** The slow reference: one SameDiff forward over the whole window per character. */
    public static Generator fullForward(GptModel model, Vocabulary vocab) {
        return new Generator(model, vocab, Window.EXACT, true);
    }

    /** The generated characters (without the prompt); each goes to {@code onChar} as it is made. */
    public String generate(String prompt, int length, Sampler sampler, long seed, Consumer<Sampler.Pick> onChar) {
        return generate(prompt, length, sampler, seed, () -> false, onChar == null ? null : (pick, logits) -> onChar.accept(pick));
    }

    /** A character just made, with the logits it was drawn from. */
    public interface StepListener {
        void step(Sampler.Pick pick, double[] logits);
    }

    /**
     * The same, stopping early (returning what it made) once {@code cancelled} says so; each
     * character goes to {@code onStep} with the logits it was drawn from (the panel's probabilities).
     */
    public String generate(String prompt, int length, Sampler sampler, long seed, java.util.function.BooleanSupplier cancelled, StepListener onStep) {
        String unknown = vocab.unknownIn(prompt);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("the prompt holds characters the model does not know: " + unknown);
        String start = prompt.isEmpty() ? "\n" : prompt;
        int[] ids = new int[start.length() + length];
        for (int j = 0; j < start.length(); j++) ids[j] = vocab.idOf(start.charAt(j));
        Random rng = new Random(seed);
        StringBuilder out = new StringBuilder();
        Next next = sameDiffEveryStep ? this::fullForwardLogits : cachedLogits(model.shape().context());
        for (int i = 0, n = start.length(); i < length && !cancelled.getAsBoolean(); i++, n++) {
            double[] logits = next.logits(ids, n);
            Sampler.Pick pick = sampler.pick(logits, rng);
            ids[n] = pick.id();
            out.append(vocab.charOf(pick.id()));
            if (onStep != null) onStep.step(pick, logits);
        }
        return out.toString();
    }

    /** The logits of the character after {@code ids[0, n)}. */
    private interface Next {
        double[] logits(int[] ids, int n);
    }

    private double[] fullForwardLogits(int[] ids, int n) {
        int t = model.shape().context();
        int from = Math.max(0, n - t);
        int[] padded = new int[t];
        System.arraycopy(ids, from, padded, 0, n - from);
        INDArray logits = model.logits(padded);
        return logits.getRow(n - from - 1).toDoubleVector();
    }

    private Next cachedLogits(int t) {
        CachedDecoder decoder = CachedDecoder.of(model);
        // cache holds ids[n − decoder.length(), n − 1) before each call
        return (ids, n) -> {
            if (decoder.length() == 0) return decoder.encode(ids, Math.max(0, n - t), n);
            if (decoder.length() < t) return decoder.append(ids[n - 1]);
            int keep = window == Window.EXACT ? t : Math.max(1, t / 2);
            return decoder.encode(ids, n - keep, n);
        };
    }
}
