package nnlab.padding;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's convolution layer for the network's first convolution, whose gradient with respect to
 * its input (the images, or their border padding) nothing uses. DL4J's oneDNN backward pass
 * (libnd4j conv2d_bp) always computes that gradient: for 3 input channels it is most of the
 * layer's backward time (docs/PERFORMANCE.md). {@link FirstConvolutionImpl} computes the weight
 * gradient alone. Configuration, parameters and their initialisation are DL4J's own, so a
 * network built with this layer starts from the same seeded weights as with ConvolutionLayer.
 */
public class FirstConvolution extends ConvolutionLayer {

    /** For DL4J's Jackson (de)serialisation of configurations. */
    public FirstConvolution() { }

    private FirstConvolution(ConvolutionLayer.Builder builder) {
        super(builder);
    }

    /** The layer the builder describes; only NCHW, non-Same convolution modes. */
    public static FirstConvolution of(ConvolutionLayer.Builder builder) {
        ConvolutionLayer validated = builder.build();
        if (validated.getConvolutionMode() == ConvolutionMode.Same) {
            throw new IllegalArgumentException("first convolution: convolutionMode Same is not supported (use Truncate or Strict)");
        }
        if (validated.getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            throw new IllegalArgumentException("first convolution: only NCHW activations, not " + validated.getCnn2dDataFormat());
        }
        return new FirstConvolution(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FirstConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        FirstConvolutionImpl layer = new FirstConvolutionImpl(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
