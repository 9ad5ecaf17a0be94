package nnlab.gnn;

import static nnlab.kernel.shard.RecordedValues.doubles;
import static nnlab.kernel.shard.RecordedValues.matrix;
import static nnlab.kernel.shard.RecordedValues.number;
import static nnlab.gnn.GnnSettings.FIRST_SEED;
import static nnlab.gnn.GnnSettings.GAT_HEADS;
import static nnlab.gnn.GnnSettings.GAT_HIDDEN;
import static nnlab.gnn.GnnSettings.GCN;
import static nnlab.gnn.GnnSettings.GCN_HIDDEN;
import static nnlab.gnn.GnnSettings.MODELS;
import static nnlab.gnn.GnnSettings.SEEDS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.shard.WorkUnit;
import nnlab.kernel.train.EpochResult;

/**
 * The GCN-vs-GAT study's work units: one training per model and seed ({@code gcn/seed-0},
 * {@code gat/seed-3}, …). A model builds its weights and draws its dropout masks from its own
 * generator seeded by the seed alone (Gcn, Gat), so a unit trains the same alone or inside the
 * whole study. A recorded unit holds what the study publishes of it: every epoch's metrics row,
 * the seed's result and, for a model's first seed, what the views that look inside it draw
 * ({@link LookInside}).
 */
final class GnnUnits {
    private GnnUnits() { }

    /** One epoch as the metrics row and the live charts show it (accuracies in percent). */
    record EpochRow(int epoch, double trainLoss, double valLoss, double trainAccuracy, double valAccuracy, double testAccuracy,
                    double seconds) {
        static EpochRow of(EpochResult<FullBatchTraining.Evaluation> e) {
            FullBatchTraining.Evaluation v = e.validation();
            return new EpochRow(e.epoch(), v.trainLoss(), v.valLoss(), v.trainAccuracy(), v.valAccuracy(), v.testAccuracy(), e.seconds());
        }
    }

    /** A trained (or replayed) unit; {@code inside} is null but for a model's first seed. */
    record Unit(GnnStudy.SeedResult result, List<EpochRow> epochs, LookInside inside) { }

    /** Lower case, so the id reads the same in a file name on any file system. */
    static String id(String model, long seed) {
        return model.toLowerCase(Locale.ROOT) + "/seed-" + seed;
    }

    /** The s-th seed of every model (0-based). */
    static long seed(Config c, int index) {
        return c.getInt(FIRST_SEED) + (long) index;
    }

    /** Every model's seeds, models in the settings' order; the preset decides the epochs, as in the run. */
    static List<WorkUnit> units(Config config) {
        Config c = Presets.apply(config);
        List<WorkUnit> units = new ArrayList<>();
        for (String m : c.getStrings(MODELS)) {
            for (int s = 0; s < c.getInt(SEEDS); s++) units.add(new WorkUnit(id(m, seed(c, s)), cost(m, c)));
        }
        return units;
    }

    /**
     * An epoch (a training step and an evaluation pass) costs about the first layer's width: the
     * sparse features times the first weights, and the neighbourhood sums (GAT: per head), both
     * scale with it. The GAT counts its maximum epochs; early stopping may end it sooner.
     */
    static double cost(String model, Config c) {
        return (GnnStudy.maxEpochs(model, c) + 1.0) * firstLayerWidth(model, c);
    }

    static int firstLayerWidth(String model, Config c) {
        return model.equals(GCN) ? c.getInt(GCN_HIDDEN) : c.getInt(GAT_HEADS) * c.getInt(GAT_HIDDEN);
    }

    static Map<String, Object> result(Unit u) {
        GnnStudy.SeedResult r = u.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("seed", r.seed());
        m.put("epochs", r.epochs());
        m.put("best_epoch", r.bestEpoch());
        m.put("train_acc", r.trainAccuracy());
        m.put("val_acc", r.valAccuracy());
        m.put("test_acc", r.testAccuracy());
        m.put("val_loss", r.valLoss());
        m.put("seconds_per_epoch", r.secondsPerEpoch());
        List<double[]> rows = new ArrayList<>();
        for (EpochRow e : u.epochs()) {
            rows.add(new double[] {e.epoch(), e.trainLoss(), e.valLoss(), e.trainAccuracy(), e.valAccuracy(), e.testAccuracy(), e.seconds()});
        }
        m.put("epoch_rows", rows);
        if (u.inside() != null) m.put("look_inside", inside(u.inside()));
        return m;
    }

    private static Map<String, Object> inside(LookInside v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", v.width());
        m.put("pca", v.pca());
        if (v.attention() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("node", v.attention().node());
            a.put("heads", v.attention().heads());
            a.put("node_alpha", v.attention().nodeAlpha());
            a.put("entropies", v.attention().entropies());
            m.put("attention", a);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static Unit replay(Map<String, Object> m) {
        GnnStudy.SeedResult r = new GnnStudy.SeedResult((String) m.get("model"), ((Number) m.get("seed")).longValue(), integer(m, "epochs"),
                integer(m, "best_epoch"), number(m.get("train_acc")), number(m.get("val_acc")), number(m.get("test_acc")),
                number(m.get("val_loss")), number(m.get("seconds_per_epoch")));
        List<EpochRow> rows = new ArrayList<>();
        for (Object row : (List<Object>) m.get("epoch_rows")) {
            double[] v = doubles(row);
            rows.add(new EpochRow((int) v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
        }
        Map<String, Object> in = (Map<String, Object>) m.get("look_inside");
        return new Unit(r, rows, in == null ? null : inside(r, in));
    }

    @SuppressWarnings("unchecked")
    private static LookInside inside(GnnStudy.SeedResult r, Map<String, Object> m) {
        double[][] pca = matrix(m.get("pca"));
        Map<String, Object> a = (Map<String, Object>) m.get("attention");
        LookInside.Attention attention = a == null ? null
                : new LookInside.Attention(integer(a, "node"), integer(a, "heads"), doubles(a.get("node_alpha")), doubles(a.get("entropies")));
        return new LookInside(r.model(), r.seed(), integer(m, "width"), pca, attention);
    }

    private static int integer(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).intValue();
    }
}
