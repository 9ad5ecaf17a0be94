package nnlab.unet;

import static nnlab.kernel.shard.RecordedValues.doubles;
import static nnlab.kernel.shard.RecordedValues.intRows;
import static nnlab.kernel.shard.RecordedValues.number;
import static nnlab.unet.UNetExperiment.WITH;
import static nnlab.unet.UNetExperiment.WITHOUT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.shard.WorkUnit;

/**
 * The U-Net study's work units: one training per model and seed ({@code with-skips/seed-0},
 * {@code without-skips/seed-1}, …). A unit's canvases, initial weights and batch order come from
 * the settings and its seed alone (both models of a seed start from the same weights), so it
 * trains the same alone or inside the whole study. A recorded unit holds what the study publishes
 * of it: every epoch's metrics, the last validation and test scores (per-class IoU included) and,
 * for the first seed, its last predictions of the strip's validation canvases.
 */
final class UNetUnits {
    private UNetUnits() { }

    /** A trained (or replayed) unit; {@code strip} is null but for the first seed's two models. */
    record Unit(UNetExperiment.Round round, int[][] strip) { }

    /** "with-skips/seed-3": the model's name with dashes, safe in a file name and on a command line. */
    static String id(String model, long seed) {
        return model.replace(' ', '-') + "/seed-" + seed;
    }

    /** The s-th seed (0-based). */
    static long seed(Config c, int index) {
        return (long) c.getInt(UNetSettings.SEED) + index;
    }

    /** Seed by seed, with skips first: the study's own order. */
    static List<WorkUnit> units(Config c) {
        List<WorkUnit> units = new ArrayList<>();
        for (int s = 0; s < c.getInt(UNetSettings.SEEDS); s++) {
            for (String model : List.of(WITH, WITHOUT)) units.add(new WorkUnit(id(model, seed(c, s)), cost(c)));
        }
        return units;
    }

    /**
     * Epochs × training canvases, the same for both models: without skips the decoder still
     * concatenates a tensor of the skip's shape (zeros), so its convolutions cost what they cost
     * with the skips.
     */
    static double cost(Config c) {
        return (double) c.getInt(UNetSettings.EPOCHS) * c.getInt(UNetSettings.TRAIN_SIZE);
    }

    static Map<String, Object> result(Unit u) {
        UNetExperiment.Round r = u.round();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model);
        m.put("seed", r.seed);
        List<double[]> rows = new ArrayList<>();
        for (int e = 0; e < r.trainLoss.size(); e++) {
            rows.add(new double[] {r.trainLoss.get(e), r.valLoss.get(e), r.valIou.get(e), r.valPixelAccuracy.get(e), r.seconds.get(e)});
        }
        m.put("epoch_rows", rows);
        m.put("val", scores(r.val));
        m.put("test", scores(r.test));
        if (u.strip() != null) m.put("strip", u.strip());
        return m;
    }

    private static Map<String, Object> scores(SegmentationTrainable.Scores s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", s.loss());
        m.put("mean_iou", s.meanIou());
        m.put("per_class_iou", s.perClassIou());
        m.put("pixel_accuracy", s.pixelAccuracy());
        return m;
    }

    @SuppressWarnings("unchecked")
    static Unit replay(Map<String, Object> m) {
        UNetExperiment.Round r = new UNetExperiment.Round((String) m.get("model"), ((Number) m.get("seed")).intValue());
        for (Object row : (List<Object>) m.get("epoch_rows")) {
            double[] v = doubles(row);
            r.trainLoss.add(v[0]);
            r.valLoss.add(v[1]);
            r.valIou.add(v[2]);
            r.valPixelAccuracy.add(v[3]);
            r.seconds.add(v[4]);
        }
        r.val = scores((Map<String, Object>) m.get("val"));
        r.test = scores((Map<String, Object>) m.get("test"));
        return new Unit(r, m.get("strip") == null ? null : intRows(m.get("strip")));
    }

    private static SegmentationTrainable.Scores scores(Map<String, Object> m) {
        return new SegmentationTrainable.Scores(number(m.get("loss")), number(m.get("mean_iou")), doubles(m.get("per_class_iou")),
                number(m.get("pixel_accuracy")));
    }
}
