package nnlab.rotation;

import static nnlab.rotation.RotationSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.shard.WorkUnit;

/**
 * The rotation study's work units: model A (upright images) and model B (random rotations). Each
 * draws its weights, batch order and angles from the seed setting alone, so it trains the same
 * alone or after the other. A recorded unit holds its epoch losses and times, its predictions at
 * every evaluated angle, its loss-curve points and its metrics rows.
 */
final class RotationUnits {
    private RotationUnits() { }

    static String id(boolean augment) {
        return augment ? "model-B" : "model-A";
    }

    /** Both cost their epochs × training images (B's rotations are cheap next to training). */
    static List<WorkUnit> units(Config c) {
        double cost = (double) Math.max(1, c.getInt(EPOCHS)) * Math.max(1, c.getInt(TRAIN_SIZE));
        return List.of(new WorkUnit(id(false), cost), new WorkUnit(id(true), cost));
    }

    static Map<String, Object> result(RotationExperiment.ModelResult r, List<double[]> lossPoints, List<Map<String, Object>> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch_loss", r.epochLoss);
        m.put("epoch_seconds", r.epochSeconds);
        Map<String, int[]> predictions = new LinkedHashMap<>();
        r.predictions.forEach((angle, p) -> predictions.put(String.valueOf(angle), p));
        m.put("predictions", predictions);
        m.put("loss_points", lossPoints);
        m.put("metrics", rows);
        return m;
    }

    /** Fills {@code r} from a recorded unit, adds its loss points to the shared curves and its rows to metrics.csv. */
    @SuppressWarnings("unchecked")
    static void replay(Map<String, Object> m, RotationExperiment.ModelResult r, LineFigure.Builder lossCurves, RunContext ctx) {
        for (Object v : (List<Object>) m.get("epoch_loss")) r.epochLoss.add(((Number) v).doubleValue());
        for (Object v : (List<Object>) m.get("epoch_seconds")) r.epochSeconds.add(((Number) v).doubleValue());
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("predictions")).entrySet()) {
            List<Object> p = (List<Object>) e.getValue();
            int[] pred = new int[p.size()];
            for (int i = 0; i < pred.length; i++) pred[i] = ((Number) p.get(i)).intValue();
            r.predictions.put(Integer.parseInt(e.getKey()), pred);
        }
        for (Object point : (List<Object>) m.get("loss_points")) {
            List<Object> xy = (List<Object>) point;
            lossCurves.add(r.label, ((Number) xy.get(0)).doubleValue(), ((Number) xy.get(1)).doubleValue());
        }
        for (Object row : (List<Object>) m.get("metrics")) ctx.recordMetrics(new LinkedHashMap<>((Map<String, Object>) row));
    }

    static List<double[]> points() {
        return new ArrayList<>();
    }
}
