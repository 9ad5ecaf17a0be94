package nnlab.gnn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import nnlab.graph.Csbm;
import nnlab.graph.Graph;
import nnlab.graph.SparseRows;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every parameter gradient of both hand-written backward passes against central finite
 * differences, in double precision on a 14-node graph, with dropout on (the same masks in every
 * pass) and off. The loss Σ scores ⊙ R with a random R exercises every score entry.
 */
class GradientCheckTest {
    static Graph graph;

    @BeforeAll
    static void setUp() {
        NativeSetup.initNow();
        graph = Csbm.generate(new Csbm.Spec(14, 3, 0.5, 0.1, 5, 1.0, 3), 2, 4, 4);
    }

    static GnnModel model(String kind) {
        SparseRows x = SparseRows.ofDense(graph.features(), graph.nodes(), graph.featureDim());
        if (kind.startsWith("gcn")) {
            return new Gcn(x, SparseRows.normalizedAdjacency(graph.nodes(), graph.edges()), graph.classes(),
                    new Gcn.Architecture(4, 0.3, true), 11);
        }
        // Two output heads check the averaging; slope 0.2 as in the paper.
        return new Gat(x, SparseRows.neighbourhoods(graph.nodes(), graph.edges()), graph.classes(),
                new Gat.Architecture(3, 2, 2, 0.3, 0.3, 0.2), 11);
    }

    static double loss(GnnModel m, boolean dropout, double[] r) {
        double[] s = m.forward(dropout, new SplittableRandom(5)).scores();
        double l = 0;
        for (int i = 0; i < s.length; i++) l += s[i] * r[i];
        return l;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcn", "gcn-dropout", "gat", "gat-dropout"})
    void backwardMatchesFiniteDifferences(String kind) {
        GnnModel m = model(kind);
        boolean dropout = kind.endsWith("dropout");
        Random rnd = new Random(1);
        double[] r = new double[graph.nodes() * graph.classes()];
        for (int i = 0; i < r.length; i++) r[i] = rnd.nextGaussian();
        GnnModel.Pass pass = m.forward(dropout, new SplittableRandom(5));
        for (Param p : m.params()) p.zeroGrad();
        m.backward(pass, r);
        double eps = 1e-6;
        List<Param> params = m.params();
        int checked = 0;
        for (Param p : params) {
            double worst = 0;
            for (int i = 0; i < p.value.length; i++) {
                double keep = p.value[i];
                p.value[i] = keep + eps;
                double up = loss(m, dropout, r);
                p.value[i] = keep - eps;
                double down = loss(m, dropout, r);
                p.value[i] = keep;
                double numeric = (up - down) / (2 * eps);
                double err = Math.abs(numeric - p.grad[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(p.grad[i]));
                worst = Math.max(worst, err);
                if (p.grad[i] != 0) checked++;
            }
            assertTrue(worst < 1e-6, kind + " " + p.name + ": relative error " + worst);
        }
        assertTrue(checked > 20, "most gradients are non-zero, got " + checked);
    }
}
