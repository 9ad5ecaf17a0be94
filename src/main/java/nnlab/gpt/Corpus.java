package nnlab.gpt;

import java.util.Arrays;

/**
 * A text split 90/10 into training and validation characters, with the character vocabulary of the
 * training part. A validation character the vocabulary lacks is mapped to the first one (a space
 * in real texts), counted in {@link #unknownValidationChars}.
 */
public record Corpus(Vocabulary vocab, int[] train, int[] validation, int unknownValidationChars) {

    public static final double TRAIN_FRACTION = 0.9;

    public static Corpus split(String text) {
        int cut = (int) Math.round(text.length() * TRAIN_FRACTION);
        String trainText = text.substring(0, cut);
        Vocabulary vocab = Vocabulary.of(trainText);
        int[] train = vocab.encode(trainText);
        String valText = text.substring(cut);
        int[] val = new int[valText.length()];
        int unknown = 0;
        for (int i = 0; i < val.length; i++) {
            int id = vocab.idOf(valText.charAt(i));
            if (id < 0) {
                unknown++;
                id = 0;
            }
            val[i] = id;
        }
        return new Corpus(vocab, train, val, unknown);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Corpus c && vocab.equals(c.vocab) && Arrays.equals(train, c.train) && Arrays.equals(validation, c.validation);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(train) * 31 + Arrays.hashCode(validation);
    }
}
