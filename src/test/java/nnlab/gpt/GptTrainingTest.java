package nnlab.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nnlab.datasets.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class GptTrainingTest {
    static final Corpus CORPUS = Corpus.split(TextCorpus.generated(20000, 1));

    @TempDir
    Path dir;

    static GptTraining training(long seed, int steps) {
        return training(seed, steps, 0);
    }

    static GptTraining training(long seed, int steps, double dropout) {
        GptShape shape = new GptShape(CORPUS.vocab().size(), 16, 32, 2, 1, GptShape.Positions.LEARNED, true, false, dropout);
        return new GptTraining(GptModel.build(shape, seed, DataType.FLOAT), CORPUS,
                new GptTraining.Schedule(16, steps, 1e-2, 10, 0.1), new AdamW.Settings(0.9, 0.99, 1e-8, 0.1, 1.0), seed);
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void trainingLowersTheValidationLossFarBelowGuessingAndTheSampleFollowsTheText() {
        GptTraining t = training(1, 120);
        double uniform = Math.log(CORPUS.vocab().size());
        double before = t.validationLoss(32);
        assertEquals(uniform, before, 0.1, "an untrained model guesses uniformly");
        for (int i = 0; i < 120; i++) t.step();
        double after = t.validationLoss(32);
        assertTrue(after < 0.6 * uniform, "validation " + after + " vs ln V = " + uniform);
        String text = new Generator(t.model(), CORPUS.vocab()).generate("There was once", 40, new Sampler(0.5, 0, 1, false), 1, null);
        assertTrue(text.contains(" the ") || text.contains("the "), text);
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndAResumedRunContinuesExactly() throws Exception {
        GptTraining a = training(4, 6), b = training(4, 6);
        double[] la = new double[6], lb = new double[6];
        for (int i = 0; i < 3; i++) {
            la[i] = a.step();
            lb[i] = b.step();
        }
        Checkpoint.save(dir, b, 4, Double.NaN);
        Checkpoint.Loaded loaded = Checkpoint.load(dir, true);
        GptTraining resumed = new GptTraining(loaded.model(), CORPUS, b.schedule(), new AdamW.Settings(0.9, 0.99, 1e-8, 0.1, 1.0), 4);
        resumed.optimizer().restore(loaded.info().step(), loaded.first(), loaded.second());
        resumed.skipBatches(loaded.info().step());
        for (int i = 3; i < 6; i++) {
            la[i] = a.step();
            lb[i] = resumed.step();
        }
        assertArrayEquals(la, lb, 0, "uninterrupted vs saved at step 3 and resumed");
        assertTrue(la[5] < la[0]);
        int[] window = CORPUS.validation();
        int[] probe = java.util.Arrays.copyOf(window, 16);
        assertArrayEquals(a.model().logits(probe).data().asFloat(), resumed.model().logits(probe).data().asFloat(), 0);
    }

    @Test
    void dropoutTrainingIsReproducibleFromTheSeedAndDiffersFromNoDropout() {
        GptTraining a = training(5, 4, 0.2), b = training(5, 4, 0.2), plain = training(5, 4, 0);
        for (int i = 0; i < 4; i++) {
            double la = a.step(), lb = b.step(), lp = plain.step();
            assertEquals(la, lb, 0, "step " + (i + 1) + ": same seed, same masks");
            assertTrue(Math.abs(la - lp) > 1e-6, "step " + (i + 1) + ": dropout changes the training loss");
        }
        int[] probe = java.util.Arrays.copyOf(CORPUS.validation(), 16);
        assertArrayEquals(a.model().logits(probe).data().asFloat(), b.model().logits(probe).data().asFloat(), 0);
        // evaluation draws no masks: the same model evaluates to the same loss every time, between steps too
        double val = a.validationLoss(8);
        assertEquals(val, a.validationLoss(8), 0);
        a.step();
        double after = a.validationLoss(8);
        assertEquals(after, a.validationLoss(8), 0);
        assertTrue(Math.abs(after - val) > 1e-7, "a step changed the weights");
    }

    @Test
    void aCheckpointWrittenBeforeDropoutExistedOpensWithDropoutZero() throws Exception {
        GptTraining t = training(3, 2, 0.2);
        Checkpoint.save(dir, t, 3, 1);
        Path info = dir.resolve(Checkpoint.INFO);
        String json = Files.readString(info);
        assertTrue(json.contains("\"dropout\" : 0.2"), json);
        Files.writeString(info, json.replaceAll(",\\s*\"dropout\"\\s*:\\s*0\\.2", ""));
        assertEquals(0, Checkpoint.load(dir, false).model().shape().dropout());
    }

    @Test
    void aDamagedCheckpointIsRefusedNamingTheFile() throws Exception {
        GptTraining t = training(2, 2);
        t.step();
        Checkpoint.save(dir, t, 2, 1);
        Path model = dir.resolve(Checkpoint.MODEL);
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        DataFileException e = assertThrows(DataFileException.class, () -> Checkpoint.load(dir, false));
        assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
        Files.writeString(dir.resolve(Checkpoint.INFO), "{ not json");
        e = assertThrows(DataFileException.class, () -> Checkpoint.load(dir, false));
        assertTrue(e.getMessage().contains(Checkpoint.INFO), e.getMessage());
    }

    @Test
    void aContextAsLongAsTheTextIsRefused() {
        GptShape shape = new GptShape(CORPUS.vocab().size(), CORPUS.validation().length, 8, 2, 1, GptShape.Positions.LEARNED, true, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GptTraining(GptModel.build(shape, 1, DataType.FLOAT),
                CORPUS, new GptTraining.Schedule(1, 1, 1e-3, 0, 0.1), new AdamW.Settings(0.9, 0.99, 1e-8, 0, 1), 1));
        assertTrue(e.getMessage().contains("context"), e.getMessage());
    }
}
