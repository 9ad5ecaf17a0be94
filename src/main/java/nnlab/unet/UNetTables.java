package nnlab.unet;

import static nnlab.unet.UNetExperiment.WITH;
import static nnlab.unet.UNetExperiment.WITHOUT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.RunContext;

/** The per-class IoU table, the results table and summary.json, from the finished rounds. */
final class UNetTables {
    private UNetTables() { }

    private static List<UNetExperiment.Round> finished(List<UNetExperiment.Round> rounds, String model) {
        return rounds.stream().filter(r -> r.model.equals(model) && r.test != null).toList();
    }

    /**
     * Per class: IoU with skips, without (mean ± std over seeds) and the gap, paired per seed
     * (with − without of the same seed, whose canvases and initial weights both models share),
     * then its mean ± std: the seeds' common ups and downs cancel out of a paired gap.
     */
    static void publish(RunContext ctx, List<UNetExperiment.Round> rounds, List<String> classNames) {
        List<UNetExperiment.Round> on = finished(rounds, WITH);
        List<UNetExperiment.Round> off = finished(rounds, WITHOUT);
        if (on.isEmpty() && off.isEmpty()) return;
        List<List<String>> rows = new ArrayList<>();
        int better = 0;
        int compared = 0;
        for (int c = 0; c < classNames.size(); c++) {
            int k = c;
            List<Double> gaps = pairedGaps(rounds, r -> r.val.perClassIou()[k]);
            double meanGap = UNetFigures.mean(gaps);
            if (!Double.isNaN(meanGap)) {
                compared++;
                if (meanGap > 0) better++;
            }
            rows.add(List.of(classNames.get(c), UNetFigures.meanStd(perClass(on, c)), UNetFigures.meanStd(perClass(off, c)),
                    UNetFigures.signedMeanStd(gaps)));
        }
        rows.add(List.of("mean (present classes)", UNetFigures.meanStd(on.stream().map(r -> r.val.meanIou()).toList()),
                UNetFigures.meanStd(off.stream().map(r -> r.val.meanIou()).toList()),
                UNetFigures.signedMeanStd(pairedGaps(rounds, r -> r.val.meanIou()))));
        int seeds = Math.max(on.size(), off.size());
        String title = "Per-class validation IoU after the last epoch" + (seeds > 1 ? " (mean ± std over " + seeds + " seeds)" : "")
                + (compared > 0 ? "; with skips better in " + better + " of " + compared + " classes" : "");
        ctx.table(UNetExperiment.CLASS_TABLE, title, List.of("Class", "IoU " + WITH, "IoU " + WITHOUT,
                seeds > 1 ? "Gap with − without (paired per seed)" : "Gap (with − without)"), rows, Map.of());

        List<List<String>> results = new ArrayList<>();
        for (UNetExperiment.Round r : rounds) {
            if (r.test == null) continue;
            results.add(List.of(r.model, String.valueOf(r.seed), f(r.val.meanIou()), f(r.test.meanIou()),
                    String.format(Locale.ROOT, "%.1f", 100 * r.val.pixelAccuracy()), f(last(r.trainLoss)), f(last(r.valLoss)),
                    String.format(Locale.ROOT, "%.1f", UNetFigures.mean(r.seconds))));
        }
        ctx.table(UNetExperiment.RESULTS, "Results after the last epoch", List.of("Model", "Seed", "Val mean IoU", "Test mean IoU",
                "Val pixel acc %", "Train loss", "Val loss", "s/epoch"), results, Map.of());
    }

    /** with − without of each seed for which both models finished (a value NaN for a class absent from the targets). */
    static List<Double> pairedGaps(List<UNetExperiment.Round> rounds, java.util.function.ToDoubleFunction<UNetExperiment.Round> value) {
        List<Double> out = new ArrayList<>();
        for (UNetExperiment.Round a : finished(rounds, WITH)) {
            for (UNetExperiment.Round b : finished(rounds, WITHOUT)) {
                if (a.seed == b.seed) out.add(value.applyAsDouble(a) - value.applyAsDouble(b));
            }
        }
        return out;
    }

    private static List<Double> perClass(List<UNetExperiment.Round> rounds, int c) {
        List<Double> out = new ArrayList<>();
        for (UNetExperiment.Round r : rounds) out.add(r.val.perClassIou()[c]);
        return out;
    }

    private static double last(List<Double> v) {
        return v.isEmpty() ? Double.NaN : v.get(v.size() - 1);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    static UNetSummary summary(Config c, UNetData.Splits data, List<UNetExperiment.Round> rounds) {
        Map<String, UNetSummary.Model> models = new LinkedHashMap<>();
        List<String> names = data.train().classNames();
        for (String model : List.of(WITH, WITHOUT)) {
            List<UNetExperiment.Round> rs = finished(rounds, model);
            Map<String, Double> pc = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                double m = UNetFigures.mean(perClass(rs, k));
                pc.put(names.get(k), Double.isNaN(m) ? null : m);
            }
            models.put(model, new UNetSummary.Model(rs.stream().map(r -> r.val.meanIou()).toList(),
                    rs.stream().map(r -> r.test.meanIou()).toList(), rs.stream().map(r -> r.val.pixelAccuracy()).toList(),
                    rs.stream().map(r -> List.copyOf(r.trainLoss)).toList(), rs.stream().map(r -> List.copyOf(r.valLoss)).toList(),
                    UNetFigures.mean(rs.stream().flatMap(r -> r.seconds.stream()).toList()), pc));
        }
        List<Double> gaps = pairedGaps(rounds, r -> r.val.meanIou());
        double gap = UNetFigures.mean(gaps);
        List<Integer> seeds = new ArrayList<>();
        for (int s = 0; s < c.getInt(UNetSettings.SEEDS); s++) seeds.add(c.getInt(UNetSettings.SEED) + s);
        return new UNetSummary(UNetExperiment.ID, data.source(), data.location(), data.train().size(), data.validation().size(),
                data.test().size(), c.getInt(UNetSettings.EPOCHS), seeds, names, models, gap, gaps);
    }
}
