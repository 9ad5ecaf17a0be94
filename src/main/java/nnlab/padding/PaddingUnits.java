package nnlab.padding;

import static nnlab.padding.PaddingSettings.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.shard.WorkUnit;

/**
 * The padding study's work units: one round of one variant (net × padding × data protocol). A
 * round's seeds come from the settings alone (model seed + round, the protocol's data seed), so
 * it trains the same wherever it runs; its recorded result is its {@link VariantTrainer.RoundResult}
 * and its metrics rows.
 */
final class PaddingUnits {
    private PaddingUnits() { }

    /** E.g. "Net1/fconv/round-3", or "Net1/fconv/per-round/round-3" for a varying data protocol; rounds counted from 1. */
    static String id(VariantResult v, int round) {
        return v.net + "/" + v.mode.id() + (v.protocol == DataProtocol.FIXED ? "" : "/" + v.protocol.id()) + "/round-" + (round + 1);
    }

    /** Variant-major, rounds in order; each costs its epoch budget × training images (an early stop only makes it cheaper). */
    static List<WorkUnit> units(Config c) {
        double cost = (double) c.getInt(EPOCHS) * c.getInt(TRAIN_SIZE);
        List<WorkUnit> units = new ArrayList<>();
        for (VariantResult v : ResultsView.variants(c)) {
            for (int round = 0; round < c.getInt(ROUNDS); round++) units.add(new WorkUnit(id(v, round), cost));
        }
        return units;
    }

    static Map<String, Object> result(VariantTrainer.RoundResult r, List<Map<String, Object>> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("val_acc", r.lastValAccuracy());
        m.put("test_acc", r.testAccuracy());
        // JSON has no infinity: a round without a finished epoch keeps its loss as text.
        m.put("best_val_loss", Double.isFinite(r.bestValLoss()) ? r.bestValLoss() : String.valueOf(r.bestValLoss()));
        m.put("epochs_run", r.epochsRun());
        m.put("seconds", r.seconds());
        m.put("metrics", metrics);
        return m;
    }

    static VariantTrainer.RoundResult roundResult(Map<String, Object> m) {
        return new VariantTrainer.RoundResult(number(m.get("val_acc")), number(m.get("test_acc")), number(m.get("best_val_loss")),
                (int) number(m.get("epochs_run")), number(m.get("seconds")));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> metrics(Map<String, Object> m) {
        Object rows = m.get("metrics");
        return rows == null ? List.of() : (List<Map<String, Object>>) rows;
    }

    /** The round's loss figure as its last epoch drew it, rebuilt from its metrics rows. */
    static LineFigure lossFigure(String where, List<Map<String, Object>> rows) {
        LineFigure.Builder curves = new LineFigure.Builder();
        for (Map<String, Object> row : rows) {
            double epoch = number(row.get("epoch"));
            curves.add("train loss", epoch, number(row.get("train_loss"))).add("validation loss", epoch, number(row.get("val_loss")));
        }
        return curves.build("Loss — " + where, "epoch", "cross-entropy", false);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(o));
    }
}
