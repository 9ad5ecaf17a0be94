package nnlab.byhand;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.run.RunSummary;

/**
 * summary.json of a by-hand run: the numbers a student checks first, and the machine's own
 * checks (windows vs ND4J's conv1d, autodiff vs finite differences, Aⁿ vs brute-force walks).
 */
public record ByHandSummary(
        @JsonProperty("conv_sum") double convSum,
        @JsonProperty("conv_outputs") List<Double> convOutputs,
        @JsonProperty("conv_max_abs_diff_vs_conv1d_op") double convMaxDiffVsOp,
        @JsonProperty("gnn_y") double gnnY,
        @JsonProperty("gnn_loss") double gnnLoss,
        @JsonProperty("gnn_grad_W") double[][] gnnGradW,
        @JsonProperty("gnn_grad_q") double[] gnnGradQ,
        @JsonProperty("gnn_grad_h0") double[][] gnnGradH0,
        @JsonProperty("gnn_max_abs_diff_autodiff_vs_finite_difference") double gnnMaxGradDiff,
        @JsonProperty("graph_nodes") int graphNodes,
        @JsonProperty("graph_edges") int graphEdges,
        @JsonProperty("power") int power,
        @JsonProperty("adjacency_power") double[][] adjacencyPower,
        /** null when there were too many walks to enumerate. */
        @JsonProperty("walk_counts_match_adjacency_power") Boolean walkCountsMatch,
        @JsonProperty("laplacian_max_abs_row_sum") double laplacianMaxRowSum,
        @JsonProperty("message_passing_output") double[][] messagePassingOutput) implements RunSummary {

    @Override
    public String headline() {
        return String.format(Locale.ROOT, "conv sum %s · GNN y %s, L %s · |autodiff − FD| ≤ %.1g", NumberText.format(convSum, 6),
                NumberText.format(gnnY, 6), NumberText.format(gnnLoss, 6), gnnMaxGradDiff);
    }
}
