package nnlab.gnn;

import java.util.List;
import java.util.Map;
import nnlab.kernel.run.PublishedResults.Published;
import nnlab.kernel.run.PublishedResults.PublishedValue;

/**
 * Published Cora test accuracies (standard Planetoid split), quoted, never computed: the original
 * papers and the course write-ups the issue cites. The report places the papers' numbers beside
 * the results table; the table's own reference column lists all of them.
 */
final class PublishedGnn {
    private PublishedGnn() { }

    static final double GCN_PAPER = 81.5;
    static final double GAT_PAPER = 83.0;
    static final double GAT_PAPER_STD = 0.7;

    /** The reference column of the results table, per model. */
    static final Map<String, String> REFERENCE = Map.of(
            GnnSettings.GCN, "81.5 (Kipf & Welling 2017); 65.2 (course write-up)",
            GnnSettings.GAT, "83.0 ± 0.7 (Veličković et al. 2018); 74.3 and 80.6 (two course write-ups)");

    static final Published PUBLISHED = new Published(
            "the original papers on Cora's standard split: Kipf & Welling 2017 (GCN, mean of 100 runs), Veličković et al. 2018 "
                    + "(GAT, mean ± std of 100 runs); the course write-ups' numbers are in the table's reference column",
            List.of(value(GnnSettings.GCN, GCN_PAPER, Double.NaN), value(GnnSettings.GAT, GAT_PAPER, GAT_PAPER_STD)));

    private static PublishedValue value(String model, double mean, double std) {
        return new PublishedValue(GnnExperiment.RESULTS.id(), Map.of(GnnTables.MODEL, model), GnnTables.TEST, mean, std);
    }
}
