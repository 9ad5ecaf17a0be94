package nnlab.kernel.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import nnlab.kernel.run.ModelSummary;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** {@link ModelSummary ModelSummaries} made from built DL4J networks, the way {@code MultiLayerNetwork.summary(InputType)} walks them. */
public final class ModelSummaries {
    private ModelSummaries() { }

    /** Every layer of the network with the output shape of one example of this input type and its parameter count. */
    public static ModelSummary of(String name, MultiLayerNetwork net, InputType input) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<ModelSummary.Layer> rows = new ArrayList<>();
        InputType type = input;
        for (int i = 0; i < net.getnLayers(); i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) type = pre.getOutputType(type);
            org.deeplearning4j.nn.conf.layers.Layer layerConf = conf.getConf(i).getLayer();
            type = layerConf.getOutputType(i, type);
            Layer layer = net.getLayer(i);
            String layerName = layerConf.getLayerName() == null ? "layer " + i : layerConf.getLayerName();
            rows.add(new ModelSummary.Layer(layerName, describe(layerConf), shape(type), layer.numParams()));
        }
        return new ModelSummary(name, rows, "");
    }

    /** "ConvolutionLayer" → "Convolution 5×5, stride 1, ReLU"-like text: the class name plus what distinguishes it. */
    static String describe(org.deeplearning4j.nn.conf.layers.Layer l) {
        String type = l.getClass().getSimpleName().replaceAll("Layer$", "");
        if (type.isEmpty()) type = l.getClass().getSimpleName();
        StringBuilder sb = new StringBuilder(type);
        if (l instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer c) {
            sb.append(' ').append(c.getKernelSize()[0]).append('×').append(c.getKernelSize()[1])
                    .append(", stride ").append(c.getStride()[0]);
            if (c.getPadding()[0] > 0) sb.append(", zero pad ").append(c.getPadding()[0]);
        } else if (l instanceof org.deeplearning4j.nn.conf.layers.SubsamplingLayer s) {
            sb.append(' ').append(s.getPoolingType()).append(' ').append(s.getKernelSize()[0]).append('×').append(s.getKernelSize()[1]);
        } else if (l instanceof org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer g) {
            sb.append(' ').append(g.getPoolingType());
        }
        if (l instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b && b.getActivationFn() != null) {
            sb.append(", ").append(b.getActivationFn().toString().replace("()", ""));
        }
        return sb.toString();
    }

    /** One example's output: "16 × 30 × 30" (channels × height × width), "10". */
    static String shape(InputType type) {
        long[] s = type.getShape(false);
        return LongStream.of(s).mapToObj(Long::toString).collect(Collectors.joining(" × "));
    }
}
