package nnlab.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class CachedDecoderTest {
    static final int V = 7, T = 6;
    static final Vocabulary VOCAB = new Vocabulary("\nabcdef");

    /** A tiny model whose weights are far from the small init, so attention, norms and GELU all matter. */
    static GptModel randomModel(GptShape.Positions positions, boolean scaled, boolean tied, DataType dtype) {
        GptModel model = GptModel.build(new GptShape(V, T, 8, 2, 2, positions, scaled, tied), 11, dtype);
        for (String name : model.parameterNames()) {
            INDArray p = model.parameter(name);
            Random r = new Random(name.hashCode());
            for (long i = 0; i < p.length(); i++) p.putScalar(i, p.getDouble(i) + r.nextGaussian() * 0.5);
        }
        return model;
    }

    static int[] ids(int n, long seed) {
        Random r = new Random(seed);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = r.nextInt(V);
        return ids;
    }

    /** Incremental logits after every prefix of a full window against the rows of one SameDiff forward. */
    private static void prefixesMatch(GptModel model, double tolerance) {
        int[] window = ids(T, 5);
        INDArray reference = model.logits(window);
        CachedDecoder decoder = CachedDecoder.of(model);
        for (int n = 1; n <= T; n++) {
            double[] cached = decoder.append(window[n - 1]);
            assertArrayEquals(reference.getRow(n - 1).toDoubleVector(), cached, tolerance, "prompt length " + n);
        }
        assertThrows(IllegalStateException.class, () -> decoder.append(0), "the cache holds one context");
        // a prompt encoded as one window (the batched path) gives the same logits and a cache to continue from
        for (int n = 1; n < T; n++) {
            assertArrayEquals(reference.getRow(n - 1).toDoubleVector(), decoder.encode(window, 0, n), tolerance, "window of " + n);
            assertArrayEquals(reference.getRow(n).toDoubleVector(), decoder.append(window[n]), tolerance, "window of " + n + ", then one more");
        }
        // past the context: the last T characters re-encoded are the SameDiff forward of that window
        int[] text = ids(T + 4, 9);
        for (int n = T + 1; n <= text.length; n++) {
            int[] last = java.util.Arrays.copyOfRange(text, n - T, n);
            assertArrayEquals(model.logits(last).getRow(T - 1).toDoubleVector(), decoder.encode(text, n - T, n), tolerance,
                    "text length " + n);
        }
    }

    @ParameterizedTest
    @EnumSource(GptShape.Positions.class)
    void logitsEqualTheSameDiffForwardForEveryPromptLength(GptShape.Positions positions) {
        prefixesMatch(randomModel(positions, true, false, DataType.DOUBLE), 1e-10);
    }

    @Test
    void unscaledAttentionAndATiedHeadToo() {
        prefixesMatch(randomModel(GptShape.Positions.ROTARY, false, true, DataType.DOUBLE), 1e-10);
        prefixesMatch(randomModel(GptShape.Positions.LEARNED, false, true, DataType.DOUBLE), 1e-10);
    }

    @Test
    void aFloatModelMatchesToFloatPrecision() {
        prefixesMatch(randomModel(GptShape.Positions.LEARNED, true, false, DataType.FLOAT), 1e-5);
    }

    @Test
    void aDropoutModelDecodesWithoutDropout() {
        GptModel plain = randomModel(GptShape.Positions.SINUSOIDAL, true, false, DataType.DOUBLE);
        GptModel dropped = GptModel.build(plain.shape().withDropout(0.5), 11, DataType.DOUBLE);
        for (String n : plain.parameterNames()) dropped.parameter(n).assign(plain.parameter(n));
        prefixesMatch(dropped, 1e-10);
    }

    private static List<Sampler.Pick> picks(Generator g, String prompt, int length) {
        List<Sampler.Pick> picks = new ArrayList<>();
        g.generate(prompt, length, new Sampler(1, 0, 1, false), 3, picks::add);
        return picks;
    }

    @ParameterizedTest
    @EnumSource(GptShape.Positions.class)
    void theGeneratorDrawsWhatTheFullForwardDrawsFarPastTheContext(GptShape.Positions positions) {
        GptModel model = randomModel(positions, true, false, DataType.DOUBLE);
        for (String prompt : new String[] {"", "c", "abcdefab"}) {
            List<Sampler.Pick> full = picks(Generator.fullForward(model, VOCAB), prompt, 3 * T);
            List<Sampler.Pick> cached = picks(new Generator(model, VOCAB), prompt, 3 * T);
            assertEquals(full.size(), cached.size());
            for (int i = 0; i < full.size(); i++) {
                assertEquals(full.get(i).id(), cached.get(i).id(), "prompt '" + prompt + "', character " + i);
                assertEquals(full.get(i).probability(), cached.get(i).probability(), 1e-10, "prompt '" + prompt + "', character " + i);
            }
        }
    }

    @Test
    void theHalfWindowIsExactWithinTheContextAndOnlyThen() {
        GptModel model = randomModel(GptShape.Positions.LEARNED, true, false, DataType.DOUBLE);
        List<Sampler.Pick> exact = picks(new Generator(model, VOCAB), "ab", 4 * T);
        List<Sampler.Pick> half = picks(Generator.cached(model, VOCAB, Generator.Window.HALF), "ab", 4 * T);
        // "ab" + T − 2 characters fill the context; the next draw is the first to see a shortened window
        for (int i = 0; i <= T - 2; i++) assertEquals(exact.get(i).probability(), half.get(i).probability(), 1e-12, "character " + i);
        assertNotEquals(exact.get(T - 1).probability(), half.get(T - 1).probability(), "the half window sees fewer characters");
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void aDecoderReusedForWindowsOfEverySizeGivesAFreshDecodersNumbersExactly(DataType dtype) {
        // the window products reuse their native arrays per shape: nothing of one window may reach the next
        GptModel model = randomModel(GptShape.Positions.LEARNED, true, false, dtype);
        CachedDecoder reused = CachedDecoder.of(model);
        int[] text = ids(40, 3);
        for (int k = 0; k < 30; k++) {
            int n = 2 + (k * 5) % (T - 1), from = (k * 7) % (text.length - n);
            assertArrayEquals(CachedDecoder.of(model).encode(text, from, from + n), reused.encode(text, from, from + n), 0, "window " + k);
        }
    }
}

