package nnlab.pairs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.figure.BarFigure;
import nnlab.kernel.figure.ImageGridFigure;
import nnlab.kernel.figure.LineFigure;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The study's tables and figures, built from plain results (no events here). */
final class PairsViews {
    static final List<String> PARAMETER_COLUMNS = List.of("Model", "Input (C×H×W)", "Conv parameters", "Linear parameters",
            "Parameters (numParams)");
    static final List<String> TEST_COLUMNS = List.of("Model", "Parameters", "Seeds", "Positive pairs %", "Negative pairs %",
            "Overall %", "Best epoch", "s/epoch");
    static final List<String> FIELD_COLUMNS = List.of("Model", "Layer", "Output map (H×W)", "Jump (px)", "Layer arithmetic (px)",
            "Measured by gradients (H×W px)", "Within the pair input (rows × cols)");

    private PairsViews() { }

    /** One receptive-field row: a layer's field by arithmetic and as measured, unclipped and within the model's own input. */
    record FieldRow(PairModel model, String layer, int[] map, int jump, int arithmetic, GradientField.Region measured,
                    GradientField.Region inPair) { }

    static List<String> parameterRow(PairModel m, MultiLayerNetwork net, PairNets.Architecture a) {
        long conv = 0;
        for (int i = 0; i < PairNets.LAYER_NAMES.size(); i++) conv += net.getLayer(i).numParams();
        return List.of(m.label(), m.inputShape(a.imageHeight(), a.imageWidth()), String.valueOf(conv),
                String.valueOf(net.numParams() - conv), String.valueOf(net.numParams()));
    }

    static String meanStd(List<Double> xs) {
        if (xs.isEmpty()) return "–";
        return String.format(Locale.ROOT, "%.1f ± %.1f", ModelRuns.mean(xs), ModelRuns.std(xs));
    }

    static List<List<String>> testRows(List<ModelRuns> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelRuns r : runs) {
            List<PairTraining.PairScores> s = r.testScores();
            rows.add(List.of(r.model.label(), String.valueOf(r.parameters), String.valueOf(s.size()),
                    meanStd(s.stream().map(PairTraining.PairScores::positiveAccuracy).toList()),
                    meanStd(s.stream().map(PairTraining.PairScores::negativeAccuracy).toList()),
                    meanStd(s.stream().map(PairTraining.PairScores::accuracy).toList()),
                    r.bestEpochs().toString(), Double.isNaN(r.secondsPerEpoch()) ? "–" : String.format(Locale.ROOT, "%.2f", r.secondsPerEpoch())));
        }
        return rows;
    }

    /** Bars per kind of pair (positive, negative, overall), one per model, with ± std over seeds. */
    static BarFigure testBars(List<ModelRuns> runs) {
        List<String> kinds = List.of("positive pairs", "negative pairs", "overall");
        double[][] values = new double[runs.size()][3];
        double[][] errors = new double[runs.size()][3];
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < runs.size(); g++) {
            ModelRuns r = runs.get(g);
            groups.add(r.model.label() + " (" + r.parameters + " parameters)");
            List<PairTraining.PairScores> s = r.testScores();
            List<List<Double>> byKind = List.of(s.stream().map(PairTraining.PairScores::positiveAccuracy).toList(),
                    s.stream().map(PairTraining.PairScores::negativeAccuracy).toList(),
                    s.stream().map(PairTraining.PairScores::accuracy).toList());
            for (int k = 0; k < 3; k++) {
                values[g][k] = ModelRuns.mean(byKind.get(k));
                errors[g][k] = ModelRuns.std(byKind.get(k));
            }
        }
        return new BarFigure("Test accuracy (mean ± std over seeds)", "test accuracy (%)", kinds, groups, values, errors, 0, 100);
    }

    /** Up to {@code max} wrongly judged test pairs per model (its first seed), one row per model. */
    static ImageGridFigure wrongPairs(List<ModelRuns> runs, PairData.PairSet test, int max) {
        List<ImageGridFigure.Tile> tiles = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (ModelRuns r : runs) {
            int[] predicted = r.firstPredictions();
            if (predicted == null) continue;
            int wrong = 0;
            int shown = 0;
            for (int i = 0; i < test.size(); i++) {
                if (predicted[i] == test.labels()[i]) continue;
                wrong++;
                if (shown >= max) continue;
                shown++;
                String caption = "#" + i + (test.labels()[i] == 1 ? " is same" : " is diff.");
                tiles.add(new ImageGridFigure.Tile(caption, test.width(), 2 * test.height(), test.argb(i)));
            }
            // Keep one row per model even when it got fewer wrong than the row is wide.
            for (int k = shown; k < max && shown > 0; k++) {
                tiles.add(new ImageGridFigure.Tile("", test.width(), 2 * test.height(), new int[test.width() * 2 * test.height()]));
            }
            counts.add(r.model.label() + " " + wrong + " of " + test.size());
            if (shown > 0) rows.add(r.model.label());
        }
        return new ImageGridFigure("Test pairs judged wrong, a row per model (" + String.join(", ", rows) + "; first seed): " + String.join(", ", counts)
                + " wrong; caption = the truth, the model said the other", Math.max(1, max), tiles);
    }

    static List<List<String>> fieldRows(List<FieldRow> fields, String chosenLayer, PairModel chosenModel) {
        List<List<String>> rows = new ArrayList<>();
        for (FieldRow f : fields) {
            boolean chosen = f.layer().equals(chosenLayer) && f.model() == chosenModel;
            rows.add(List.of(f.model().label(), f.layer() + (chosen ? " ◀" : ""), f.map()[0] + "×" + f.map()[1], String.valueOf(f.jump()),
                    String.valueOf(f.arithmetic()), f.measured().height() + "×" + f.measured().width(),
                    f.inPair().height() + " × " + f.inPair().width() + " (rows " + f.inPair().top() + "–"
                            + (f.inPair().top() + f.inPair().height() - 1) + ")"));
        }
        return rows;
    }

    /** Mean over seeds per epoch: validation accuracy on positive and negative pairs, per model. */
    static LineFigure validationCurves(List<ModelRuns> runs) {
        List<LineFigure.Series> series = new ArrayList<>();
        for (ModelRuns r : runs) {
            for (String kind : List.of("positive", "negative")) {
                double[] y = r.meanCurve(kind);
                series.add(new LineFigure.Series(r.model.label() + " " + kind, epochs(y.length), y));
            }
        }
        return new LineFigure("Validation accuracy, mean over seeds", "epoch",
                "validation accuracy (%)", series, false);
    }

    static LineFigure lossCurves(List<ModelRuns> runs) {
        List<LineFigure.Series> series = new ArrayList<>();
        for (ModelRuns r : runs) {
            double[] y = r.meanCurve("loss");
            series.add(new LineFigure.Series(r.model.label(), epochs(y.length), y));
        }
        return new LineFigure("Training loss per epoch (mean over seeds)", "epoch", "cross-entropy", series, false);
    }

    private static double[] epochs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i + 1;
        return x;
    }

    static Map<String, Object> metricsRow(String model, int seed, int epoch, double trainLoss, PairTraining.PairScores v, double seconds) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", model);
        row.put("seed", seed);
        row.put("epoch", epoch);
        row.put("train_loss", trainLoss);
        row.put("val_loss", v.loss());
        row.put("val_acc", v.accuracy());
        row.put("val_positive_acc", v.positiveAccuracy());
        row.put("val_negative_acc", v.negativeAccuracy());
        row.put("seconds", seconds);
        return row;
    }
}
