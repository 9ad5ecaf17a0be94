package nnlab.gpt;

import java.util.Random;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Continues a prompt character by character. Each step runs the model on the last {@code context}
 * characters, padded on the right (the causal mask keeps the padding from the positions read), and
 * draws from the logits at the last real position.
 */
public final class Generator {
    private final GptModel model;
    private final Vocabulary vocab;

    public Generator(GptModel model, Vocabulary vocab) {
        this.model = model;
        this.vocab = vocab;
    }

    /** The generated characters (without the prompt); each goes to {@code onChar} as it is made. */
    public String generate(String prompt, int length, Sampler sampler, long seed, Consumer<Sampler.Pick> onChar) {
        String unknown = vocab.unknownIn(prompt);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("the prompt holds characters the model does not know: " + unknown);
        int t = model.shape().context();
        StringBuilder text = new StringBuilder(prompt.isEmpty() ? "\n" : prompt);
        Random rng = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int start = Math.max(0, text.length() - t);
            int[] window = new int[t];
            int n = text.length() - start;
            for (int j = 0; j < n; j++) window[j] = vocab.idOf(text.charAt(start + j));
            INDArray logits = model.logits(window);
            Sampler.Pick pick = sampler.pick(logits.getRow(n - 1).toDoubleVector(), rng);
            char c = vocab.charOf(pick.id());
            text.append(c);
            out.append(c);
            if (onChar != null) onChar.accept(pick);
        }
        return out.toString();
    }
}
