package nnlab.oversmoothing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nnlab.SummaryJson;
import nnlab.graph.Graph;
import nnlab.oversmoothing.GcnTrainer.EpochStats;
import org.junit.jupiter.api.Test;

/** The typed oversmoothing summary writes the same summary.json as the map-based one did (summaries-v1/oversmoothing.json). */
class OversmoothingSummaryJsonTest {

    static Graph knownGraph() {
        return new Graph("four \"nodes\"", 4, new int[][] {{0, 1}, {1, 2}, {2, 3}}, 2, new float[8], new int[] {0, 0, 1, 1},
                List.of("left", "right"), new Graph.Split(new int[] {0, 2}, new int[] {1}, new int[] {3}));
    }

    static List<Integer> knownDepths() {
        return List.of(1, 3);
    }

    /** Depth 3 collapsed: its energy reaches 0 and then NaN, its loss is infinite. */
    static List<GcnTrainer.Result> knownResults() {
        GcnTrainer.Result shallow = new GcnTrainer.Result(1,
                List.of(new EpochStats(0, 0.75, 0.8, 50.0, 0.0, 0.01), new EpochStats(1, 0.5, 0.625, 100.0, 100.0, 0.02)),
                100.0, 100.0, 0.0, new double[] {1.0, 0.25}, new double[] {2.0, 0.5}, new double[][] {{0, 0}}, 0.015);
        GcnTrainer.Result deep = new GcnTrainer.Result(3,
                List.of(new EpochStats(0, 0.75, 0.8, 50.0, 0.0, 0.01), new EpochStats(1, Double.POSITIVE_INFINITY, 0.7, 50.0, 0.0, 0.03)),
                0.0, 50.0, 100.0, new double[] {1.0, 1e-3, 1e-9, 0.0}, new double[] {2.0, 1e-5, 0.0, Double.NaN},
                new double[][] {{0, 0}}, 0.025);
        return List.of(shallow, deep);
    }

    @Test
    void writesExactlyTheMapBasedSummaryJson() {
        OversmoothingSummary summary = OversmoothingExperiment.summary(knownGraph(), knownDepths(), knownResults());
        assertEquals(SummaryJson.v1("oversmoothing.json"), SummaryJson.written(summary));
        assertEquals("val acc 100.0 % at depth 1 → 0.0 % at depth 3", summary.headline());
    }
}
