package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nnlab.kernel.NativeSetup;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** "Skips off" feeds zeros of the skip's shape, and nothing of the skip reaches (or trains) the decoder. */
class SkipsOffTest {

    @BeforeAll
    static void natives() {
        NativeSetup.initNow();
    }

    @Test
    void theZeroSkipHasTheSkipsShapeAndIsZero() {
        UNetModel.Spec spec = UNetGradientTest.tiny(false);
        ComputationGraph net = UNetModel.build(spec, DataType.FLOAT);
        INDArray[] xy = UNetGradientTest.data(spec, DataType.FLOAT, 2);
        Map<String, INDArray> acts = net.feedForward(xy[0], true);
        for (String[] pair : new String[][] {{"up1-zero-skip", "down2-relu"}, {"up2-zero-skip", "down1-relu"}}) {
            INDArray zero = acts.get(pair[0]);
            INDArray skip = acts.get(pair[1]);
            assertArrayEquals(skip.shape(), zero.shape(), pair[0]);
            assertTrue(skip.amaxNumber().doubleValue() > 0, pair[1] + " carries something");
            assertEquals(0.0, zero.amaxNumber().doubleValue(), 0.0, pair[0] + " is not all zeros");
        }
    }

    /**
     * The Up convs' weights on the skip channels (after the transposed conv's channels in the
     * concatenation) get exactly zero gradient without skips, and a non-zero one with them.
     */
    @Test
    void theSkipChannelsGetNoGradientWithoutSkips() {
        for (boolean skips : new boolean[] {true, false}) {
            UNetModel.Spec spec = UNetGradientTest.tiny(skips);
            ComputationGraph net = UNetModel.build(spec, DataType.FLOAT);
            INDArray[] xy = UNetGradientTest.data(spec, DataType.FLOAT, 3);
            net.setInputs(xy[0]);
            net.setLabels(xy[1]);
            net.computeGradientAndScore();
            for (String[] up : new String[][] {{"up1-conv", String.valueOf(spec.bottleneck())}, {"up2-conv", String.valueOf(spec.up1())}}) {
                INDArray g = net.gradient().getGradientFor(up[0] + "_W");
                long fromDeconv = Long.parseLong(up[1]);
                // DL4J conv weights are [out, in, kH, kW]
                INDArray onSkip = g.get(NDArrayIndex.all(), NDArrayIndex.interval(fromDeconv, g.size(1)), NDArrayIndex.all(), NDArrayIndex.all());
                INDArray onDeconv = g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, fromDeconv), NDArrayIndex.all(), NDArrayIndex.all());
                assertTrue(onDeconv.amaxNumber().doubleValue() > 0, up[0] + ": the upsampled channels train");
                double skipGrad = onSkip.amaxNumber().doubleValue();
                if (skips) assertTrue(skipGrad > 0, up[0] + ": with skips the skip channels train");
                else assertEquals(0.0, skipGrad, 0.0, up[0] + ": without skips the skip channels must get no gradient");
            }
        }
    }

    /** Same seed, same weights: the two models differ only in the zeros, so their gap is the skips' effect. */
    @Test
    void bothModelsStartFromTheSameWeights() {
        UNetModel.Spec spec = UNetGradientTest.tiny(true);
        ComputationGraph on = UNetModel.build(spec, DataType.FLOAT);
        ComputationGraph off = UNetModel.build(spec.withSkips(false), DataType.FLOAT);
        Map<String, INDArray> a = on.paramTable();
        Map<String, INDArray> b = off.paramTable();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertEquals(a.get(k), b.get(k), k + " differs between the models at the start");
    }
}
