package nnlab.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import nnlab.graph.Graph;
import nnlab.graph.KarateClub;
import nnlab.graph.SparseRows;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.figure.BarFigure;
import org.junit.jupiter.api.Test;

class InsideAttentionTest {

    @Test
    void attentionIsADistributionOverEachNeighbourhoodAndNeverMoreSpreadThanUniform() {
        NativeSetup.initNow();
        Graph g = KarateClub.graph(20, 500, 1000);
        SparseRows x = SparseRows.ofDense(g.features(), g.nodes(), g.featureDim());
        SparseRows nb = SparseRows.neighbourhoods(g.nodes(), g.edges());
        Gat gat = new Gat(x, nb, 2, new Gat.Architecture(4, 3, 1, 0.6, 0.6, 0.2), 1);
        FullBatchTraining t = new FullBatchTraining(gat, g, 0.05, 0);
        for (int e = 0; e < 30; e++) t.fitBatch(0);
        Gat.GatPass pass = (Gat.GatPass) gat.forward(false);
        double[] alpha = pass.attention();
        for (int i = 0; i < g.nodes(); i++) {
            for (int h = 0; h < 4; h++) {
                double sum = 0;
                for (int k = nb.rowStart()[i]; k < nb.rowStart()[i + 1]; k++) sum += alpha[k * 4 + h];
                assertEquals(1, sum, 1e-12, "node " + i + " head " + h);
            }
        }
        double[] h = InsideAttention.entropies(nb, alpha, 4);
        double[] u = InsideAttention.uniformEntropies(nb);
        for (int i = 0; i < g.nodes(); i++) assertTrue(h[i] <= u[i] + 1e-12, "entropy ≤ log d̃ at node " + i);
        assertTrue(Arrays.stream(h).sum() < Arrays.stream(u).sum() - 1e-3, "trained attention is not uniform everywhere");

        int node = InsideAttention.mostUncertain(g, pass.scores(), -1);
        assertTrue(Arrays.stream(g.split().test()).anyMatch(i -> i == node), "a test node");
        for (int cls = 0; cls < g.classes(); cls++) {
            final int k = cls;
            boolean hasTestNode = Arrays.stream(g.split().test()).anyMatch(i -> g.labels()[i] == k);
            int ofClass = InsideAttention.mostUncertain(g, pass.scores(), cls);
            if (hasTestNode) assertEquals(cls, g.labels()[ofClass], "the most uncertain test node of class " + cls);
        }
        BarFigure f = InsideAttention.nodeFigure(g, nb, InsideAttention.ofNode(nb, alpha, 4, 33), 4, 33);
        assertEquals(18, f.categories().size(), "the officer's 17 friends and himself");
        assertEquals(1 / Math.sqrt(18.0 * 18.0), f.values()[0][f.categories().size() - 1], 1e-12, "GCN self-weight 1/d̃");
    }
}
