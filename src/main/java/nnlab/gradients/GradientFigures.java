package nnlab.gradients;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.gradients.GradientChain.Activation;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.figure.NiceNumbers;

/** The gradients lab's figures, from measured data; titles and legends say what is bound and what is measured. */
final class GradientFigures {
    private GradientFigures() { }

    static String boundName(Activation act) {
        return act == Activation.SIGMOID ? "bound (¼·σ_max(W))^(n−1)" : "bound σ_max(W)^(n−1) (|" + act.id() + "'| ≤ 1)";
    }

    static LineFigure chain(GradientChain.Result r, GradientsSettings s) {
        double[] n = depths(r.depth());
        int inputs = r.logSigma().length;
        String what = r.activation() == Activation.RELU ? "product of the active W's" : "measured";
        List<LineFigure.Series> series = new ArrayList<>();
        series.add(new LineFigure.Series(what + ", median of " + inputs + " inputs", n, r.quantile(0.5)));
        if (inputs > 1) series.add(new LineFigure.Series(what + ", largest of " + inputs + " inputs", n, r.quantile(1)));
        series.add(new LineFigure.Series(boundName(r.activation()), n, r.logBound()));
        series.add(new LineFigure.Series("no activation: σ_max(W^(n−1))", n, r.logLinear()));
        String title = String.format(Locale.ROOT, "log₁₀ σ_max(∂x_n/∂x_1) · %s, %s W, σ_max(W) = %s",
                r.activation().id(), s.orthogonal() ? "orthogonal" : "Gaussian", NiceNumbers.format(round(r.sigmaMaxW())));
        return new LineFigure(title, "depth n (layers)", "log₁₀ σ_max (dimensionless)", series, false);
    }

    static LineFigure dead(GradientChain.Result r) {
        int depth = r.depth();
        double[] n = new double[Math.max(0, depth - 1)];
        double[] dead = new double[n.length];
        double[] zero = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = i + 2;
            dead[i] = r.deadPercent()[i + 1];
            zero[i] = r.zeroJacobianPercent()[i + 1];
        }
        int inputs = r.logSigma().length;
        return new LineFigure("Dead units and all-zero gradients ∂x_n/∂x_1 · " + r.activation().id(),
                "depth n (layers)", "share (%)", List.of(
                        new LineFigure.Series("units with act'(W x_(n−1)) = 0, % of units × " + inputs + " inputs", n, dead),
                        new LineFigure.Series("∂x_n/∂x_1 = 0 (a layer all dead), % of " + inputs + " inputs", n, zero)), false);
    }

    /**
     * Layer × epoch: log₁₀ of the mean ‖∂L/∂W_l‖_F over each epoch's batches; column 0 is the
     * untrained net (one batch). Row 0 is the output layer and the bottom row the first hidden
     * layer, so a vanishing gradient shows as the bottom rows going dark.
     */
    static HeatmapFigure heatmap(String variant, List<double[]> perEpoch, int layers) {
        double[][] v = new double[layers][perEpoch.size()];
        for (int e = 0; e < perEpoch.size(); e++) {
            for (int l = 0; l < layers; l++) v[layers - 1 - l][e] = Math.log10(perEpoch.get(e)[l]);
        }
        return new HeatmapFigure("log₁₀ ‖∂L/∂W_l‖ per layer and epoch · " + variant,
                "epoch (0 = before training)", "layers below the output (0: output, bottom: first hidden)", v, ColorMap.MAGMA);
    }

    /** The last epoch's gradient norm per layer, every variant on one axis. */
    static LineFigure profile(List<String> variants, List<double[]> lastNorms) {
        List<LineFigure.Series> series = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            double[] g = lastNorms.get(i);
            series.add(new LineFigure.Series(variants.get(i), depths(g.length), g));
        }
        return new LineFigure("‖∂L/∂W_l‖ per layer, mean over the last epoch",
                "layer l (1: first hidden, last: output)", "‖∂L/∂W_l‖_F (log scale)", series, true);
    }

    static LineFigure accuracy(List<String> variants, List<List<double[]>> curves) {
        List<LineFigure.Series> series = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            List<double[]> c = curves.get(i);
            double[] x = new double[c.size()], y = new double[c.size()];
            for (int j = 0; j < c.size(); j++) {
                x[j] = c.get(j)[0];
                y[j] = c.get(j)[1];
            }
            series.add(new LineFigure.Series(variants.get(i), x, y));
        }
        return new LineFigure("Test accuracy per epoch (epoch 0: untrained)", "epoch", "test accuracy (%)", series, false);
    }

    static double[] depths(int count) {
        double[] n = new double[count];
        for (int i = 0; i < count; i++) n[i] = i + 1;
        return n;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
    }
}
