package nnlab.gnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.graph.Graph;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.run.RunContext;

/** The results table, the per-seed table and the accuracy bars, refreshed after every seed. */
final class GnnTables {
    private GnnTables() { }

    static final String MODEL = "Model";
    static final String TEST = "Test acc % (mean ± std)";
    static final List<String> COLUMNS = List.of(MODEL, TEST, "Val acc % (mean)", "Seeds done", "Epochs (mean)", "s/epoch (mean)",
            "Published test acc % on Cora (not computed)");
    static final List<String> SEED_COLUMNS = List.of(MODEL, "Seed", "Epochs", "Weights of epoch", "Val acc %", "Test acc %", "ms/epoch");

    static void publish(RunContext ctx, Graph g, List<String> models, int seeds, Map<String, List<GnnStudy.SeedResult>> results) {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> seedRows = new ArrayList<>();
        double[][] bars = new double[2][models.size()];
        double[][] errors = new double[2][models.size()];
        for (int k = 0; k < models.size(); k++) {
            String m = models.get(k);
            List<GnnStudy.SeedResult> rs = results.get(m);
            if (rs.isEmpty()) {
                rows.add(List.of(m, "…", "…", "0/" + seeds, "…", "…", PublishedGnn.REFERENCE.get(m)));
                bars[0][k] = Double.NaN;
            } else {
                GnnSummary.Model s = GnnSummary.model(m, rs);
                double epochs = rs.stream().mapToInt(GnnStudy.SeedResult::epochs).average().orElse(0);
                rows.add(List.of(m, String.format(Locale.ROOT, "%.1f ± %.1f", s.testAccMean(), s.testAccStd()), f1(s.valAccMean()),
                        rs.size() + "/" + seeds, String.format(Locale.ROOT, "%.0f", epochs),
                        String.format(Locale.ROOT, "%.4f", s.secondsPerEpoch()), PublishedGnn.REFERENCE.get(m)));
                bars[0][k] = s.testAccMean();
                errors[0][k] = s.testAccStd();
            }
            bars[1][k] = m.equals(GnnSettings.GCN) ? PublishedGnn.GCN_PAPER : PublishedGnn.GAT_PAPER;
            errors[1][k] = m.equals(GnnSettings.GCN) ? Double.NaN : PublishedGnn.GAT_PAPER_STD;
            for (GnnStudy.SeedResult r : rs) {
                seedRows.add(List.of(m, String.valueOf(r.seed()), String.valueOf(r.epochs()), String.valueOf(r.bestEpoch()),
                        f1(r.valAccuracy()), f1(r.testAccuracy()), String.format(Locale.ROOT, "%.2f", 1000 * r.secondsPerEpoch())));
            }
        }
        ctx.table(GnnExperiment.RESULTS, "Test accuracy per model — " + g.name(), COLUMNS, rows, Map.of());
        ctx.table(GnnExperiment.SEED_TABLE, "Every seed — " + g.name(), SEED_COLUMNS, seedRows, Map.of());
        ctx.figure(GnnExperiment.ACCURACY_BARS, new BarFigure("Test accuracy, mean ± std over seeds — " + g.name(), "test accuracy (%)",
                models, List.of("this run", "paper, on Cora (published, not computed)"), bars, errors, 0, 100));
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
