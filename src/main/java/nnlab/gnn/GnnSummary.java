package nnlab.gnn;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.run.RunSummary;

/** summary.json of a GCN-vs-GAT run: the graph, the preset, and per model every seed and the mean ± std. */
public record GnnSummary(GraphInfo graph, String preset, List<Model> models) implements RunSummary {

    public record GraphInfo(String name, int nodes, int edges, int classes, @JsonProperty("feature_dim") int featureDim,
                            int train, int validation, int test) { }

    public record Seed(long seed, int epochs, @JsonProperty("best_epoch") int bestEpoch, @JsonProperty("val_acc") double valAcc,
                       @JsonProperty("test_acc") double testAcc, @JsonProperty("seconds_per_epoch") double secondsPerEpoch) { }

    public record Model(String model, @JsonProperty("test_acc_mean") double testAccMean, @JsonProperty("test_acc_std") double testAccStd,
                        @JsonProperty("val_acc_mean") double valAccMean, @JsonProperty("seconds_per_epoch") double secondsPerEpoch,
                        List<Seed> seeds) { }

    static Model model(String name, List<GnnStudy.SeedResult> rs) {
        List<Seed> seeds = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        double sec = 0;
        for (GnnStudy.SeedResult r : rs) {
            seeds.add(new Seed(r.seed(), r.epochs(), r.bestEpoch(), r.valAccuracy(), r.testAccuracy(), r.secondsPerEpoch()));
            val.add(r.valAccuracy());
            sec += r.secondsPerEpoch();
        }
        GnnStudy.MeanStd test = GnnStudy.MeanStd.of(GnnStudy.test(rs));
        return new Model(name, test.mean(), test.std(), GnnStudy.MeanStd.of(val).mean(), rs.isEmpty() ? 0 : sec / rs.size(), seeds);
    }

    @Override
    public String headline() {
        List<String> parts = new ArrayList<>();
        for (Model m : models) {
            parts.add(String.format(Locale.ROOT, "%s %.1f ± %.1f %%", m.model(), m.testAccMean(), m.testAccStd()));
        }
        return parts.isEmpty() ? "" : "test acc " + String.join(", ", parts) + " (" + (models.isEmpty() ? 0 : models.get(0).seeds().size())
                + " seeds)";
    }
}
