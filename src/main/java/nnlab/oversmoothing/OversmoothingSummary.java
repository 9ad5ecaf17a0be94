package nnlab.oversmoothing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.run.RunSummary;

/** summary.json of an oversmoothing study: the graph, then one entry per trained depth in the study's order; accuracies in %. */
public record OversmoothingSummary(String experiment, GraphInfo graph, List<Depth> depths, String note) implements RunSummary {
    static final String NOTE = "layer 0 is the input features; layer = depth is the class scores";

    public OversmoothingSummary(GraphInfo graph, List<Depth> depths) {
        this(OversmoothingExperiment.ID, graph, depths, NOTE);
    }

    /** The graph trained on and its split's sizes. */
    public record GraphInfo(
            String name,
            int nodes,
            int edges,
            int classes,
            @JsonProperty("feature_dim") int featureDim,
            @JsonProperty("train_nodes") int trainNodes,
            @JsonProperty("val_nodes") int valNodes,
            @JsonProperty("test_nodes") int testNodes) { }

    /** One GCN after training; the per-layer lists run from layer 0 (the input) to layer = depth. */
    public record Depth(
            int depth,
            @JsonProperty("final_train_loss") double finalTrainLoss,
            @JsonProperty("final_val_loss") double finalValLoss,
            @JsonProperty("train_acc") double trainAcc,
            @JsonProperty("val_acc") double valAcc,
            @JsonProperty("val_acc_mean_per_class") double valAccMeanPerClass,
            @JsonProperty("test_acc") double testAcc,
            @JsonProperty("feature_std_per_layer") List<Double> featureStdPerLayer,
            @JsonProperty("dirichlet_energy_per_layer") List<Double> dirichletEnergyPerLayer,
            @JsonProperty("seconds_per_epoch") double secondsPerEpoch) { }

    /** Validation accuracy from the shallowest to the deepest net, e.g. "val acc 81.2 % at depth 2 → 30.1 % at depth 64". */
    @Override
    public String headline() {
        Depth shallowest = null;
        Depth deepest = null;
        for (Depth d : depths) {
            if (shallowest == null || d.depth() < shallowest.depth()) shallowest = d;
            if (deepest == null || d.depth() > deepest.depth()) deepest = d;
        }
        if (shallowest == null) return "";
        String first = String.format(Locale.ROOT, "val acc %.1f %% at depth %d", shallowest.valAcc(), shallowest.depth());
        if (deepest == shallowest) return first;
        return first + String.format(Locale.ROOT, " → %.1f %% at depth %d", deepest.valAcc(), deepest.depth());
    }
}
