package nnlab.oversmoothing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nnlab.graph.Csbm;
import nnlab.graph.Graph;
import nnlab.graph.GraphMath;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GcnModelTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void oneLayerMatchesAHandComputedExample() {
        // Path 0 − 1 − 2: d̃ = (2, 3, 2), so Â = [[1/2, s, 0], [s, 1/3, s], [0, s, 1/2]] with s = 1/√6.
        int[][] path = {{0, 1}, {1, 2}};
        INDArray aHat = GraphMath.normalizedAdjacency(3, path, DataType.DOUBLE);
        GcnModel m = GcnModel.build(aHat, new GcnModel.Architecture(2, 8, 2, 1, 0.5), 1, DataType.DOUBLE);
        SameDiff sd = m.sameDiff();
        sd.getVariable("w1").getArr().assign(Nd4j.createFromArray(new double[][] {{1, 2}, {3, -1}}));
        sd.getVariable("b1").getArr().assign(Nd4j.createFromArray(new double[][] {{0.5, -0.5}}));
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        // XW = [[1, 2], [3, −1], [4, 1]]; Z = Â·XW + b, worked out row by row:
        double s = 1 / Math.sqrt(6);
        double[][] expected = {
            {0.5 * 1 + s * 3 + 0.5, 0.5 * 2 + s * -1 - 0.5},
            {s * 1 + 3.0 / 3 + s * 4 + 0.5, s * 2 - 1.0 / 3 + s * 1 - 0.5},
            {s * 3 + 0.5 * 4 + 0.5, s * -1 + 0.5 * 1 - 0.5},
        };
        INDArray z = m.forward(x).layers().get(0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) assertEquals(expected[i][j], z.getDouble(i, j), 1e-12, "Z[" + i + "][" + j + "]");
        }
    }

    /** ND4J's log_softmax op gives −∞ here (log of a float probability that underflowed); the model's own stays finite. */
    @Test
    void confidentScoresKeepFiniteLogProbabilities() {
        int[][] path = {{0, 1}};
        INDArray aHat = GraphMath.normalizedAdjacency(2, path, DataType.FLOAT);
        GcnModel m = GcnModel.build(aHat, new GcnModel.Architecture(2, 8, 2, 1, 0.5), 1, DataType.FLOAT);
        SameDiff sd = m.sameDiff();
        sd.getVariable("w1").getArr().assign(Nd4j.createFromArray(new float[][] {{300, -300}, {0, 0}}));
        sd.getVariable("b1").getArr().assign(Nd4j.createFromArray(new float[][] {{0, 0}}));
        INDArray x = Nd4j.createFromArray(new float[][] {{1, 0}, {1, 0}});
        INDArray logProbs = m.forward(x).logProbs();
        // Â = [[1/2, 1/2], [1/2, 1/2]], so both rows score (300, −300): log-probabilities (0, −600).
        for (int i = 0; i < 2; i++) {
            assertEquals(0, logProbs.getDouble(i, 0), 1e-6);
            assertEquals(-600, logProbs.getDouble(i, 1), 1e-3);
        }
        INDArray target = GcnModel.target(new int[] {0, 0}, 2, new int[] {0, 1}, DataType.FLOAT);
        assertTrue(Double.isFinite(GcnModel.loss(logProbs, target)), "a zero target row times a finite log-probability");
    }

    @Test
    void gradientsMatchCentralFiniteDifferences() {
        Graph g = Csbm.generate(new Csbm.Spec(15, 3, 0.4, 0.1, 4, 0.5, 11), 2, 4, 4);
        INDArray aHat = GraphMath.normalizedAdjacency(g.nodes(), g.edges(), DataType.DOUBLE);
        GcnModel m = GcnModel.build(aHat, new GcnModel.Architecture(4, 5, 3, 3, 0.5), 2, DataType.DOUBLE);
        INDArray x = Nd4j.create(g.features(), new long[] {15, 4}, 'c').castTo(DataType.DOUBLE);
        Map<String, INDArray> ph = m.evalPlaceholders(x);
        // A fixed dropout mask in layer 1, so the masked path is differentiated too.
        Random rnd = new Random(4);
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, 15, 5);
        for (int i = 0; i < 15; i++) for (int k = 0; k < 5; k++) mask.putScalar(i, k, rnd.nextBoolean() ? 2.0 : 0.0);
        ph.put("mask1", mask);
        ph.put(GcnModel.TARGET, GcnModel.target(g.labels(), 3, g.split().train(), DataType.DOUBLE));
        SameDiff sd = m.sameDiff();
        // Biases start at zero; a node whose neighbourhood is all zeros after the mask would then sit
        // exactly on ReLU's kink, where finite differences and the (one-sided) derivative disagree.
        for (String p : m.parameterNames()) {
            if (!p.startsWith("b")) continue;
            INDArray b = sd.getVariable(p).getArr();
            for (long i = 0; i < b.length(); i++) b.putScalar(i, 0.5 * rnd.nextGaussian());
        }
        Map<String, INDArray> grads = sd.calculateGradients(ph, m.parameterNames());
        double eps = 1e-6;
        int checked = 0;
        double worst = 0;
        String where = "";
        for (String p : m.parameterNames()) {
            INDArray w = sd.getVariable(p).getArr();
            INDArray grad = grads.get(p);
            for (long i = 0; i < w.length(); i++) {
                double orig = w.getDouble(i);
                w.putScalar(i, orig + eps);
                double plus = sd.output(ph, GcnModel.LOSS).get(GcnModel.LOSS).getDouble(0);
                w.putScalar(i, orig - eps);
                double minus = sd.output(ph, GcnModel.LOSS).get(GcnModel.LOSS).getDouble(0);
                w.putScalar(i, orig);
                double numeric = (plus - minus) / (2 * eps);
                double analytic = grad.getDouble(i);
                double err = Math.abs(numeric - analytic) / Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic));
                double e = Math.abs(numeric - analytic) < 1e-9 ? 0 : err;
                if (e > worst) where = p + "[" + i + "]: analytic " + analytic + ", numeric " + numeric;
                worst = Math.max(worst, e);
                checked++;
            }
        }
        assertEquals(4 * 5 + 5 + 5 * 5 + 5 + 5 * 3 + 3, checked);
        assertTrue(worst < 1e-5, "worst relative error " + worst + " at " + where);
    }

    private static List<GcnTrainer.EpochStats> train(Graph g, int depth, long seed) {
        List<GcnTrainer.EpochStats> stats = new ArrayList<>();
        new GcnTrainer(g, DataType.FLOAT).train(depth, new GcnTrainer.Hyper(16, 0.5, 1e-2, 1e-5, 4, seed),
                e -> stats.add(GcnTrainer.EpochStats.of(e)), () -> { }, null);
        return stats;
    }

    @Test
    void sameSeedSameNumbersAndEvaluationIsDeterministic() {
        Graph g = Csbm.generate(new Csbm.Spec(120, 3, 0.1, 0.01, 8, 1.0, 5), 10, 30, 30);
        List<GcnTrainer.EpochStats> a = train(g, 3, 9);
        List<GcnTrainer.EpochStats> b = train(g, 3, 9);
        for (int e = 0; e < a.size(); e++) {
            assertEquals(a.get(e).trainLoss(), b.get(e).trainLoss(), 0, "epoch " + e);
            assertEquals(a.get(e).valLoss(), b.get(e).valLoss(), 0, "epoch " + e);
        }
        assertNotEquals(a.get(4).trainLoss(), train(g, 3, 10).get(4).trainLoss(), "another seed, other weights");
        assertTrue(a.get(4).trainLoss() < a.get(0).trainLoss(), "training lowers the loss");

        // The seed alone fixes the weights, whatever ND4J's global RNG has done in between.
        INDArray aHat = GraphMath.normalizedAdjacency(g.nodes(), g.edges(), DataType.FLOAT);
        INDArray w1 = GcnModel.build(aHat, new GcnModel.Architecture(8, 16, 3, 2, 0.5), 3, DataType.FLOAT).sameDiff().getVariable("w1").getArr();
        Nd4j.getRandom().setSeed(System.nanoTime());
        Nd4j.rand(DataType.FLOAT, 100);
        assertEquals(w1, GcnModel.build(aHat, new GcnModel.Architecture(8, 16, 3, 2, 0.5), 3, DataType.FLOAT).sameDiff()
                .getVariable("w1").getArr());

        // Evaluation feeds masks of ones: with dropout 0.9 two passes still agree exactly.
        GcnModel m = GcnModel.build(aHat, new GcnModel.Architecture(8, 16, 3, 3, 0.9), 1, DataType.FLOAT);
        INDArray x = Nd4j.create(g.features(), new long[] {120, 8}, 'c');
        assertEquals(m.forward(x).logProbs(), m.forward(x).logProbs());
    }
}
