package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.kernel.NativeSetup;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The U-Net's Down and Up blocks (conv + BatchNorm + ReLU, pooling, transposed conv, concat, the
 * zero skip) against finite differences in double precision, with DL4J's oneDNN helpers on and
 * off: BatchNorm's backward pass through the oneDNN helper has had bugs in DL4J. DL4J reads the
 * helper property whenever a layer is created, so each network gets the setting it was built with;
 * the test checks that the BatchNorm layers really have (or lack) the oneDNN helper.
 */
class UNetGradientTest {
    private String before;
    /** Asked once up front: NativeSetup.oneDnnAvailable() resets ND4J's default type to float. */
    private static boolean oneDnn;

    @BeforeAll
    static void natives() {
        NativeSetup.initNow();
        oneDnn = NativeSetup.oneDnnAvailable();
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(NativeSetup.HELPERS_DISABLE_PROPERTY);
        else System.setProperty(NativeSetup.HELPERS_DISABLE_PROPERTY, before);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    static UNetModel.Spec tiny(boolean skips) {
        return new UNetModel.Spec(1, 8, 12, 3, 3, 4, 3, 3, 2, 1e-3, skips, 7);
    }

    private ComputationGraph build(UNetModel.Spec spec, DataType type, boolean helpers) {
        before = System.getProperty(NativeSetup.HELPERS_DISABLE_PROPERTY);
        System.setProperty(NativeSetup.HELPERS_DISABLE_PROPERTY, String.valueOf(!helpers));
        ComputationGraph net = new ComputationGraph(UNetModel.configuration(spec, type, new NoOp()));
        net.init();
        for (String bn : new String[] {"down1-bn", "down2-bn", "bottleneck-bn", "up1-bn", "up2-bn"}) {
            Object helper = ((BatchNormalization) net.getLayer(bn)).getHelper();
            if (helpers && oneDnn) assertInstanceOf(MKLDNNBatchNormHelper.class, helper, bn + " has no oneDNN helper");
            if (!helpers) assertNull(helper, bn + " has a helper although helpers are off");
        }
        return net;
    }

    static INDArray[] data(UNetModel.Spec s, DataType type, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(type, 3, 1, s.height(), s.width());
        INDArray y = Nd4j.zeros(type, 3, s.classes(), s.height(), s.width());
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < s.height(); i++) {
                for (int j = 0; j < s.width(); j++) y.putScalar(new long[] {n, rnd.nextInt(s.classes()), i, j}, 1.0);
            }
        }
        return new INDArray[] {x, y};
    }

    /** Slow-ish: hundreds of double-precision forward passes, each paying JavaCPP's allocation checks. */
    @org.junit.jupiter.api.Tag("slow")
    @ParameterizedTest(name = "skips {0}, oneDNN helpers {1}")
    @CsvSource({"true, true", "true, false", "false, true", "false, false"})
    void gradientsMatchFiniteDifferences(boolean skips, boolean helpers) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        UNetModel.Spec spec = tiny(skips);
        ComputationGraph net = build(spec, DataType.DOUBLE, helpers);
        INDArray[] xy = data(spec, DataType.DOUBLE, 11);
        // BatchNorm's running mean and variance are parameters to DL4J but not learned by gradient: their
        // "gradient" carries the running-average update, and the training-mode forward pass ignores them.
        java.util.Set<String> runningStats = new java.util.HashSet<>();
        for (String key : net.paramTable().keySet()) {
            if (key.endsWith("_mean") || key.endsWith("_var") || key.endsWith("_log10stdev")) runningStats.add(key);
        }
        assertEquals(10, runningStats.size(), "two running statistics per BatchNorm layer: " + runningStats);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net).inputs(new INDArray[] {xy[0]})
                .labels(new INDArray[] {xy[1]}).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .excludeParams(runningStats)
                // Up to 6 entries of every parameter array: each block's conv, BN, deconv and head are all checked.
                .subset(true).maxPerParam(6));
        assertTrue(ok, "gradient check failed (skips " + skips + ", helpers " + helpers + ")");
    }

    /** The float path (where oneDNN really computes BatchNorm) gives the plain path's gradients. */
    @ParameterizedTest(name = "skips {0}")
    @CsvSource({"true", "false"})
    void oneDnnFloatGradientsEqualThePlainOnes(boolean skips) {
        UNetModel.Spec spec = new UNetModel.Spec(1, 16, 20, 4, 8, 8, 8, 4, 4, 1e-3, skips, 3);
        INDArray[] xy = data(spec, DataType.FLOAT, 5);
        ComputationGraph on = build(spec, DataType.FLOAT, true);
        ComputationGraph off = build(spec, DataType.FLOAT, false);
        off.setParams(on.params().dup());
        on.setInputs(xy[0]);
        on.setLabels(xy[1]);
        on.computeGradientAndScore();
        off.setInputs(xy[0]);
        off.setLabels(xy[1]);
        off.computeGradientAndScore();
        assertEquals(off.score(), on.score(), 1e-4 * Math.abs(off.score()));
        INDArray a = on.gradient().gradient();
        INDArray b = off.gradient().gradient();
        double rel = a.sub(b).norm2Number().doubleValue() / b.norm2Number().doubleValue();
        assertTrue(rel < 1e-4, "oneDNN and plain gradients differ by " + rel + " (relative L2)");
    }
}
