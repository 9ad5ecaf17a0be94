package nnlab.unet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import nnlab.kernel.run.ModelSummary;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The model view of a built U-Net {@link ComputationGraph}: every vertex but the input, in the
 * graph's topological order, with the output shape of one canvas (from the configuration's
 * activation types) and the parameters DL4J holds for it. Walking the built graph, never a list
 * written by hand, keeps the view equal to what trains (the zero-skip vertices appear only
 * without skips).
 */
public final class UNetModelSummary {
    private UNetModelSummary() { }

    /** The two models of a config: with skips, then without. */
    static List<ModelSummary> both(UNetModel.Spec spec) {
        List<ModelSummary> out = new ArrayList<>();
        for (boolean skips : new boolean[] {true, false}) {
            ComputationGraph net = UNetModel.build(spec.withSkips(skips), org.nd4j.linalg.api.buffer.DataType.FLOAT);
            String name = "U-Net " + (skips ? UNetExperiment.WITH : UNetExperiment.WITHOUT);
            String note = "Per canvas of " + spec.height() + " × " + spec.width() + "; shapes are channels × height × width. "
                    + "The counts include BatchNorm's running mean and variance (2 per channel, updated by averaging, not by "
                    + "gradients), as DL4J's numParams() does."
                    + (skips ? "" : " The zero-skip vertices (0 · skip) have the skip's shape and no parameters: both models "
                    + "have the same weights.");
            out.add(of(name, net, InputType.convolutional(spec.height(), spec.width(), spec.inChannels()), note));
        }
        return out;
    }

    public static ModelSummary of(String name, ComputationGraph net, InputType input, String note) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        Map<String, InputType> types = conf.getLayerActivationTypes(input);
        Map<String, List<String>> inputsOf = conf.getVertexInputs();
        List<ModelSummary.Layer> rows = new ArrayList<>();
        org.deeplearning4j.nn.graph.vertex.GraphVertex[] vertices = net.getVertices();
        for (int index : net.topologicalSortOrder()) {
            org.deeplearning4j.nn.graph.vertex.GraphVertex v = vertices[index];
            String vertexName = v.getVertexName();
            if (conf.getNetworkInputs().contains(vertexName)) continue;
            long params = v.hasLayer() ? v.getLayer().numParams() : 0;
            rows.add(new ModelSummary.Layer(vertexName, describe(conf.getVertices().get(vertexName), inputsOf.get(vertexName)),
                    shape(types.get(vertexName)), params));
        }
        return new ModelSummary(name, rows, note);
    }

    /** E.g. "Convolution 3×3, stride 1, no bias", "Concatenate channels of up1-deconv, down2-relu". */
    static String describe(GraphVertex vertex, List<String> inputs) {
        String from = inputs == null ? "" : String.join(", ", inputs);
        if (vertex instanceof MergeVertex) return "Concatenate channels of " + from;
        if (vertex instanceof ScaleVertex s) {
            return s.getScaleFactor() == 0 ? "Zeros of the shape of " + from + " (0 · skip)" : "Scale " + s.getScaleFactor() + " · " + from;
        }
        if (!(vertex instanceof LayerVertex lv)) return vertex.getClass().getSimpleName();
        Layer l = lv.getLayerConf().getLayer();
        StringBuilder sb = new StringBuilder();
        if (l instanceof Deconvolution2D d) {
            sb.append("Transposed conv ").append(d.getKernelSize()[0]).append('×').append(d.getKernelSize()[1]).append(", stride ")
                    .append(d.getStride()[0]);
        } else if (l instanceof ConvolutionLayer c) {
            sb.append("Conv ").append(c.getKernelSize()[0]).append('×').append(c.getKernelSize()[1]).append(", stride ")
                    .append(c.getStride()[0]);
            // Same mode pads so the output keeps the input's size: pad 1 for a 3×3 kernel, as in the write-up.
            if (c.getConvolutionMode() == org.deeplearning4j.nn.conf.ConvolutionMode.Same && c.getKernelSize()[0] > 1) sb.append(", pad same");
            if (!c.hasBias()) sb.append(", no bias");
        } else if (l instanceof SubsamplingLayer s) {
            sb.append(s.getPoolingType().toString().toLowerCase(java.util.Locale.ROOT)).append("-pool ").append(s.getKernelSize()[0])
                    .append('×').append(s.getKernelSize()[1]).append(", stride ").append(s.getStride()[0]);
        } else if (l instanceof BatchNormalization) {
            sb.append("BatchNorm");
        } else {
            sb.append(l.getClass().getSimpleName().replaceAll("Layer$", ""));
        }
        if (l instanceof BaseLayer b && b.getActivationFn() != null && !(l instanceof BatchNormalization)) {
            String act = b.getActivationFn().toString().replace("()", "");
            if (!act.equalsIgnoreCase("identity")) sb.append(", ").append(act);
        }
        if (l instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a) {
            String act = a.getActivationFn().toString().replace("()", "");
            sb.setLength(0);
            sb.append(act.equalsIgnoreCase("relu") ? "ReLU" : "Activation " + act);
        }
        if (l instanceof org.deeplearning4j.nn.conf.layers.CnnLossLayer) sb.append(", per-pixel cross-entropy");
        return sb.toString();
    }

    /** One canvas's output: "64 × 64 × 84" (channels × height × width). */
    static String shape(InputType type) {
        if (type == null) return "?";
        return LongStream.of(type.getShape(false)).mapToObj(Long::toString).collect(Collectors.joining(" × "));
    }
}
