package nnlab.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class GptModelTest {
    static final int V = 5, T = 6;

    static GptShape tiny(GptShape.Positions positions, boolean tied) {
        return new GptShape(V, T, 8, 2, 2, positions, true, tied);
    }

    static int[] randomIds(int n, long seed) {
        Random r = new Random(seed);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = r.nextInt(V);
        return ids;
    }

    static double[] randomGaussians(long n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
        return v;
    }

    /** Central differences of the loss against SameDiff's gradient for every parameter (a few entries each). */
    private static void checkGradients(GptShape shape) {
        checkGradients(shape, (model, in, out) -> model.feed(in, out));
    }

    /** Placeholders of one check: evaluation's, or a training step's with its dropout masks held fixed. */
    interface Feed {
        Map<String, INDArray> of(GptModel model, int[] in, int[] out);
    }

    private static void checkGradients(GptShape shape, Feed feedOf) {
        GptModel model = GptModel.build(shape, 3, DataType.DOUBLE);
        // the init is small (0.02); larger weights make every nonlinearity and the softmax matter
        for (String name : model.parameterNames()) {
            INDArray p = model.parameter(name);
            Random r = new Random(name.hashCode());
            for (long i = 0; i < p.length(); i++) p.putScalar(i, p.getDouble(i) + r.nextGaussian() * 0.4);
        }
        int[] in = randomIds(2 * T, 1), out = randomIds(2 * T, 2);
        Map<String, INDArray> feed = feedOf.of(model, in, out);
        Map<String, INDArray> grads = model.gradients(feed);
        double eps = 1e-6;
        int checked = 0;
        // per parameter tensor: the loss's slope along one random direction against ⟨gradient, direction⟩
        for (String name : model.parameterNames()) {
            INDArray p = model.parameter(name);
            INDArray g = grads.get(name);
            assertArrayEquals(p.shape(), g.shape(), name);
            INDArray dir = org.nd4j.linalg.factory.Nd4j.create(randomGaussians(p.length(), name.hashCode()), p.shape(), 'c');
            INDArray orig = p.dup();
            p.assign(orig.add(dir.mul(eps)));
            double up = model.loss(feed);
            p.assign(orig.sub(dir.mul(eps)));
            double down = model.loss(feed);
            p.assign(orig);
            double fd = (up - down) / (2 * eps);
            double analytic = g.mul(dir).sumNumber().doubleValue();
            assertEquals(fd, analytic, 1e-7 + 1e-5 * Math.abs(fd), name);
            // a key bias adds q·b to every score of a query row, which the softmax ignores: its gradient is truly 0
            if (!name.endsWith("_k_b")) assertTrue(Math.abs(analytic) > 1e-8, name + " gets a gradient");
            checked++;
        }
        assertEquals(model.parameterNames().size(), checked);
        assertTrue(grads.get("wte").norm2Number().doubleValue() > 1e-3, "gradient reaches the token embedding");
    }

    @Test
    void gradientsMatchFiniteDifferencesWithLearnedPositionsAndOwnHead() {
        checkGradients(tiny(GptShape.Positions.LEARNED, false));
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void gradientsMatchFiniteDifferencesWithSinusoidsAndTiedHead() {
        checkGradients(tiny(GptShape.Positions.SINUSOIDAL, true));
    }

    @Test
    void gradientsMatchFiniteDifferencesWithRotaryPositions() {
        checkGradients(tiny(GptShape.Positions.ROTARY, false));
    }

    @Test
    void gradientsMatchFiniteDifferencesThroughFixedDropoutMasks() {
        // the masks of one training step, attention weights' included, held fixed: the loss is then a smooth function of the weights
        checkGradients(tiny(GptShape.Positions.LEARNED, false).withDropout(0.3), (model, in, out) -> model.trainingFeed(in, out, 5, 1));
    }

    @Test
    void rotaryAttentionScoresDependOnTheDistanceOnly() {
        // rot(q, p)·rot(k, p') must equal rot(q, p + s)·rot(k, p' + s): the rotation is relative
        int width = 8, head = 4;
        double[] q = randomGaussians(width, 1), k = randomGaussians(width, 2);
        double[] a = scoreAt(q, k, 5, 2, width, head), b = scoreAt(q, k, 9, 6, width, head), c = scoreAt(q, k, 5, 3, width, head);
        for (int h = 0; h < width / head; h++) {
            assertEquals(a[h], b[h], 1e-12, "head " + h);
            assertTrue(Math.abs(a[h] - c[h]) > 1e-6, "another distance, another score");
        }
    }

    private static double[] scoreAt(double[] q, double[] k, int pq, int pk, int width, int head) {
        double[][] cos = Rotary.table(16, width, head, false), sin = Rotary.table(16, width, head, true);
        double[] rq = q.clone(), rk = k.clone();
        Rotary.rotate(rq, 0, width, cos[pq], sin[pq]);
        Rotary.rotate(rk, 0, width, cos[pk], sin[pk]);
        double[] s = new double[width / head];
        for (int c = 0; c < width; c++) s[c / head] += rq[c] * rk[c];
        return s;
    }

    @Test
    void rotaryNeedsAnEvenHeadWidth() {
        assertThrows(IllegalArgumentException.class, () -> new GptShape(V, T, 6, 2, 1, GptShape.Positions.ROTARY, true, false));
    }

    @Test
    void dropoutZeroIsTheOldGraphAndDropoutIsReproducibleFromSeedAndStep() {
        GptShape plain = tiny(GptShape.Positions.LEARNED, false);
        int[] in = randomIds(2 * T, 1), out = randomIds(2 * T, 2);
        GptModel a = GptModel.build(plain, 3, DataType.DOUBLE), b = GptModel.build(plain.withDropout(0), 3, DataType.DOUBLE);
        assertEquals(a.sameDiff().variables().size(), b.sameDiff().variables().size(), "p = 0 adds nothing to the graph");
        double lossA = a.sameDiff().output(a.trainingFeed(in, out, 1, 1), GptModel.LOSS).get(GptModel.LOSS).getDouble(0);
        assertEquals(a.loss(in, out), lossA, 0, "p = 0: a training step sees the evaluation numbers");

        GptModel d1 = GptModel.build(plain.withDropout(0.3), 3, DataType.DOUBLE), d2 = GptModel.build(plain.withDropout(0.3), 3, DataType.DOUBLE);
        assertEquals(a.loss(in, out), d1.loss(in, out), 1e-12, "evaluation ignores dropout");
        assertArrayEquals(a.logits(in).data().asDouble(), d1.logits(in).data().asDouble(), 1e-12);
        double step1 = trainingLoss(d1, in, out, 7, 1);
        assertEquals(step1, trainingLoss(d2, in, out, 7, 1), 0, "same seed and step, same masks");
        assertEquals(step1, trainingLoss(d1, in, out, 7, 1), 0);
        assertTrue(Math.abs(step1 - trainingLoss(d1, in, out, 7, 2)) > 1e-9, "another step, other masks");
        assertTrue(Math.abs(step1 - trainingLoss(d1, in, out, 8, 1)) > 1e-9, "another seed, other masks");
        assertTrue(Math.abs(step1 - a.loss(in, out)) > 1e-9, "dropout changes a training step's loss");
        Map<String, INDArray> mask = d1.trainingFeed(in, out, 7, 1);
        double[] m = mask.get("drop_emb").data().asDouble();
        long zeros = java.util.Arrays.stream(m).filter(x -> x == 0).count();
        assertEquals(0.3, zeros / (double) m.length, 0.12, "about p of the values are dropped");
        for (double x : m) assertTrue(x == 0 || Math.abs(x - 1 / 0.7) < 1e-12, "kept values are scaled by 1/(1 − p)");
        INDArray attnMask = mask.get("drop_b1_attnw");
        assertArrayEquals(new long[] {2, 2, T, T}, attnMask.shape(), "one mask value per batch × head × query × key");
        double[] am = attnMask.data().asDouble();
        assertEquals(0.3, java.util.Arrays.stream(am).filter(x -> x == 0).count() / (double) am.length, 0.12);
    }

    @Test
    void attentionDropoutAloneChangesATrainingStep() {
        // masks of ones everywhere but on the attention weights: the change comes from attention dropout only
        GptShape shape = tiny(GptShape.Positions.LEARNED, false).withDropout(0.5);
        GptModel m = GptModel.build(shape, 3, DataType.DOUBLE);
        int[] in = randomIds(2 * T, 1), out = randomIds(2 * T, 2);
        Map<String, INDArray> eval = m.feed(in, out), train = m.trainingFeed(in, out, 7, 1);
        Map<String, INDArray> attentionOnly = new java.util.LinkedHashMap<>(eval);
        for (String k : train.keySet()) if (k.endsWith("_attnw")) attentionOnly.put(k, train.get(k));
        assertEquals(2, attentionOnly.keySet().stream().filter(k -> k.endsWith("_attnw")).count(), "one attention mask per layer");
        assertTrue(Math.abs(m.loss(attentionOnly) - m.loss(eval)) > 1e-9, "dropping attention weights changes the loss");
        // the explorer's attention is the softmax before dropout: rows still sum to 1 in a training feed
        INDArray attn = m.sameDiff().output(train, GptModel.attentionName(0)).get(GptModel.attentionName(0));
        for (int i = 0; i < T; i++) assertEquals(1, attn.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(i), org.nd4j.linalg.indexing.NDArrayIndex.all()).sumNumber().doubleValue(), 1e-12);
    }

    private static double trainingLoss(GptModel m, int[] in, int[] out, long seed, int step) {
        return m.sameDiff().output(m.trainingFeed(in, out, seed, step), GptModel.LOSS).get(GptModel.LOSS).getDouble(0);
    }

    @Test
    void aLaterCharacterNeverChangesAnEarlierOutput() {
        GptModel model = GptModel.build(tiny(GptShape.Positions.LEARNED, false), 5, DataType.DOUBLE);
        int[] a = randomIds(T, 7);
        int[] b = a.clone();
        b[4] = (b[4] + 1) % V;
        INDArray la = model.logits(a), lb = model.logits(b);
        for (int t = 0; t < 4; t++) assertArrayEquals(la.getRow(t).toDoubleVector(), lb.getRow(t).toDoubleVector(), 1e-12, "position " + t);
        assertTrue(la.getRow(4).sub(lb.getRow(4)).norm2Number().doubleValue() > 1e-9, "position 4 sees its own character");
    }

    @Test
    void attentionIsZeroAboveTheDiagonalAndRowsSumToOne() {
        GptModel model = GptModel.build(tiny(GptShape.Positions.LEARNED, false), 5, DataType.DOUBLE);
        INDArray attn = model.output(randomIds(T, 9), GptModel.attentionName(1)).get(GptModel.attentionName(1));
        assertArrayEquals(new long[] {1, 2, T, T}, attn.shape());
        for (int h = 0; h < 2; h++) for (int i = 0; i < T; i++) {
            double sum = 0;
            for (int j = 0; j < T; j++) {
                double w = attn.getDouble(0, h, i, j);
                if (j > i) assertEquals(0, w, 0);
                sum += w;
            }
            assertEquals(1, sum, 1e-12);
        }
    }

    @Test
    void parameterCountMatchesTheAllocatedArrays() {
        for (boolean tied : new boolean[] {false, true}) {
            GptModel model = GptModel.build(tiny(GptShape.Positions.LEARNED, tied), 1, DataType.FLOAT);
            long n = 0;
            for (String p : model.parameterNames()) n += model.parameter(p).length();
            assertEquals(model.shape().parameterCount(), n);
        }
    }
}
