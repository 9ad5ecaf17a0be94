package nnlab.oversmoothing;

import static nnlab.oversmoothing.OversmoothingSettings.DEPTHS;
import static nnlab.oversmoothing.OversmoothingSettings.EPOCHS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.shard.RecordedValues;
import nnlab.kernel.shard.WorkUnit;

/**
 * The oversmoothing study's work units: one GCN per depth of the list. Each builds its weights and
 * dropout masks from its own generator seeded by the seed setting (GcnModel), so a depth trains the
 * same alone or after the others. A recorded unit holds what the depth's result needs: its epochs,
 * accuracies, per-layer feature std and Dirichlet energy, and the PCA of its class scores.
 */
final class OversmoothingUnits {
    private OversmoothingUnits() { }

    /** Position i of the depth list; a depth listed twice gets a suffix, so ids stay unique. */
    static List<String> ids(List<Integer> depths) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < depths.size(); i++) {
            int earlier = 0;
            for (int k = 0; k < i; k++) if (depths.get(k).equals(depths.get(i))) earlier++;
            ids.add("depth-" + depths.get(i) + (earlier == 0 ? "" : "-" + (earlier + 1)));
        }
        return ids;
    }

    /** A depth-d epoch costs about d layer passes. */
    static List<WorkUnit> units(Config c) {
        List<Integer> depths = c.getInts(DEPTHS);
        List<String> ids = ids(depths);
        List<WorkUnit> units = new ArrayList<>();
        for (int i = 0; i < depths.size(); i++) units.add(new WorkUnit(ids.get(i), (double) depths.get(i) * (c.getInt(EPOCHS) + 1)));
        return units;
    }

    static Map<String, Object> result(GcnTrainer.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("depth", r.depth());
        List<double[]> epochs = new ArrayList<>();
        for (GcnTrainer.EpochStats e : r.epochs()) {
            epochs.add(new double[] {e.epoch(), e.trainLoss(), e.valLoss(), e.trainAccuracy(), e.valAccuracy(), e.seconds()});
        }
        m.put("epochs", epochs);
        m.put("val_accuracy", r.valAccuracy());
        m.put("val_mean_class_accuracy", r.valMeanClassAccuracy());
        m.put("test_accuracy", r.testAccuracy());
        m.put("feature_std", r.featureStd());
        m.put("dirichlet_energy", r.dirichletEnergy());
        m.put("pca", r.pca());
        m.put("seconds_per_epoch", r.secondsPerEpoch());
        return m;
    }

    @SuppressWarnings("unchecked")
    static GcnTrainer.Result replay(Map<String, Object> m) {
        List<GcnTrainer.EpochStats> epochs = new ArrayList<>();
        for (Object row : (List<Object>) m.get("epochs")) {
            double[] v = RecordedValues.doubles(row);
            epochs.add(new GcnTrainer.EpochStats((int) v[0], v[1], v[2], v[3], v[4], v[5]));
        }
        List<Object> pcaRows = (List<Object>) m.get("pca");
        double[][] pca = new double[pcaRows.size()][];
        for (int i = 0; i < pca.length; i++) pca[i] = RecordedValues.doubles(pcaRows.get(i));
        return new GcnTrainer.Result(((Number) m.get("depth")).intValue(), epochs, number(m, "val_accuracy"),
                number(m, "val_mean_class_accuracy"), number(m, "test_accuracy"), RecordedValues.doubles(m.get("feature_std")),
                RecordedValues.doubles(m.get("dirichlet_energy")), pca, number(m, "seconds_per_epoch"));
    }

    private static double number(Map<String, Object> m, String key) {
        return RecordedValues.number(m.get(key));
    }
}
