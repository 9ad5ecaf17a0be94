package nnlab.pairs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnlab.kernel.figure.LineFigure;

/**
 * Receptive fields from layer arithmetic: a layer of kernel k, stride s and dilation d widens the
 * field by d(k − 1) steps of the input distance between neighbouring units (the jump), and
 * multiplies that jump by s. For n stride-1 layers this is the closed form 1 + n·d(k − 1).
 */
public final class ReceptiveField {
    private ReceptiveField() { }

    /** One layer as the arithmetic sees it (a max-pool 2 is kernel 2, stride 2). */
    public record Layer(String name, int kernel, int stride, int dilation) {
        public Layer {
            if (kernel < 1 || stride < 1 || dilation < 1) {
                throw new IllegalArgumentException(name + ": kernel, stride and dilation must be ≥ 1");
            }
        }
    }

    /** After a layer: its units see {@code size} input pixels per axis, {@code jump} pixels apart. */
    public record Step(String name, int size, int jump) { }

    public static List<Step> steps(List<Layer> layers) {
        List<Step> out = new ArrayList<>();
        long size = 1;
        long jump = 1;
        for (Layer l : layers) {
            size += (long) l.dilation() * (l.kernel() - 1) * jump;
            jump *= l.stride();
            out.add(new Step(l.name(), Math.toIntExact(size), Math.toIntExact(jump)));
        }
        return out;
    }

    /** The field of n stacked stride-1 layers: 1 + n·d(k − 1). */
    public static int strideOneClosedForm(int n, int kernel, int dilation) {
        return 1 + n * dilation * (kernel - 1);
    }

    /** n identical layers, named "layer 1" … "layer n". */
    public static List<Layer> uniform(int n, int kernel, int stride, int dilation) {
        List<Layer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(new Layer("layer " + i, kernel, stride, dilation));
        return out;
    }

    /** The calculator's figure: the field after each of n layers, beside the stride-1 closed form. */
    public static LineFigure calculator(int n, int kernel, int stride, int dilation) {
        List<Step> steps = steps(uniform(n, kernel, stride, dilation));
        double[] x = new double[n + 1];
        double[] field = new double[n + 1];
        double[] closed = new double[n + 1];
        field[0] = 1;
        closed[0] = 1;
        for (int i = 1; i <= n; i++) {
            x[i] = i;
            field[i] = steps.get(i - 1).size();
            closed[i] = strideOneClosedForm(i, kernel, dilation);
        }
        String d = dilation == 1 ? "" : "·" + dilation;
        List<LineFigure.Series> series = new ArrayList<>();
        series.add(new LineFigure.Series(String.format(Locale.ROOT, "kernel %d, stride %d, dilation %d", kernel, stride, dilation), x,
                field));
        series.add(new LineFigure.Series("if stride 1: 1 + n" + d + "(k − 1)", x, closed));
        // Short enough not to be cut: k, s and d are in the legend.
        String title = String.format(Locale.ROOT, "Receptive field: %d px after %d layers; 1 + %d%s(%d − 1) = %d", steps.get(n - 1).size(), n,
                n, d, kernel, strideOneClosedForm(n, kernel, dilation));
        return new LineFigure(title, "layers n", "receptive field (px per axis)", series, false);
    }
}
