package nnlab.gpt;

/**
 * The architecture of one GPT: sizes and the switches that change the maths (positions, the
 * 1/√d_k scaling, a head tied to the token embedding).
 *
 * @param vocab   characters the model knows
 * @param context characters it looks at (the sequence length of training)
 * @param width   the residual stream's width d_model; d_k = width / heads
 * @param dropout probability of zeroing an activation while training (embedding sum, each residual
 *                branch and the attention weights after the softmax); 0 builds the graph without
 *                dropout at all. Never applied in evaluation.
 */
public record GptShape(int vocab, int context, int width, int heads, int layers, Positions positions, boolean scaled,
                       boolean tiedHead, double dropout) {

    /**
     * Where the model learns order from: a learned table added to the token embedding, the fixed
     * sinusoidal table added likewise, or rotary (nothing added; q and k of every head are rotated
     * pairwise by angles proportional to the position, so q·k depends on the distance only).
     */
    public enum Positions {
        LEARNED("learned"), SINUSOIDAL("sinusoidal"), ROTARY("rotary");

        public final String key;

        Positions(String key) {
            this.key = key;
        }

        public static Positions of(String key) {
            for (Positions p : values()) if (p.key.equals(key)) return p;
            throw new IllegalArgumentException("unknown position embedding '" + key + "'");
        }
    }

    /** Without dropout. */
    public GptShape(int vocab, int context, int width, int heads, int layers, Positions positions, boolean scaled, boolean tiedHead) {
        this(vocab, context, width, heads, layers, positions, scaled, tiedHead, 0);
    }

    public GptShape {
        if (vocab < 2) throw new IllegalArgumentException("a vocabulary needs at least 2 characters");
        if (heads < 1 || width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not divisible by heads " + heads);
        }
        if (context < 2 || layers < 1) throw new IllegalArgumentException("context ≥ 2 and layers ≥ 1 are needed");
        if (positions == Positions.ROTARY && (width / heads) % 2 != 0) {
            throw new IllegalArgumentException("rotary positions need an even head width, not " + width / heads + " (width / heads)");
        }
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must lie in [0, 1), not " + dropout);
    }

    public int headWidth() {
        return width / heads;
    }

    /** A copy with another dropout (the same weights fit it). */
    public GptShape withDropout(double p) {
        return new GptShape(vocab, context, width, heads, layers, positions, scaled, tiedHead, p);
    }

    /** A copy with the 1/√d_k scaling on or off (the same weights fit it). */
    public GptShape withScaled(boolean on) {
        return new GptShape(vocab, context, width, heads, layers, positions, on, tiedHead, dropout);
    }

    /** Trainable numbers, counted as the model allocates them. */
    public long parameterCount() {
        long c = width;
        long perBlock = 4 * (c * c + c) + 2 * 2 * c + (c * 4 * c + 4 * c) + (4 * c * c + c);
        long embed = (long) vocab * c + (positions == Positions.LEARNED ? (long) context * c : 0);
        return embed + layers * perBlock + 2 * c + (tiedHead ? 0 : c * vocab);
    }
}
