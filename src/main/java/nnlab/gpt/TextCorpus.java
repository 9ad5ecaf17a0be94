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
 *
 * <p>Double-encoded UTF-8 ("mojibake": UTF-8 bytes once read as Latin-1 / Windows-1252 and saved
 * as UTF-8 again, so ’ reads "â€™" or "â\u0080\u0099") is repaired when asked to: every character
 * turned back into the one byte it came from, and those bytes decoded as UTF-8. Only when the
 * whole text survives that strictly (each character has such a byte, the bytes are valid UTF-8);
 * otherwise the text is left as it is. A correctly encoded text never survives it unless it is
 * plain ASCII (then nothing changes): a lone é or ’ is not valid UTF-8 as a single byte.
 */
public final class TextCorpus {
    /** Fewer characters than this cannot give a useful 90/10 split at any context. */
    public static final int MIN_CHARS = 1000;

    private TextCorpus() {
    }

    /** What was found about a text's encoding. */
    public enum Encoding {
        /** Read as it is; not double-encoded (or the repair would change nothing). */
        AS_IS,
        /** Double-encoded UTF-8, repaired. */
        REPAIRED,
        /** Double-encoded UTF-8 by the strict test, left as it is because no repair was asked for. */
        LOOKS_DOUBLE_ENCODED
    }

    /** A text as training uses it, and what was found about its encoding. */
    public record Loaded(String text, Encoding encoding) { }

    /** Reads a text file, refusing a missing, empty, binary, non-UTF-8 or tiny one with the reason and the file. */
    public static String read(Path file, boolean stripGutenberg) throws DataFileException {
        return load(file, stripGutenberg, false).text();
    }

    /** As {@link #read}, repairing double-encoded UTF-8 when {@code repairEncoding} (and only reporting it otherwise). */
    public static Loaded load(Path file, boolean stripGutenberg, boolean repairEncoding) throws DataFileException {
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
        // a byte-order mark is about the file's own encoding, not a character of the text
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String repaired = repairDoubleEncoding(text);
        Encoding encoding = repaired == null ? Encoding.AS_IS : repairEncoding ? Encoding.REPAIRED : Encoding.LOOKS_DOUBLE_ENCODED;
        if (encoding == Encoding.REPAIRED) text = repaired;
        text = normalise(text);
        if (stripGutenberg) text = stripGutenberg(text);
        if (text.length() < MIN_CHARS) {
            throw new DataFileException(file, "too small to train on: " + text.length() + " characters"
                    + (stripGutenberg ? " after the Project Gutenberg header and licence were removed" : "")
                    + "; at least " + MIN_CHARS + " are needed");
        }
        return new Loaded(text, encoding);
    }

    /** Characters U+0080…U+FFFF that Windows-1252 gives to the bytes 0x80–0x9F (€ for 0x80, ™ for 0x99, …), with their byte. */
    private static final java.util.Map<Character, Byte> WINDOWS_1252_HIGH = windows1252High();

    private static java.util.Map<Character, Byte> windows1252High() {
        java.util.Map<Character, Byte> m = new java.util.HashMap<>();
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        for (int b = 0x80; b < 0xA0; b++) {
            String ch = new String(new byte[] {(byte) b}, cp1252);
            // the five bytes Windows-1252 leaves undefined decode to U+FFFD here; as U+0081 etc. they are Latin-1's
            if (ch.length() == 1 && ch.charAt(0) != '\uFFFD') m.put(ch.charAt(0), (byte) b);
        }
        return java.util.Map.copyOf(m);
    }

    /**
     * The text with its double encoding undone, or null when it is not double-encoded: a character
     * without a single byte of its own (Latin-1 below U+0100, else Windows-1252's 0x80–0x9F), bytes
     * that are not valid UTF-8, or no change at all (plain ASCII).
     */
    public static String repairDoubleEncoding(String text) {
        byte[] bytes = new byte[text.length()];
        boolean changes = false;
        for (int i = 0; i < bytes.length; i++) {
            char ch = text.charAt(i);
            if (ch < 0x100) {
                bytes[i] = (byte) ch;
                changes |= ch >= 0x80;
            } else {
                Byte b = WINDOWS_1252_HIGH.get(ch);
                if (b == null) return null;
                bytes[i] = b;
                changes = true;
            }
        }
        if (!changes) return null;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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
