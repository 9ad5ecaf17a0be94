package nnlab.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The numbers behind the Generate and Attention tabs: the probe's matrices, the distance summary, traced generation. */
class GptExplorerMathTest {
    static final Vocabulary VOCAB = new Vocabulary(" abcdeht");
    static final int CONTEXT = 8;

    /** A small model with weights far from the 0.02 init, so its attention is far from uniform. */
    static GptModel model(GptShape.Positions positions) {
        // through the settings, as a run builds it
        nnlab.kernel.config.Config c = GptSettings.schema().defaults().with("layers", 2).with("heads", 2).with("width", 16)
                .with("context", CONTEXT).with("positions", positions.key);
        GptModel m = GptModel.build(GptSettings.shape(c, VOCAB.size()), 5, DataType.FLOAT);
        Random r = new Random(11);
        for (String name : m.parameterNames()) {
            INDArray p = m.parameter(name);
            if (name.contains("ln")) continue;
            for (long i = 0; i < p.length(); i++) p.putScalar(i, r.nextGaussian() * 0.5);
        }
        return m;
    }

    @Test
    void probeRowsSumToOneAndAreZeroAboveTheDiagonal() {
        AttentionProbe.Attention a = AttentionProbe.run(model(GptShape.Positions.LEARNED), VOCAB, "the cab");
        assertEquals(2, a.layers());
        assertEquals(2, a.heads());
        assertEquals("the cab", a.text());
        boolean farFromUniform = false;
        for (int l = 0; l < 2; l++) for (int h = 0; h < 2; h++) {
            double[][] m = a.matrix(l, h);
            assertEquals(7, m.length);
            for (int i = 0; i < m.length; i++) {
                double sum = 0;
                for (int j = 0; j < m.length; j++) {
                    if (j > i) assertEquals(0, m[i][j], 0, "causal: query " + i + " never sees key " + j);
                    else assertTrue(m[i][j] >= 0);
                    sum += m[i][j];
                }
                assertEquals(1, sum, 1e-5, "row " + i + " of layer " + l + " head " + h);
                if (i > 0 && Math.abs(m[i][0] - 1.0 / (i + 1)) > 0.05) farFromUniform = true;
            }
        }
        assertTrue(farFromUniform, "the weights depend on the characters, not a fixed uniform pattern");
    }

    @Test
    void aLaterCharacterNeverChangesTheAttentionOfEarlierOnes() {
        GptModel m = model(GptShape.Positions.LEARNED);
        AttentionProbe.Attention shorter = AttentionProbe.run(m, VOCAB, "the");
        AttentionProbe.Attention longer = AttentionProbe.run(m, VOCAB, "theb");
        for (int l = 0; l < 2; l++) for (int h = 0; h < 2; h++) for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
            assertEquals(shorter.matrix(l, h)[i][j], longer.matrix(l, h)[i][j], 1e-5);
        }
        // and "theb" differs from "thea" at its last query, so the probe reads the real prompt
        AttentionProbe.Attention other = AttentionProbe.run(m, VOCAB, "thea");
        double diff = 0;
        for (int j = 0; j < 4; j++) diff += Math.abs(other.matrix(0, 0)[3][j] - longer.matrix(0, 0)[3][j]);
        assertTrue(diff > 1e-4, "difference " + diff);
    }

    @Test
    void aPromptLongerThanTheContextKeepsItsLastCharactersAndUnknownOnesAreRefused() {
        GptModel m = model(GptShape.Positions.LEARNED);
        AttentionProbe.Attention a = AttentionProbe.run(m, VOCAB, "abcdeabcdeh");
        assertEquals("deabcdeh", a.text());
        assertEquals(CONTEXT, a.matrix(1, 1).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttentionProbe.run(m, VOCAB, "the wolf"));
        assertTrue(e.getMessage().contains("wolf"), e.getMessage());
    }

    @Test
    void meanDistanceIsTheAttentionWeightedLookBackAveragedOverQueries() {
        double[][] known = {{1, 0, 0}, {0.5, 0.5, 0}, {0.2, 0.3, 0.5}};
        // rows: 0; 0.5·1; 0.2·2 + 0.3·1 = 0.7 → (0 + 0.5 + 0.7) / 3
        assertEquals(0.4, AttentionProbe.meanDistance(known), 1e-12);
        double[][] uniform = new double[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j <= i; j++) uniform[i][j] = 1.0 / (i + 1);
        assertEquals((0 + 0.5 + 1 + 1.5) / 4, AttentionProbe.meanDistance(uniform), 1e-12);
        double[][] self = {{1, 0}, {0, 1}};
        assertEquals(0, AttentionProbe.meanDistance(self), 0);
        assertEquals(0, AttentionProbe.meanEntropy(self), 0);
        assertEquals((0 + Math.log(2) + Math.log(3) + Math.log(4)) / 4, AttentionProbe.meanEntropy(uniform), 1e-12);
    }

    @Test
    void tracedGreedyGenerationReportsTheModelsOwnDistributionAndMatchesTheGenerator() {
        GptModel m = model(GptShape.Positions.LEARNED);
        Sampler greedy = new Sampler(1, 0, 1, true);
        List<TracedGeneration.Step> steps = new TracedGeneration(m, VOCAB).generate("the", 12, greedy, 3, () -> false, null);
        assertEquals(12, steps.size());
        StringBuilder text = new StringBuilder("the");
        for (TracedGeneration.Step s : steps) {
            // the model's distribution for the next character, computed here independently
            int start = Math.max(0, text.length() - CONTEXT), n = text.length() - start;
            int[] window = new int[CONTEXT];
            for (int j = 0; j < n; j++) window[j] = VOCAB.idOf(text.charAt(start + j));
            double[] p = Sampler.softmax(m.logits(window).getRow(n - 1).toDoubleVector(), 1);
            int best = 0;
            for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
            assertEquals(VOCAB.charOf(best), s.character(), "greedy takes the most likely character");
            // The traced generation runs the cached decoder (double sums of float weights), this the float32 SameDiff forward.
            assertEquals(p[best], s.probability(), 1e-6);
            assertEquals(s.character(), s.alternatives().get(0).character());
            double previous = 1;
            for (TracedGeneration.Candidate c : s.alternatives()) {
                assertEquals(p[VOCAB.idOf(c.character())], c.probability(), 1e-6);
                assertTrue(c.probability() <= previous);
                previous = c.probability();
            }
            text.append(s.character());
        }
        String fromGenerator = new Generator(m, VOCAB).generate("the", 12, greedy, 3, null);
        assertEquals(fromGenerator, text.substring(3));
    }

    @Test
    void tracedSamplingFollowsTheSamplerAndStopsWhenCancelled() {
        GptModel m = model(GptShape.Positions.LEARNED);
        Sampler sampler = new Sampler(0.8, 3, 0.9, false);
        StringBuilder picked = new StringBuilder();
        String fromGenerator = new Generator(m, VOCAB).generate("a", 10, sampler, 7, pick -> { });
        for (TracedGeneration.Step s : new TracedGeneration(m, VOCAB).generate("a", 10, sampler, 7, () -> false, null)) picked.append(s.character());
        assertEquals(fromGenerator, picked.toString(), "the same seed draws the same characters");
        AtomicInteger made = new AtomicInteger();
        List<TracedGeneration.Step> cut = new TracedGeneration(m, VOCAB).generate("a", 50, sampler, 7, () -> made.get() >= 4, s -> made.incrementAndGet());
        assertEquals(4, cut.size());
    }

    @Test
    void positionSimilaritiesAreCosines() {
        GptModel learned = model(GptShape.Positions.LEARNED);
        double[][] c = AttentionProbe.learnedPositionSimilarity(learned);
        assertEquals(CONTEXT, c.length);
        double[][] e = learned.parameter("wpe").toDoubleMatrix();
        double dot = 0, n1 = 0, n2 = 0;
        for (int k = 0; k < e[0].length; k++) {
            dot += e[1][k] * e[5][k];
            n1 += e[1][k] * e[1][k];
            n2 += e[5][k] * e[5][k];
        }
        assertEquals(dot / Math.sqrt(n1 * n2), c[1][5], 1e-6);
        for (int i = 0; i < CONTEXT; i++) assertEquals(1, c[i][i], 1e-6);
        assertNull(AttentionProbe.learnedPositionSimilarity(model(GptShape.Positions.SINUSOIDAL)));
        double[][] s = AttentionProbe.sinusoidalPositionSimilarity(learned.shape());
        assertEquals(s[2][3], s[3][2], 1e-12);
        assertTrue(s[2][3] > s[2][7], "neighbouring positions are more alike than distant ones");
    }

    /** A random model with d_k = 16 and weights of std 1/√width, so a scaled score has a spread of about 1 and an unscaled one about 4. */
    static GptModel randomModelWithHeadWidth16() {
        GptModel m = GptModel.build(new GptShape(VOCAB.size(), 12, 64, 4, 2, GptShape.Positions.LEARNED, true, false), 5, DataType.FLOAT);
        Random r = new Random(3);
        for (String name : m.parameterNames()) {
            if (name.contains("ln")) continue;
            INDArray p = m.parameter(name);
            for (long i = 0; i < p.length(); i++) p.putScalar(i, r.nextGaussian() / 8);
        }
        return m;
    }

    @Test
    void withoutTheScalingTheFirstLayersAttentionIsTheScaledOneSharpenedAndItsEntropyDrops() {
        GptModel m = randomModelWithHeadWidth16();
        String prompt = "the bad cat hated the beach";
        AttentionProbe.ScalingComparison c = AttentionProbe.compareScaling(m, VOCAB, prompt);
        assertTrue(c.trainedScaled());
        assertEquals("at the beach".length(), c.flipped().text().length(), "both keep the last context characters");
        // layer 0 sees the same input both times: unscaled scores are √16 = 4 times the scaled ones,
        // so each unscaled row is the scaled row to the 4th power, renormalised
        for (int h = 0; h < 4; h++) {
            double[][] scaled = c.asTrained().matrix(0, h), unscaled = c.flipped().matrix(0, h);
            for (int i = 0; i < scaled.length; i++) {
                double z = 0;
                for (int j = 0; j <= i; j++) z += Math.pow(scaled[i][j], 4);
                for (int j = 0; j <= i; j++) assertEquals(Math.pow(scaled[i][j], 4) / z, unscaled[i][j], 1e-4, "head " + h + " row " + i);
            }
            assertTrue(c.entropies(true)[0][h] < c.entropies(false)[0][h], "layer 1 head " + (h + 1) + " sharper without 1/√d_k");
        }
        double scaled = c.meanEntropy(false), unscaled = c.meanEntropy(true);
        assertTrue(unscaled < 0.7 * scaled, "mean entropy " + scaled + " → " + unscaled + " nats without the scaling");
        assertTrue(Double.isFinite(c.promptLoss()) && Double.isFinite(c.flippedPromptLoss()));
        // the other way round: a model trained without the scaling, evaluated with it, spreads its attention
        AttentionProbe.ScalingComparison back = AttentionProbe.compareScaling(m.withScaling(false), VOCAB, prompt);
        assertTrue(!back.trainedScaled() && back.meanEntropy(true) > back.meanEntropy(false));
        assertEquals(unscaled, back.meanEntropy(false), 1e-9, "the copy with the scaling off is the same model both ways");
    }

    @Test
    void aTrainedModelsAttentionCollapsesWithoutTheScalingAndItPredictsWorse() {
        GptTraining t = GptTrainingTest.training(1, 80);
        assertEquals(16, t.model().shape().headWidth());
        for (int i = 0; i < 80; i++) t.step();
        String prompt = "the king who sat down by the well";
        AttentionProbe.ScalingComparison c = AttentionProbe.compareScaling(t.model(), GptTrainingTest.CORPUS.vocab(), prompt);
        for (int h = 0; h < 2; h++) assertTrue(c.entropies(true)[0][h] < c.entropies(false)[0][h], "head " + (h + 1));
        assertTrue(c.meanEntropy(true) < c.meanEntropy(false) - 0.1, c.meanEntropy(false) + " → " + c.meanEntropy(true));
        assertTrue(c.flippedPromptLoss() > c.promptLoss(), "the weights were trained for scaled scores: "
                + c.promptLoss() + " → " + c.flippedPromptLoss() + " nats/char");
    }

    @Test
    void thePromptLossIsTheMeanNextCharacterSurprise() {
        GptModel m = model(GptShape.Positions.LEARNED);
        int[] window = new int[CONTEXT];
        String prompt = "the";
        for (int i = 0; i < 3; i++) window[i] = VOCAB.idOf(prompt.charAt(i));
        INDArray logits = m.logits(window);
        double expected = 0;
        for (int i = 0; i < 2; i++) expected -= Math.log(Sampler.softmax(logits.getRow(i).toDoubleVector(), 1)[window[i + 1]]);
        assertEquals(expected / 2, AttentionProbe.promptLoss(m, VOCAB, prompt), 1e-5);
        assertTrue(Double.isNaN(AttentionProbe.promptLoss(m, VOCAB, "t")));
    }
}
