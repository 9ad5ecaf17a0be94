package nnlab.padding;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A parameter-free DL4J layer that applies reflect, replicate or circular padding to NCHW
 * activations. DL4J has layers for zero padding only; this one lets any padding mode sit in
 * front of an unpadded ConvolutionLayer, with gradients from SameDiff's autodiff.
 */
public class PaddingLayer extends SameDiffLambdaLayer {
    // Fields, not final, and a no-arg constructor: DL4J clones and serialises layer configs with Jackson.
    private PaddingMode.Kind kind;
    private int amount;
    private long height;
    private long width;

    public PaddingLayer() { }

    public PaddingLayer(PaddingMode.Kind kind, int amount, long height, long width) {
        this.kind = kind;
        this.amount = amount;
        this.height = height;
        this.width = width;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input) {
        return SpatialPadding.pad(sd, input, kind, amount, height, width);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional in = (InputType.InputTypeConvolutional) inputType;
        if (in.getHeight() != height || in.getWidth() != width) {
            throw new IllegalStateException("padding layer " + layerIndex + " was built for " + height + "×" + width
                    + " but receives " + in.getHeight() + "×" + in.getWidth());
        }
        return InputType.convolutional(height + 2L * amount, width + 2L * amount, in.getChannels());
    }

    public PaddingMode.Kind getKind() { return kind; }
    public int getAmount() { return amount; }
    public long getHeight() { return height; }
    public long getWidth() { return width; }
}
