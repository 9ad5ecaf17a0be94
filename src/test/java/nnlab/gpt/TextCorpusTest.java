package nnlab.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nnlab.datasets.DataFileException;
import nnlab.kernel.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTest {
    static final Path GRIMM = Path.of("/work/shared/data/grimm/grimms_fairy_tales.txt");

    @TempDir
    Path dir;

    private String refusal(byte[] content) throws Exception {
        Path f = dir.resolve("text.txt");
        Files.write(f, content);
        DataFileException e = assertThrows(DataFileException.class, () -> TextCorpus.read(f, true));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void emptyBinaryNonUtf8AndTinyFilesAreRefusedWithTheReason() throws Exception {
        assertTrue(refusal(new byte[0]).contains("empty"));
        assertTrue(refusal(new byte[] {'a', 0, 'b'}).contains("binary"));
        assertTrue(refusal(new byte[] {'a', (byte) 0xC3, (byte) 0x28}).contains("UTF-8"));
        assertTrue(refusal("Once upon a time.".getBytes(StandardCharsets.UTF_8)).contains("too small"));
        assertTrue(assertThrows(DataFileException.class, () -> TextCorpus.read(dir.resolve("none.txt"), true)).getMessage().contains("no such file"));
    }

    @Test
    void grimmLosesItsGutenbergHeaderAndLicenceOnlyWhenAsked() throws Exception {
        assumeTrue(Files.isRegularFile(GRIMM), "needs /work/shared/data/grimm");
        String stripped = TextCorpus.read(GRIMM, true);
        String whole = TextCorpus.read(GRIMM, false);
        assertFalse(stripped.contains("Project Gutenberg"), "header and licence gone");
        assertTrue(whole.contains("Project Gutenberg"));
        assertTrue(stripped.contains("THE GOLDEN BIRD") && stripped.contains("Rapunzel") && stripped.contains("Hansel"));
        assertFalse(stripped.contains("\r") || stripped.startsWith("\uFEFF"));
        Corpus corpus = Corpus.split(stripped);
        assertEquals(stripped.length(), corpus.train().length + corpus.validation().length);
        assertEquals(0.9, corpus.train().length / (double) stripped.length(), 1e-4);
        assertTrue(corpus.vocab().size() > 60 && corpus.vocab().size() < 100, "vocabulary " + corpus.vocab().size());
    }

    @Test
    void theGeneratedTextIsSeededAndHoldsThePrompts() {
        String a = TextCorpus.generated(5000, 3);
        assertEquals(a, TextCorpus.generated(5000, 3));
        assertTrue(a.startsWith("There was once") && a.length() >= 5000);
        assertTrue(Vocabulary.of(a).unknownIn("Hansel said to").isEmpty());
    }

    /** The key of the one setting a config is refused for. */
    private static String refused(org.junit.jupiter.api.function.Executable build) {
        ConfigException e = assertThrows(ConfigException.class, build);
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).key();
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheSetting() {
        var schema = GptSettings.schema();
        assertEquals("width", refused( () -> schema.fromValues(Map.of("width", 30, "heads", 4))));
        assertEquals("temperature", refused( () -> schema.fromValues(Map.of("temperature", 0.0))));
        assertEquals("positions", refused( () -> schema.fromValues(Map.of("positions", "rotary", "width", 30, "heads", 2))));
        assertEquals("dropout", refused( () -> schema.fromValues(Map.of("dropout", 1.0))));
        assertEquals("top-p", refused( () -> schema.fromValues(Map.of("top-p", 0.0))));
        assertEquals("top-p", refused( () -> schema.fromValues(Map.of("top-p", 1.5))));
        assertEquals("context", refused(
                () -> schema.fromValues(Map.of("context", 512, "generated-chars", 5000))));
    }

    @Test
    void samplerHonoursGreedyTopKAndTopP() {
        double[] logits = {0.1, 2.0, 1.9, -1};
        java.util.Random rng = new java.util.Random(1);
        assertEquals(1, new Sampler(1, 0, 1, true).pick(logits, rng).id());
        for (int i = 0; i < 50; i++) {
            assertEquals(1, new Sampler(1, 1, 1, false).pick(logits, rng).id(), "top-k 1");
            assertEquals(1, new Sampler(1, 0, 0.01, false).pick(logits, rng).id(), "tiny nucleus");
            int id = new Sampler(1, 0, 0.7, false).pick(logits, rng).id();
            assertTrue(id == 1 || id == 2, "nucleus 0.7 holds the two likely characters");
        }
        assertEquals(Sampler.softmax(logits, 1)[1], new Sampler(1, 0, 1, true).pick(logits, rng).probability(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Sampler(0, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new Sampler(1, 0, 0, false));
    }

    /** A fairy-tale text with curly quotes, accents and a dash, long enough to train on. */
    private static String unicodeTale() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 2 * TextCorpus.MIN_CHARS; i++) {
            sb.append("“Don’t go,” said the König’s daughter — ‘the forest is dark’, and Gretel wept. Étienne ").append(i).append(".\n");
        }
        return sb.toString();
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void doubleEncodedUtf8IsRepairedOnlyWhenAskedAndReportedOtherwise() throws Exception {
        String tale = unicodeTale();
        // UTF-8 bytes read as Latin-1 and saved as UTF-8: ’ becomes "â\u0080\u0099" (as in the Gutenberg Grimm file)
        String latin1 = new String(tale.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertTrue(latin1.contains("â\u0080\u0099"));
        Path f = write("mojibake.txt", "\uFEFF" + latin1);
        TextCorpus.Loaded repaired = TextCorpus.load(f, false, true);
        assertEquals(TextCorpus.Encoding.REPAIRED, repaired.encoding());
        assertEquals(tale, repaired.text(), "exactly the original text");
        TextCorpus.Loaded asIs = TextCorpus.load(f, false, false);
        assertEquals(TextCorpus.Encoding.LOOKS_DOUBLE_ENCODED, asIs.encoding());
        assertEquals(latin1, asIs.text(), "off: read as it is (its real byte-order mark dropped)");
        assertEquals(asIs.text(), TextCorpus.read(f, false));
        assertTrue(Vocabulary.of(asIs.text()).unknownIn("’").length() > 0 && Vocabulary.of(repaired.text()).unknownIn("’“”").isEmpty());
        assertTrue(Vocabulary.of(repaired.text()).size() < Vocabulary.of(asIs.text()).size(), "fewer junk characters");

        // the same through Windows-1252, the other usual culprit: ’ becomes "â€™", ” becomes "â€\u009D" (0x9D is undefined there)
        StringBuilder cp = new StringBuilder();
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        for (byte b : tale.getBytes(StandardCharsets.UTF_8)) {
            String ch = new String(new byte[] {b}, cp1252);
            cp.append(ch.equals("\uFFFD") ? (char) (b & 0xFF) : ch.charAt(0));
        }
        assertTrue(cp.toString().contains("â€™"));
        // with the byte-order mark double-encoded too ("ï»¿"): it becomes a mark again, and is dropped as one
        assertEquals(tale, TextCorpus.load(write("cp1252.txt", "ï»¿" + cp), false, true).text());
    }

    @Test
    void aCorrectTextPlainAsciiAndAHalfRepairedTextAreLeftAlone() throws Exception {
        String tale = unicodeTale();
        TextCorpus.Loaded correct = TextCorpus.load(write("good.txt", tale), false, true);
        assertEquals(TextCorpus.Encoding.AS_IS, correct.encoding());
        assertEquals(tale, correct.text());
        String ascii = "There was once a king who had three daughters.\n".repeat(40);
        assertEquals(TextCorpus.Encoding.AS_IS, TextCorpus.load(write("ascii.txt", ascii), false, true).encoding());
        // mojibake beside a correct é: converting back is not valid UTF-8, so nothing is touched
        String mixed = new String(tale.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + "café\n";
        TextCorpus.Loaded m = TextCorpus.load(write("mixed.txt", mixed), false, true);
        assertEquals(TextCorpus.Encoding.AS_IS, m.encoding());
        assertEquals(mixed, m.text());
        assertEquals(null, TextCorpus.repairDoubleEncoding("a ✓ tick"), "a character with no single byte");
    }

    @Test
    void theGrimmFileIsDoubleEncodedAndRepairsToCurlyQuotes() throws Exception {
        assumeTrue(Files.isRegularFile(GRIMM), "needs /work/shared/data/grimm");
        TextCorpus.Loaded asIs = TextCorpus.load(GRIMM, true, false), repaired = TextCorpus.load(GRIMM, true, true);
        assertEquals(TextCorpus.Encoding.LOOKS_DOUBLE_ENCODED, asIs.encoding());
        assertEquals(TextCorpus.Encoding.REPAIRED, repaired.encoding());
        assertTrue(asIs.text().contains("â") && !repaired.text().contains("â"));
        assertTrue(repaired.text().contains("’") && repaired.text().contains("“"));
        assertEquals(asIs.text().replace("â\u0080\u0099", "’").replace("â\u0080\u0098", "‘").replace("â\u0080\u009c", "“")
                .replace("â\u0080\u009d", "”"), repaired.text(), "each three-character sequence is one quote");
        assertEquals(Vocabulary.of(asIs.text()).size() - 2, Vocabulary.of(repaired.text()).size(),
                "'â', U+0080, U+0098, U+0099, U+009C, U+009D out; ‘ ’ “ ” in");
    }
}
