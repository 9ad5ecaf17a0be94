package nnlab.byhand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphMatricesTest {
    private static final double[][] W = {{1, 0}, {1, -1}};
    private static final double[][] B = {{1, 0}, {0, 1}};

    private static GraphMatrices.Result compute(ByHandSettings.Preset preset, int power) {
        SmallGraph g = NumberText.edges(preset.edges(), 12);
        double[][] x = NumberText.matrix(preset.features(), 12, 6);
        return GraphMatrices.compute(new GraphMatrices.Inputs(g, power, x, W, B, GraphMatrices.Activation.RELU));
    }

    @Test
    void everyEntryOfAPowerCountsTheWalksFoundByBruteForce() {
        for (ByHandSettings.Preset preset : ByHandSettings.PRESETS) {
            SmallGraph g = NumberText.edges(preset.edges(), 12);
            for (int n = 0; n <= 6; n++) {
                double[][] an = compute(preset, n).aPower();
                for (int i = 0; i < g.nodes(); i++) {
                    for (int j = 0; j < g.nodes(); j++) {
                        GraphMatrices.Walks walks = GraphMatrices.walks(g, i, j, n, 1000);
                        String entry = preset.name() + " A^" + n + " (" + (i + 1) + ", " + (j + 1) + ")";
                        assertEquals(an[i][j], GraphMatrices.bruteForceCount(g, i, j, n), entry);
                        assertEquals(an[i][j], walks.count(), entry + ", counted step by step");
                        assertEquals(walks.count(), walks.listed().size(), entry + ": under 1000, so all are listed");
                        assertEquals(walks.listed().size(), walks.listed().stream().distinct().count(), "no walk twice");
                        for (List<Integer> w : walks.listed()) {
                            assertEquals(n + 1, w.size());
                            assertEquals(i, w.get(0));
                            assertEquals(j, w.get(n));
                            for (int k = 0; k < n; k++) assertTrue(g.hasEdge(w.get(k), w.get(k + 1)), "a step along an edge: " + w);
                        }
                    }
                }
            }
        }
        // By hand, 5-node graph: the walks of length 2 from 1 back to 1 go out and back along each of its 3 edges.
        assertEquals(3, compute(ByHandSettings.PRESETS.get(0), 2).aPower()[0][0]);
        // 1 → 3 → 4 is the only walk of length 2 from 1 to 4.
        assertEquals(List.of("1 → 3 → 4"), GraphMatrices.walks(NumberText.edges(ByHandSettings.PRESETS.get(0).edges(), 12), 0, 3, 2, 10)
                .describe());
    }

    @Test
    void aFewWalksAreListedQuicklyEvenWhenThereAreBillions() {
        StringBuilder edges = new StringBuilder();
        for (int a = 1; a <= 12; a++) for (int b = a + 1; b <= 12; b++) edges.append(edges.length() > 0 ? ", " : "").append(a + "-" + b);
        SmallGraph complete = NumberText.edges(edges.toString(), 12);
        GraphMatrices.Walks walks = GraphMatrices.walks(complete, 0, 1, 10, 12);
        // K12: walks of n steps between two different nodes number (11ⁿ − (−1)ⁿ) / 12.
        assertEquals((Math.round(Math.pow(11, 10)) - 1) / 12, walks.count());
        assertEquals(12, walks.listed().size());
        assertEquals("… and " + (walks.count() - 12) + " more", walks.describe().get(12));
        double[][] a10 = GraphMatrices.compute(new GraphMatrices.Inputs(complete, 10, new double[12][1], new double[][] {{1}},
                new double[][] {{1}}, GraphMatrices.Activation.RELU)).aPower();
        assertEquals(walks.count(), a10[0][1], 0);
        assertEquals(null, ByHandExperiment.walkCountsMatch(complete, 10, a10), "too many to try one by one");
    }

    @Test
    void theLaplacianIsDMinusAAndItsRowsSumToZero() {
        for (ByHandSettings.Preset preset : ByHandSettings.PRESETS) {
            GraphMatrices.Result r = compute(preset, 1);
            assertEquals(0, r.maxLaplacianRowSum(), 0, preset.name());
            assertArrayEquals(r.a(), r.aPower(), preset.name() + ": A¹ = A");
            for (int i = 0; i < r.a().length; i++) {
                for (int j = 0; j < r.a().length; j++) assertEquals(r.d()[i][j] - r.a()[i][j], r.laplacian()[i][j], 0);
            }
        }
        GraphMatrices.Result five = compute(ByHandSettings.PRESETS.get(0), 1);
        // Degrees of 1-2, 1-3, 1-5, 2-3, 3-4: node 1 has 3, node 2 has 2, node 3 has 3, nodes 4 and 5 have 1.
        assertArrayEquals(new double[] {3, -1, -1, 0, -1}, five.laplacian()[0]);
        // (LX)_1 = 3·x_1 − (x_2 + x_3 + x_5) = 3·(1,0) − ((0,1) + (1,1) + (0,2)) = (2, −4).
        assertArrayEquals(new double[] {2, -4}, five.lx()[0], 1e-12);
    }

    @Test
    void oneMessagePassingStepByHand() {
        GraphMatrices.Result r = compute(ByHandSettings.PRESETS.get(0), 1);
        // Node 1: N(1) = {2, 3, 5}, mean of (0,1), (1,1), (0,2) = (1/3, 4/3); W·mean = (1/3, 1/3 − 4/3) = (1/3, −1);
        // B·h_1 = (1, 0); sum (4/3, −1); ReLU → (4/3, 0).
        assertArrayEquals(new double[] {1.0 / 3, 4.0 / 3}, r.mean()[0], 1e-12);
        assertArrayEquals(new double[] {4.0 / 3, -1}, r.pre()[0], 1e-12);
        assertArrayEquals(new double[] {4.0 / 3, 0}, r.next()[0], 1e-12);
        // Node 4: N(4) = {3}, mean (1,1); W·mean = (1, 0); B·h_4 = (2, 0); h′_4 = (3, 0).
        assertArrayEquals(new double[] {3, 0}, r.next()[3], 1e-12);
    }

    @Test
    void aNodeWithoutNeighboursAggregatesZero() {
        SmallGraph g = NumberText.edges("1-2, 3", 12);
        double[][] x = {{1, 2}, {3, 4}, {5, -6}};
        GraphMatrices.Result r = GraphMatrices.compute(new GraphMatrices.Inputs(g, 2, x, W, B, GraphMatrices.Activation.IDENTITY));
        assertEquals(3, g.nodes());
        assertArrayEquals(new double[] {0, 0}, r.mean()[2]);
        assertArrayEquals(new double[] {5, -6}, r.next()[2], 1e-12, "only B·h_v is left");
        assertEquals(0, r.aPower()[2][2], "no walk of length 2 from an isolated node");
    }
}
