package nnlab.gpt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import nnlab.datasets.DataFileException;

/**
 * A training text: any UTF-8 file, or a small generated one when no file is given (so a run works
 * offline). Line ends become \n and a byte-order mark is dropped; a Project Gutenberg header and
 * licence are cut off when asked to.
 */
public final class TextCorpus {
    /** Fewer characters than this cannot give a useful 90/10 split at any context. */
    public static final int MIN_CHARS = 1000;

    private TextCorpus() {
    }

    /** Reads a text file, refusing a missing, empty, binary, non-UTF-8 or tiny one with the reason and the file. */
    public static String read(Path file, boolean stripGutenberg) throws DataFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "no such file");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (bytes.length == 0) throw new DataFileException(file, "the file is empty");
        for (byte b : bytes) {
            if (b == 0) throw new DataFileException(file, "a binary file (it holds NUL bytes), not a text");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, "not UTF-8 text (" + e.getMessage() + ")");
        }
        text = normalise(text);
        if (stripGutenberg) text = stripGutenberg(text);
        if (text.length() < MIN_CHARS) {
            throw new DataFileException(file, "too small to train on: " + text.length() + " characters"
                    + (stripGutenberg ? " after the Project Gutenberg header and licence were removed" : "")
                    + "; at least " + MIN_CHARS + " are needed");
        }
        return text;
    }

    static String normalise(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The part between "*** START OF …" and "*** END OF …" lines; the text unchanged when there are none. */
    public static String stripGutenberg(String text) {
        int start = text.indexOf("*** START OF");
        if (start >= 0) {
            int lineEnd = text.indexOf('\n', start);
            text = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
        }
        int end = text.indexOf("*** END OF");
        if (end >= 0) text = text.substring(0, end);
        // older e-books close with "End of Project Gutenberg's …" (or "End of the Project …") just before that line
        int closing = Math.max(text.lastIndexOf("End of Project Gutenberg"), text.lastIndexOf("End of the Project Gutenberg"));
        if (closing >= 0 && closing > text.length() - 500) text = text.substring(0, closing);
        return text.strip() + "\n";
    }

    private static final String[] HEROES = {"the king", "the queen", "a miller", "the old woman", "the wolf",
        "the little tailor", "the fisherman", "Hansel", "Gretel", "the princess", "the huntsman", "the frog"};
    private static final String[] DEEDS = {"went into the forest", "sat down by the well", "knocked at the door",
        "looked out of the window", "ran home as fast as he could", "gave him a piece of bread",
        "said nothing at all", "began to weep", "found a golden key", "lay down under a tree"};
    private static final String[] ENDS = {"and there was great joy", "and they lived happily ever after",
        "and nobody saw them again", "and so it was", "but the night was dark and long"};

    /** A small fairy-tale-like text made from a few sentence patterns (seeded, about {@code chars} long). */
    public static String generated(int chars, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder("There was once ");
        while (sb.length() < chars) {
            String hero = HEROES[rng.nextInt(HEROES.length)];
            sb.append(hero).append(" who ").append(DEEDS[rng.nextInt(DEEDS.length)]).append(", ")
                    .append(ENDS[rng.nextInt(ENDS.length)]).append(". ");
            String other = HEROES[rng.nextInt(HEROES.length)];
            sb.append(Character.toUpperCase(other.charAt(0))).append(other.substring(1)).append(" said to ")
                    .append(hero).append(", 'I ").append(DEEDS[rng.nextInt(DEEDS.length)].replace("his", "my"))
                    .append(".'\n");
            if (rng.nextInt(4) == 0) sb.append("\nThere was once ");
            else sb.append("Then ");
        }
        return sb.toString();
    }
}
