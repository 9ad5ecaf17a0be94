package nnlab.gnn;

import static nnlab.gnn.GnnSettings.*;

import java.util.ArrayList;
import java.util.List;
import nnlab.kernel.config.Config;
import nnlab.kernel.train.EpochResult;
import nnlab.kernel.train.ProgressSink;
import nnlab.kernel.train.TrainingListener;
import nnlab.kernel.train.TrainingLoop;
import nnlab.kernel.train.TrainingOptions;
import nnlab.kernel.train.TrainingOutcome;

/** Builds and trains one model for one seed on a prepared graph, as the (preset-applied) config says. */
final class GnnStudy {
    private GnnStudy() { }

    /**
     * @param epochs          epochs trained (fewer than the maximum after an early stop)
     * @param bestEpoch       the epoch whose weights were kept (the last one without early stopping)
     * @param secondsPerEpoch mean over trained epochs of one training step plus one evaluation pass
     */
    record SeedResult(String model, long seed, int epochs, int bestEpoch, double trainAccuracy, double valAccuracy,
                      double testAccuracy, double valLoss, double secondsPerEpoch) { }

    /** A trained model and what it scored; the model is kept for the views that look inside it. */
    record Trained(SeedResult result, GnnModel model, GnnModel.Pass evaluation) { }

    static GnnModel build(String model, GnnData.Input in, Config c, long seed) {
        int classes = in.graph().classes();
        if (model.equals(GCN)) {
            return new Gcn(in.features(), in.aHat(), classes, new Gcn.Architecture(c.getInt(GCN_HIDDEN), c.getDouble(GCN_DROPOUT),
                    c.getBoolean(GCN_DECAY_ALL)), seed);
        }
        return new Gat(in.features(), in.neighbourhoods(), classes, new Gat.Architecture(c.getInt(GAT_HEADS), c.getInt(GAT_HIDDEN),
                c.getInt(GAT_OUT_HEADS), c.getDouble(GAT_INPUT_DROPOUT), c.getDouble(GAT_ATTENTION_DROPOUT), c.getDouble(GAT_SLOPE)), seed);
    }

    static int maxEpochs(String model, Config c) {
        return model.equals(GCN) ? c.getInt(GCN_EPOCHS) : c.getInt(GAT_EPOCHS);
    }

    static Trained train(String model, GnnData.Input in, Config c, long seed, TrainingListener<FullBatchTraining.Evaluation> listener,
                         Runnable cancel, ProgressSink progress) {
        GnnModel m = build(model, in, c, seed);
        boolean gcn = model.equals(GCN);
        FullBatchTraining t = new FullBatchTraining(m, in.graph(), gcn ? c.getDouble(GCN_LR) : c.getDouble(GAT_LR),
                gcn ? c.getDouble(GCN_WEIGHT_DECAY) : c.getDouble(GAT_WEIGHT_DECAY));
        TrainingOptions options = TrainingOptions.epochs(maxEpochs(model, c)).validateBeforeTraining().where("at " + model + " seed " + seed)
                .cancel(cancel).progressPerEpoch(progress);
        if (!gcn && c.getInt(GAT_PATIENCE) > 0) options = options.earlyStopping(c.getInt(GAT_PATIENCE)).keepBestWeights();
        TrainingOutcome<FullBatchTraining.Evaluation> outcome = TrainingLoop.run(t, options, listener);
        double seconds = 0;
        int trained = 0;
        for (EpochResult<FullBatchTraining.Evaluation> e : outcome.epochs()) {
            if (e.epoch() == 0) continue;
            seconds += e.seconds();
            trained++;
        }
        GnnModel.Pass pass = m.forward(false);
        FullBatchTraining.Evaluation ev = t.evaluate(pass);
        int best = options.keepsBestWeights() ? outcome.bestEpoch() : outcome.epochsRun();
        return new Trained(new SeedResult(model, seed, outcome.epochsRun(), best, ev.trainAccuracy(), ev.valAccuracy(), ev.testAccuracy(),
                ev.valLoss(), trained == 0 ? 0 : seconds / trained), m, pass);
    }

    /** Mean and sample std (n − 1; 0 for one value). */
    record MeanStd(double mean, double std) {
        static MeanStd of(List<Double> v) {
            double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) ss += (x - m) * (x - m);
            return new MeanStd(m, v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0);
        }
    }

    static List<Double> test(List<SeedResult> rs) {
        List<Double> out = new ArrayList<>();
        for (SeedResult r : rs) out.add(r.testAccuracy());
        return out;
    }
}
