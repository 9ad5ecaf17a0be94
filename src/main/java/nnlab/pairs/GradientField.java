package nnlab.pairs;

import java.util.List;
import nnlab.kernel.figure.ColorMap;
import nnlab.kernel.figure.HeatmapFigure;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Receptive fields measured from the network itself: the gradient of one unit at the centre of a
 * layer's map with respect to the input, by DL4J's own backpropagation through the first layers
 * ({@link PairNets#truncated}). Pixels where it is non-zero are the ones that can change the unit.
 */
public final class GradientField {
    private GradientField() { }

    /** The bounding box of the non-zero gradient; {@code filled} when every pixel inside it is non-zero too. */
    public record Region(int top, int left, int height, int width, boolean filled) {
        static final Region EMPTY = new Region(0, 0, 0, 0, true);
    }

    /**
     * ∂u/∂x for the unit u at the centre ((h − 1)/2, (w − 1)/2) of the network's output map: one
     * channel ({@code channel} ≥ 0) or the sum over all channels (−1). Returns [1, C, H, W].
     */
    public static INDArray inputGradient(MultiLayerNetwork net, INDArray input, int channel) {
        net.setInput(input);
        List<INDArray> acts = net.feedForward(true, false);
        INDArray out = acts.get(acts.size() - 1);
        INDArray eps = Nd4j.zeros(out.dataType(), out.shape());
        long hc = (out.size(2) - 1) / 2;
        long wc = (out.size(3) - 1) / 2;
        for (long c = 0; c < out.size(1); c++) {
            if (channel < 0 || c == channel) eps.putScalar(new long[] {0, c, hc, wc}, 1.0);
        }
        Pair<Gradient, INDArray> g = net.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces());
        INDArray dx = g.getSecond().dup();
        net.clear();
        return dx;
    }

    /** |gradient| summed over the input channels: [H][W]. */
    public static double[][] magnitude(INDArray grad) {
        int c = (int) grad.size(1);
        int h = (int) grad.size(2);
        int w = (int) grad.size(3);
        double[] v = grad.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] out = new double[h][w];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) out[y][x] += Math.abs(v[(ch * h + y) * w + x]);
            }
        }
        return out;
    }

    public static Region region(double[][] magnitude) {
        int top = Integer.MAX_VALUE, left = Integer.MAX_VALUE, bottom = -1, right = -1;
        for (int y = 0; y < magnitude.length; y++) {
            for (int x = 0; x < magnitude[y].length; x++) {
                if (magnitude[y][x] == 0) continue;
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                left = Math.min(left, x);
                right = Math.max(right, x);
            }
        }
        if (bottom < 0) return Region.EMPTY;
        boolean filled = true;
        for (int y = top; y <= bottom && filled; y++) {
            for (int x = left; x <= right; x++) {
                if (magnitude[y][x] == 0) {
                    filled = false;
                    break;
                }
            }
        }
        return new Region(top, left, bottom - top + 1, right - left + 1, filled);
    }

    /** The probe's field of the centre unit after {@code layers} layers on an input of the given size. */
    public static Region probeRegion(MultiLayerNetwork trained, PairNets.Architecture a, PairModel m, int layers, int height,
                                     int width) {
        return region(magnitude(probeGradient(trained, a, m, layers, height, width)));
    }

    public static INDArray probeGradient(MultiLayerNetwork trained, PairNets.Architecture a, PairModel m, int layers, int height,
                                         int width) {
        MultiLayerNetwork probe = PairNets.truncated(trained, a, m, layers, height, width, true);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 1, m.channels(), height, width);
        return inputGradient(probe, ones, 0);
    }

    /**
     * The full field, measured on an input large enough that no border clips it: twice the
     * arithmetic field plus a margin, rounded up to a multiple of the layers' total stride.
     */
    public static Region fullField(MultiLayerNetwork trained, PairNets.Architecture a, PairModel m, int layers) {
        ReceptiveField.Step step = ReceptiveField.steps(a.layers().subList(0, layers)).get(layers - 1);
        int jump = step.jump();
        int size = jump * (int) Math.ceil((2.0 * step.size() + 4.0 * jump + 8) / jump);
        return probeRegion(trained, a, m, layers, size, size);
    }

    /**
     * A per-pixel map of one model's input as a heatmap over the pair: CNN's stacked 2h×w as is,
     * CNNChannel's two channels side by side with a grey (NaN) column between them.
     */
    public static double[][] overPair(INDArray grad, PairModel m) {
        if (m == PairModel.CNN) return magnitude(grad);
        int h = (int) grad.size(2);
        int w = (int) grad.size(3);
        double[] v = grad.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] out = new double[h][2 * w + 1];
        for (int y = 0; y < h; y++) {
            out[y][w] = Double.NaN;
            for (int x = 0; x < w; x++) {
                out[y][x] = Math.abs(v[y * w + x]);
                out[y][w + 1 + x] = Math.abs(v[(h + y) * w + x]);
            }
        }
        return out;
    }

    /** Values scaled to [0, 1] of the largest; with {@code logScale}, non-zero values on a 6-decade log scale from 0.15 up. */
    public static double[][] normalised(double[][] values, boolean logScale) {
        double max = 0;
        for (double[] row : values) for (double v : row) if (Double.isFinite(v)) max = Math.max(max, v);
        double[][] out = new double[values.length][];
        for (int y = 0; y < values.length; y++) {
            out[y] = new double[values[y].length];
            for (int x = 0; x < values[y].length; x++) {
                double v = values[y][x];
                if (!Double.isFinite(v) || max == 0) out[y][x] = v;
                else if (!logScale) out[y][x] = v / max;
                else out[y][x] = v == 0 ? 0 : 0.15 + 0.85 * Math.max(0, 1 + Math.log10(v / max) / 6);
            }
        }
        return out;
    }

    public static HeatmapFigure heatmap(String title, double[][] values, PairModel m) {
        String x = m == PairModel.CNN ? "input column (px)" : "input column (px): channel 1 | channel 2";
        String y = m == PairModel.CNN ? "input row (px): top image 0–27, bottom image 28–55" : "input row (px)";
        return new HeatmapFigure(title, x, y, values, ColorMap.MAGMA);
    }
}
