package nnlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A benchmark-only harness that times each layer's forward and backward call of a training
 * batch, and the whole {@code fit} of that batch, so that what the layers' maths costs and what
 * surrounds it (score, regularisation, updater, workspaces) can be told apart. DL4J's oneDNN
 * convolution computes backward-data and backward-weights in one call (conv2d_bp); their split
 * comes from oneDNN's own verbose timing (see docs/PERFORMANCE.md), not from here. The layers'
 * calls run without workspaces (each allocates its output), which costs more than in training.
 */
public final class LayerTimings {
    private LayerTimings() { }

    /** One layer: its name, counted forward FLOPs for the batch, and best seconds forward and backward. */
    public record Row(String layer, double forwardGflop, double forwardSeconds, double backwardSeconds) {
        /** Backward of a convolution or dense layer = backward-data + backward-weights ≈ 2 × forward FLOPs. */
        double backwardGflop() { return 2 * forwardGflop; }
    }

    public record Report(List<Row> layers, double fitSeconds, double layerSeconds) { }

    /** Times {@code repeats} forward + backward passes of every layer on {@code x}, best of each. */
    public static Report measure(MultiLayerNetwork net, INDArray x, INDArray y, int repeats) {
        for (int i = 0; i < 3; i++) net.fit(x, y);
        double fit = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            net.fit(x, y);
            fit = Math.min(fit, (System.nanoTime() - t0) / 1e9);
        }
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        List<INDArray> inputs = net.feedForward(x, true);
        List<Row> rows = new ArrayList<>();
        double sum = 0;
        int n = net.getnLayers();
        // The output layer's epsilon needs labels; the others take a gradient of their output's shape.
        for (int l = 0; l < n; l++) {
            Layer layer = net.getLayer(l);
            INDArray in = inputs.get(l);
            var preProcessor = net.getLayerWiseConfigurations().getInputPreProcess(l);
            if (preProcessor != null) in = preProcessor.preProcess(in, (int) in.size(0), mgr);
            INDArray out = inputs.get(l + 1);
            double fwd = Double.MAX_VALUE;
            double bwd = Double.MAX_VALUE;
            INDArray eps = l == n - 1 ? null : Nd4j.rand(out.dataType(), out.shape()).subi(0.5);
            for (int i = 0; i < repeats + 2; i++) {
                layer.setInput(in, mgr);
                if (l == n - 1) ((org.deeplearning4j.nn.api.layers.IOutputLayer) layer).setLabels(y);
                long t0 = System.nanoTime();
                layer.activate(true, mgr);
                long t1 = System.nanoTime();
                Pair<Gradient, INDArray> g = layer.backpropGradient(eps, mgr);
                long t2 = System.nanoTime();
                if (g.getSecond() != null) g.getSecond().sumNumber();
                if (i >= 2) {
                    fwd = Math.min(fwd, (t1 - t0) / 1e9);
                    bwd = Math.min(bwd, (t2 - t1) / 1e9);
                }
            }
            sum += fwd + bwd;
            rows.add(new Row(l + " " + describe(layer, in, out), flops(layer, in, out) / 1e9, fwd, bwd));
        }
        return new Report(rows, fit, sum);
    }

    private static String describe(Layer layer, INDArray in, INDArray out) {
        String type = layer.conf().getLayer().getClass().getSimpleName();
        return type + " " + shape(in) + "→" + shape(out);
    }

    private static String shape(INDArray a) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i < a.rank(); i++) s.append(i > 1 ? "×" : "").append(a.size(i));
        return s.toString();
    }

    /** Multiply-adds ×2 of a convolution or dense layer's forward pass for the whole batch; 0 for the others. */
    static double flops(Layer layer, INDArray in, INDArray out) {
        var conf = layer.conf().getLayer();
        if (conf instanceof ConvolutionLayer c) {
            int[] k = c.getKernelSize();
            return 2.0 * out.length() * in.size(1) * k[0] * k[1];
        }
        if (conf instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer && in.rank() == 2) {
            return 2.0 * in.length() * out.size(1);
        }
        if (conf instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer) {
            return 2.0 * in.length() * out.size(1);
        }
        return 0;
    }

    public static Map<String, Object> toJson(Report r, double peak) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> layers = new ArrayList<>();
        for (Row row : r.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("layer", row.layer());
            l.put("forward_ms", 1e3 * row.forwardSeconds());
            l.put("backward_ms", 1e3 * row.backwardSeconds());
            if (row.forwardGflop() > 0) {
                l.put("forward_gflops", row.forwardGflop() / row.forwardSeconds());
                l.put("backward_gflops", row.backwardGflop() / row.backwardSeconds());
                l.put("forward_fraction_of_peak", row.forwardGflop() / row.forwardSeconds() / peak);
                l.put("backward_fraction_of_peak", row.backwardGflop() / row.backwardSeconds() / peak);
            }
            layers.add(l);
        }
        m.put("layers", layers);
        m.put("fit_ms", 1e3 * r.fitSeconds());
        m.put("layers_ms", 1e3 * r.layerSeconds());
        return m;
    }

    public static void print(java.io.PrintStream out, String title, Report r, double peak) {
        out.println(title);
        out.printf(java.util.Locale.ROOT, "  %-44s %9s %9s %9s %9s%n", "layer", "fwd ms", "fwd GF/s", "bwd ms", "bwd GF/s");
        for (Row row : r.layers()) {
            boolean counted = row.forwardGflop() > 0;
            out.printf(java.util.Locale.ROOT, "  %-44s %9.2f %9s %9.2f %9s%n", row.layer(), 1e3 * row.forwardSeconds(),
                    counted ? String.format(java.util.Locale.ROOT, "%.1f", row.forwardGflop() / row.forwardSeconds()) : "",
                    1e3 * row.backwardSeconds(),
                    counted ? String.format(java.util.Locale.ROOT, "%.1f", row.backwardGflop() / row.backwardSeconds()) : "");
        }
        out.printf(java.util.Locale.ROOT, "  layers' calls %.1f ms of a batch's fit %.1f ms (the rest: score, regularisation, updater, workspaces); peak %.1f GFLOP/s%n",
                1e3 * r.layerSeconds(), 1e3 * r.fitSeconds(), peak);
    }
}
