package nnlab.pairs;

import static nnlab.pairs.PairsSettings.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.kernel.config.Config;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.run.RunContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The receptive-field views of a run: the table, the region heatmap, the calculator and the trained model's gradient. */
public final class ReceptiveFieldViews {
    private ReceptiveFieldViews() { }

    /** Every layer of both models, measured with the probe (no training needed), and the calculator; returns the table's rows. */
    static List<PairsViews.FieldRow> publishStructure(RunContext ctx, Config c, PairNets.Architecture a, PairModel chosen, String layer,
                                                      long seed) {
        List<PairsViews.FieldRow> rows = fieldRows(a, seed);
        ctx.table(PairsExperiment.FIELD_TABLE, PairsExperiment.FIELD_TABLE.title() + " (centre unit of each layer's map)",
                PairsViews.FIELD_COLUMNS, PairsViews.fieldRows(rows, layer, chosen), Map.of());
        ctx.figure(PairsExperiment.FIELD_REGION_FIGURE, regionFigure(a, chosen, layer, seed));
        ctx.figure(PairsExperiment.CALCULATOR_FIGURE, calculator(c));
        for (PairsViews.FieldRow r : rows) {
            if (r.arithmetic() != r.measured().height() || r.arithmetic() != r.measured().width()) {
                ctx.log("receptive field of " + r.model().label() + " " + r.layer() + ": gradients give " + r.measured().height() + "×"
                        + r.measured().width() + " px, the arithmetic " + r.arithmetic() + " px");
            }
        }
        return rows;
    }

    public static nnlab.kernel.figure.LineFigure calculator(Config c) {
        return ReceptiveField.calculator(c.getInt(CALC_LAYERS), c.getInt(CALC_KERNEL), c.getInt(CALC_STRIDE), c.getInt(CALC_DILATION));
    }

    /** The settings' chosen model and layer: the probe's gradient over the model's own input, measured and arithmetic sizes in the title. */
    public static HeatmapFigure regionFigure(Config c) {
        return regionFigure(PairNets.architecture(c), PairModel.of(c.getString(RF_MODEL)), c.getString(RF_LAYER), c.getInt(SEED));
    }

    static HeatmapFigure regionFigure(PairNets.Architecture a, PairModel chosen, String layer, long seed) {
        int layers = PairNets.LAYER_NAMES.indexOf(layer) + 1;
        MultiLayerNetwork net = PairNets.build(a, chosen, seed);
        int h = chosen.inputHeight(a.imageHeight());
        INDArray grad = GradientField.probeGradient(net, a, chosen, layers, h, a.imageWidth());
        GradientField.Region inPair = GradientField.region(GradientField.magnitude(grad));
        GradientField.Region full = GradientField.fullField(net, a, chosen, layers);
        int arithmetic = ReceptiveField.steps(a.layers()).get(layers - 1).size();
        String title = String.format(Locale.ROOT, "%s %s, centre unit: pixels that can change it (by gradients: %d×%d px in full, "
                        + "%d×%d within the input; layer arithmetic: %d px); log colour scale, black = no influence", chosen.label(), layer,
                full.height(), full.width(), inPair.height(), inPair.width(), arithmetic);
        return GradientField.heatmap(title, GradientField.normalised(GradientField.overPair(grad, chosen), true), chosen);
    }

    static List<PairsViews.FieldRow> fieldRows(PairNets.Architecture a, long seed) {
        List<ReceptiveField.Step> steps = ReceptiveField.steps(a.layers());
        List<PairsViews.FieldRow> rows = new ArrayList<>();
        for (PairModel m : PairModel.values()) {
            MultiLayerNetwork net = PairNets.build(a, m, seed);
            int[][] maps = a.mapSizes(m);
            for (int i = 0; i < PairNets.LAYER_NAMES.size(); i++) {
                GradientField.Region full = GradientField.fullField(net, a, m, i + 1);
                GradientField.Region inPair = GradientField.probeRegion(net, a, m, i + 1, m.inputHeight(a.imageHeight()), a.imageWidth());
                rows.add(new PairsViews.FieldRow(m, PairNets.LAYER_NAMES.get(i), maps[i + 1], steps.get(i).jump(), steps.get(i).size(), full,
                        inPair));
            }
        }
        return rows;
    }

    /** |∂u/∂x| of the trained model's centre unit (summed over the layer's channels) on one test pair, as its figure draws it (before normalising). */
    record TrainedGradient(String title, double[][] map) { }

    static TrainedGradient trainedGradient(PairNets.Architecture a, PairModel m, String layer, MultiLayerNetwork trained,
                                           PairData.PairSet test, int pair) {
        int layers = PairNets.LAYER_NAMES.indexOf(layer) + 1;
        MultiLayerNetwork trunc = PairNets.truncated(trained, a, m, layers, m.inputHeight(a.imageHeight()), a.imageWidth(), false);
        INDArray grad = GradientField.inputGradient(trunc, test.features(new int[] {pair}, m), -1);
        double[][] map = GradientField.overPair(grad, m);
        GradientField.Region r = GradientField.region(GradientField.magnitude(grad));
        String kind = test.labels()[pair] == 1 ? "same pair" : "different";
        String title = String.format(Locale.ROOT, "%s %s (trained, first seed), centre unit summed over channels, test pair #%d (%s): "
                + "|∂u/∂x| non-zero within %d×%d px; max-pools and ReLUs pass only part of the field", m.label(), layer, pair, kind,
                r.height(), r.width());
        return new TrainedGradient(title, map);
    }

    /** The figure of a gradient measured here or replayed from a part; nothing when no process trained the model's first seed. */
    static void publishTrainedGradient(RunContext ctx, PairModel m, TrainedGradient g) {
        if (g == null) return;
        ctx.figure(PairsExperiment.FIELD_GRADIENT_FIGURE, GradientField.heatmap(g.title(), GradientField.normalised(g.map(), false), m));
    }
}
