package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import nnlab.kernel.NativeSetup;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;

class BorderPaddingTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    /** Row/column maps written out by hand from the definitions, for length 3 padded by 2. */
    private static int[] expectedMap(PaddingMode.Kind kind) {
        switch (kind) {
            case REPLICATE: return new int[] {0, 0, 0, 1, 2, 2, 2};  // repeat the edge
            case CIRCULAR: return new int[] {1, 2, 0, 1, 2, 0, 1};   // wrap around
            case REFLECT: return new int[] {2, 1, 0, 1, 2, 1, 0};    // mirror, edge not repeated
            default: throw new IllegalArgumentException();
        }
    }

    private static int[] expectedMap4(PaddingMode.Kind kind) {
        switch (kind) {
            case REPLICATE: return new int[] {0, 0, 0, 1, 2, 3, 3, 3};
            case CIRCULAR: return new int[] {2, 3, 0, 1, 2, 3, 0, 1};
            case REFLECT: return new int[] {2, 1, 0, 1, 2, 3, 2, 1};
            default: throw new IllegalArgumentException();
        }
    }

    @ParameterizedTest
    @EnumSource(value = PaddingMode.Kind.class, names = {"REFLECT", "REPLICATE", "CIRCULAR"})
    void forwardMatchesDefinitionOnSmallTensor(PaddingMode.Kind kind) {
        // x[n][c][r][col] = 1000n + 100c + 10r + col, 3 rows × 4 columns
        INDArray x = Nd4j.create(DataType.DOUBLE, 2, 2, 3, 4);
        for (int n = 0; n < 2; n++) for (int c = 0; c < 2; c++) for (int r = 0; r < 3; r++) for (int col = 0; col < 4; col++) {
            x.putScalar(new int[] {n, c, r, col}, 1000 * n + 100 * c + 10 * r + col);
        }
        INDArray out = Nd4j.create(DataType.DOUBLE, 2, 2, 7, 8);
        BorderPaddingImpl.pad(x, out, kind, 2);
        int[] rows = expectedMap(kind);
        int[] cols = expectedMap4(kind);
        for (int n = 0; n < 2; n++) for (int c = 0; c < 2; c++) for (int r = 0; r < 7; r++) for (int col = 0; col < 8; col++) {
            double expected = 1000 * n + 100 * c + 10 * rows[r] + cols[col];
            assertEquals(expected, out.getDouble(n, c, r, col), 0, kind + " at padded (" + r + "," + col + ")");
        }
    }

    @Test
    void sourceIndexAgreesWithHandWrittenMaps() {
        for (PaddingMode.Kind kind : List.of(PaddingMode.Kind.REFLECT, PaddingMode.Kind.REPLICATE, PaddingMode.Kind.CIRCULAR)) {
            int[] got = new int[7];
            for (int j = 0; j < 7; j++) got[j] = PaddingMode.sourceIndex(kind, j, 3, 2);
            assertArrayEquals(expectedMap(kind), got, kind.toString());
        }
    }

    /** d/dx of L = sum(w ⊙ pad(x)) by central differences, against the layer's backward pass. */
    @ParameterizedTest
    @EnumSource(value = PaddingMode.Kind.class, names = {"REFLECT", "REPLICATE", "CIRCULAR"})
    void gradientMatchesFiniteDifferences(PaddingMode.Kind kind) {
        int p = 2;
        Random rng = new Random(7);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 4, 5);
        INDArray w = Nd4j.create(DataType.DOUBLE, 2, 3, 4 + 2 * p, 5 + 2 * p);
        for (long i = 0; i < w.length(); i++) w.putScalar(i, rng.nextGaussian());
        INDArray analytic = Nd4j.create(DataType.DOUBLE, 2, 3, 4, 5);
        BorderPaddingImpl.unpad(w, analytic, kind, p);

        double h = 1e-6;
        double maxError = 0;
        for (long i = 0; i < x.length(); i++) {
            double orig = x.getDouble(i);
            x.putScalar(i, orig + h);
            double up = loss(x, w, kind, p);
            x.putScalar(i, orig - h);
            double down = loss(x, w, kind, p);
            x.putScalar(i, orig);
            maxError = Math.max(maxError, Math.abs((up - down) / (2 * h) - analytic.getDouble(i)));
        }
        assertTrue(maxError < 1e-6, kind + ": max |analytic − numeric| = " + maxError);
        // Every input position must receive gradient: the sum over w equals the sum over the input gradient.
        assertEquals(w.sumNumber().doubleValue(), analytic.sumNumber().doubleValue(), 1e-9);
    }

    /**
     * The layer reads and writes the buffers directly, so a batch that is a view into the whole
     * data set (offset, as the trainer passes it), a non-contiguous target and single precision
     * must all give what a plain double-precision copy gives.
     */
    @ParameterizedTest
    @EnumSource(value = PaddingMode.Kind.class, names = {"REFLECT", "REPLICATE", "CIRCULAR"})
    void viewsAndSinglePrecisionGiveTheSameValues(PaddingMode.Kind kind) {
        int p = 2;
        INDArray all = Nd4j.rand(DataType.DOUBLE, 5, 3, 6, 7);
        INDArray batch = all.get(NDArrayIndex.interval(2, 4));
        INDArray expected = Nd4j.create(DataType.DOUBLE, 2, 3, 10, 11);
        BorderPaddingImpl.pad(batch.dup(), expected, kind, p);

        INDArray fromView = Nd4j.create(DataType.DOUBLE, 2, 3, 10, 11);
        BorderPaddingImpl.pad(batch, fromView, kind, p);
        assertEquals(expected, fromView);
        INDArray fromFloat = Nd4j.create(DataType.FLOAT, 2, 3, 10, 11);
        BorderPaddingImpl.pad(batch.castTo(DataType.FLOAT), fromFloat, kind, p);
        assertTrue(expected.castTo(DataType.FLOAT).equalsWithEps(fromFloat, 1e-6));

        INDArray g = Nd4j.rand(DataType.DOUBLE, 2, 3, 10, 11);
        INDArray gxExpected = Nd4j.create(DataType.DOUBLE, 2, 3, 6, 7);
        BorderPaddingImpl.unpad(g, gxExpected, kind, p);
        INDArray wide = Nd4j.zeros(DataType.DOUBLE, 2, 3, 6, 9);
        INDArray strided = wide.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, 8));
        BorderPaddingImpl.unpad(g, strided, kind, p);
        assertEquals(gxExpected, strided.dup());
        INDArray gxFloat = Nd4j.create(DataType.FLOAT, 2, 3, 6, 7);
        BorderPaddingImpl.unpad(g.castTo(DataType.FLOAT), gxFloat, kind, p);
        assertTrue(gxExpected.castTo(DataType.FLOAT).equalsWithEps(gxFloat, 1e-5));
    }

    private static double loss(INDArray x, INDArray w, PaddingMode.Kind kind, int p) {
        INDArray out = Nd4j.create(DataType.DOUBLE, w.shape());
        BorderPaddingImpl.pad(x, out, kind, p);
        return out.mul(w).sumNumber().doubleValue();
    }

    /** The whole network, border padding and convolutions included, against DL4J's finite-difference checker. */
    @ParameterizedTest
    @EnumSource(value = PaddingMode.class)
    void networkGradientsMatchFiniteDifferences(PaddingMode mode) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            for (String netName : List.of("Net1", "Net2")) {
                PaddingNets.Architecture a = new PaddingNets.Architecture(netName, mode, List.of(3, 4), List.of(1, 2), 3, 5, 9,
                        1.0, 0.9, 1e-6, 0.0);
                MultiLayerNetwork net = PaddingNets.build(a, 12345, DataType.DOUBLE, new NoOp());
                INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 3, 9, 9);
                INDArray labels = Nd4j.create(new double[][] {{1, 0}, {0, 1}});
                boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                        .net(net).input(input).labels(labels)
                        .epsilon(1e-6).maxRelError(1e-4).minAbsoluteError(1e-8)
                        .subset(true).maxPerParam(25));
                assertTrue(ok, "gradient check failed for " + netName + " " + mode.id());
            }
        } finally {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        }
    }
}
