package nnlab.padding;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a parameter-free DL4J layer that pads NCHW activations by copying input
 * values (reflect, replicate or circular), for an unpadded ConvolutionLayer to follow. DL4J only
 * ships zero padding; ND4J's pad op has a wrong gradient for REFLECT (PLATFORM-FACTS.md), so the
 * forward copy and its exact adjoint live in {@link BorderPaddingImpl}.
 */
public class BorderPadding extends NoParamLayer {
    // Mutable fields and a no-arg constructor: DL4J clones layer configs through Jackson.
    private PaddingMode.Kind kind;
    private int amount;

    public BorderPadding() { }

    public BorderPadding(PaddingMode.Kind kind, int amount) {
        if (kind == PaddingMode.Kind.ZERO) throw new IllegalArgumentException("zero padding belongs to the conv layer");
        this.kind = kind;
        this.amount = amount;
    }

    public PaddingMode.Kind getKind() { return kind; }
    public void setKind(PaddingMode.Kind kind) { this.kind = kind; }
    public int getAmount() { return amount; }
    public void setAmount(int amount) { this.amount = amount; }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        BorderPaddingImpl layer = new BorderPaddingImpl(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional)) {
            throw new IllegalStateException("border padding (layer " + layerIndex + ") needs convolutional input, got " + inputType);
        }
        InputType.InputTypeConvolutional in = (InputType.InputTypeConvolutional) inputType;
        if (kind == PaddingMode.Kind.REFLECT && (in.getHeight() <= amount || in.getWidth() <= amount)) {
            throw new IllegalStateException("reflect padding " + amount + " needs feature maps larger than " + amount
                    + " px, got " + in.getHeight() + "×" + in.getWidth() + " at layer " + layerIndex);
        }
        return InputType.convolutional(in.getHeight() + 2L * amount, in.getWidth() + 2L * amount, in.getChannels());
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreProcessorForInputTypeCnnLayers(inputType, getLayerName());
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(getLayerName(), BorderPadding.class, inputType, out)
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }
}
