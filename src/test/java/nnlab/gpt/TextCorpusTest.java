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
}
