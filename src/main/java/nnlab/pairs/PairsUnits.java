package nnlab.pairs;

import static nnlab.kernel.shard.RecordedValues.doubles;
import static nnlab.kernel.shard.RecordedValues.ints;
import static nnlab.kernel.shard.RecordedValues.matrix;
import static nnlab.kernel.shard.RecordedValues.number;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.shard.WorkUnit;

/**
 * The same-pair study's work units: one training per model and seed ({@code cnn/seed-0},
 * {@code cnnchannel/seed-1}, …), seed by seed in the models' order. A unit's weights and batch
 * order come from its seed alone and the pairs from the data seed, so it trains the same alone or
 * inside the whole study. A recorded unit holds what the study publishes of it: the loss chart's
 * points, every epoch's validation scores, the test scores and, for the first seed, its test
 * predictions (the wrong-pairs strip) and, for the receptive-field model, the trained gradient.
 */
final class PairsUnits {
    private PairsUnits() { }

    /** One epoch's metrics row. */
    record Epoch(int epoch, double trainLoss, PairTraining.PairScores validation, double seconds) { }

    /** A trained (or replayed) unit. {@code predicted} and {@code gradient} are null but for the first seed (and the field's model). */
    record Unit(PairModel model, int seed, List<double[]> lossPoints, List<Epoch> epochs, PairTraining.PairScores test, int bestEpoch,
                int[] predicted, ReceptiveFieldViews.TrainedGradient gradient) { }

    static String id(PairModel m, int seed) {
        return m.label().toLowerCase(Locale.ROOT) + "/seed-" + seed;
    }

    static List<WorkUnit> units(Config c) {
        List<WorkUnit> units = new ArrayList<>();
        for (int s = 0; s < c.getInt(PairsSettings.SEEDS); s++) {
            for (PairModel m : PairModel.values()) units.add(new WorkUnit(id(m, c.getInt(PairsSettings.SEED) + s), cost(m, c)));
        }
        return units;
    }

    /**
     * Epochs × training pairs (two per item) × the model's map area: CNN's stacked input is twice
     * CNNChannel's height, so after the first conv (the same work in both) every layer costs it about double.
     */
    static double cost(PairModel m, Config c) {
        return (double) c.getInt(PairsSettings.EPOCHS) * 2 * c.getInt(PairsSettings.TRAIN_ITEMS) * m.inputHeight(1);
    }

    static Map<String, Object> result(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", u.model().label());
        m.put("seed", u.seed());
        m.put("loss_points", u.lossPoints());
        List<double[]> rows = new ArrayList<>();
        for (Epoch e : u.epochs()) {
            PairTraining.PairScores v = e.validation();
            rows.add(new double[] {e.epoch(), e.trainLoss(), v.loss(), v.accuracy(), v.positiveAccuracy(), v.negativeAccuracy(), e.seconds()});
        }
        m.put("epoch_rows", rows);
        m.put("test", scores(u.test()));
        m.put("best_epoch", u.bestEpoch());
        if (u.predicted() != null) m.put("predicted", u.predicted());
        if (u.gradient() != null) {
            m.put("gradient_title", u.gradient().title());
            m.put("gradient", u.gradient().map());
        }
        return m;
    }

    private static double[] scores(PairTraining.PairScores s) {
        return new double[] {s.loss(), s.accuracy(), s.positiveAccuracy(), s.negativeAccuracy()};
    }

    @SuppressWarnings("unchecked")
    static Unit replay(Map<String, Object> m) {
        List<double[]> points = new ArrayList<>();
        for (Object p : (List<Object>) m.get("loss_points")) points.add(doubles(p));
        List<Epoch> epochs = new ArrayList<>();
        for (Object row : (List<Object>) m.get("epoch_rows")) {
            double[] v = doubles(row);
            epochs.add(new Epoch((int) v[0], v[1], new PairTraining.PairScores(v[2], v[3], v[4], v[5]), v[6]));
        }
        double[] t = doubles(m.get("test"));
        int[] predicted = m.get("predicted") == null ? null : ints(m.get("predicted"));
        ReceptiveFieldViews.TrainedGradient gradient = m.get("gradient") == null ? null
                : new ReceptiveFieldViews.TrainedGradient((String) m.get("gradient_title"), matrix(m.get("gradient")));
        return new Unit(PairModel.of((String) m.get("model")), ((Number) m.get("seed")).intValue(), points, epochs,
                new PairTraining.PairScores(t[0], t[1], t[2], t[3]), ((Number) m.get("best_epoch")).intValue(), predicted, gradient);
    }
}
