package nnlab.gpt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Continues a prompt like {@link Generator}, and keeps for every generated character what the
 * model thought: the probability it gave that character and its most likely alternatives (both
 * at temperature 1, before top-k/top-p, i.e. the model's own belief). Cancellable between two
 * characters. No JavaFX: the Generate tab shows what this produces.
 */
public final class TracedGeneration {
    /** How many alternatives each step keeps. */
    public static final int ALTERNATIVES = 5;

    /** One candidate character and the probability the model gave it. */
    public record Candidate(char character, double probability) { }

    /**
     * One generated character.
     *
     * @param probability  the model's probability of {@code character}
     * @param alternatives the most likely characters, most likely first (may include the one chosen)
     */
    public record Step(int index, char character, double probability, List<Candidate> alternatives) { }

    private final GptModel model;
    private final Vocabulary vocab;

    public TracedGeneration(GptModel model, Vocabulary vocab) {
        this.model = model;
        this.vocab = vocab;
    }

    /**
     * Generates up to {@code length} characters; stops early (returning what it made) once
     * {@code cancelled} says so. Each step goes to {@code onStep} as soon as it is made.
     */
    public List<Step> generate(String prompt, int length, Sampler sampler, long seed, BooleanSupplier cancelled, Consumer<Step> onStep) {
        String unknown = vocab.unknownIn(prompt);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("the prompt holds characters the model does not know: " + unknown);
        // Generator's cached decoder: the same characters as `sample`, at its speed.
        List<Step> steps = new ArrayList<>();
        Generator.cached(model, vocab, Generator.Window.EXACT).generate(prompt, length, sampler, seed, cancelled, (pick, logits) -> {
            double[] p = Sampler.softmax(logits, 1);
            Step step = new Step(steps.size(), vocab.charOf(pick.id()), p[pick.id()], top(p, ALTERNATIVES));
            steps.add(step);
            if (onStep != null) onStep.accept(step);
        });
        return steps;
    }

    private List<Candidate> top(double[] p, int k) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, order.length); i++) out.add(new Candidate(vocab.charOf(order[i]), p[order[i]]));
        return out;
    }

    /** A character as a person reads it in a tooltip: visible names for space and line break. */
    public static String shown(char c) {
        return switch (c) {
            case ' ' -> "␣";
            case '\n' -> "⏎";
            case '\t' -> "⇥";
            case '\r' -> "␍";
            default -> Character.isISOControl(c) ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
        };
    }
}
