package nnlab.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.kernel.NativeSetup;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PairsReceptiveFieldTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void theArithmeticFollowsTheTextbookRecurrenceAndTheClosedForm() {
        // k = 3 conv / pool 2, four times: 3, 4, 8, 10, 18, 22, 38, 46.
        var a = PairNets.architecture(new PairsExperiment().schema().defaults());
        List<Integer> sizes = ReceptiveField.steps(a.layers()).stream().map(ReceptiveField.Step::size).toList();
        assertEquals(List.of(3, 4, 8, 10, 18, 22, 38, 46), sizes);
        for (int n = 1; n <= 7; n++) {
            for (int k = 1; k <= 7; k += 2) {
                int last = ReceptiveField.steps(ReceptiveField.uniform(n, k, 1, 1)).get(n - 1).size();
                assertEquals(1 + n * (k - 1), last);
                assertEquals(ReceptiveField.strideOneClosedForm(n, k, 1), last);
            }
        }
        // Dilation 2 doubles each kernel's reach; stride 2 doubles the jump after each layer: 3, 7, 15.
        assertEquals(1 + 3 * 2 * 2, ReceptiveField.steps(ReceptiveField.uniform(3, 3, 1, 2)).get(2).size());
        assertEquals(List.of(3, 7, 15), ReceptiveField.steps(ReceptiveField.uniform(3, 3, 2, 1)).stream().map(ReceptiveField.Step::size).toList());
    }

    @Test
    void theFieldMeasuredByGradientsEqualsTheArithmeticAtEveryLayerOfBothDefaultModels() {
        var a = PairNets.architecture(new PairsExperiment().schema().defaults());
        List<ReceptiveField.Step> steps = ReceptiveField.steps(a.layers());
        for (PairModel m : PairModel.values()) {
            MultiLayerNetwork net = PairNets.build(a, m, 1);
            for (int layers = 1; layers <= PairNets.LAYER_NAMES.size(); layers++) {
                GradientField.Region r = GradientField.fullField(net, a, m, layers);
                int expected = steps.get(layers - 1).size();
                String where = m.label() + " " + PairNets.LAYER_NAMES.get(layers - 1);
                assertEquals(expected, r.height(), where + " height");
                assertEquals(expected, r.width(), where + " width");
                assertTrue(r.filled(), where + ": every pixel inside the field can change the unit");
            }
        }
    }

    @Test
    void aSingleInputsGradientThroughMaxPoolAndReluSeesOnlyPartOfTheField() {
        var a = PairNets.architecture(new PairsExperiment().schema().defaults());
        MultiLayerNetwork net = PairNets.build(a, PairModel.CHANNEL, 2);
        MultiLayerNetwork trunc = PairNets.truncated(net, a, PairModel.CHANNEL, 4, 28, 28, false);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 2, 28, 28);
        GradientField.Region r = GradientField.region(GradientField.magnitude(GradientField.inputGradient(trunc, x, -1)));
        assertTrue(r.height() <= 10 && r.width() <= 10, "inside the 10-pixel field of pool2: " + r);
        int nonZero = 0;
        for (double[] row : GradientField.magnitude(GradientField.inputGradient(trunc, x, -1))) for (double v : row) if (v != 0) nonZero++;
        assertTrue(nonZero < 10 * 10, "a max-pool routes the gradient to one pixel of each window: " + nonZero);
    }

    @Test
    void withinTheSmallInputTheFieldIsClippedByTheBorders() {
        var a = PairNets.architecture(new PairsExperiment().schema().defaults());
        MultiLayerNetwork net = PairNets.build(a, PairModel.CHANNEL, 1);
        // pool4 sees 46 px, more than the 28-px image: the whole image.
        GradientField.Region r = GradientField.probeRegion(net, a, PairModel.CHANNEL, 8, 28, 28);
        assertEquals(new GradientField.Region(0, 0, 28, 28, true), r);
        // CNN's pool1 centre unit (row 13 of 28) sees rows 25–28 of the stacked pair: 3 rows of image 1 and 1 of image 2.
        GradientField.Region seam = GradientField.probeRegion(PairNets.build(a, PairModel.CNN, 1), a, PairModel.CNN, 2, 56, 28);
        assertEquals(4, seam.height());
        assertEquals(25, seam.top());
    }

    /** The unit at the centre of the probe's last map, summed like {@link GradientField#inputGradient} with channel 0. */
    private static double centreUnit(MultiLayerNetwork net, INDArray x) {
        INDArray out = net.output(x, false);
        return out.getDouble(0, 0, (out.size(2) - 1) / 2, (out.size(3) - 1) / 2);
    }

    @Test
    void theProbesGradientMatchesFiniteDifferencesInsideAndOutsideTheField() {
        var a = PairNets.architecture(new PairsExperiment().schema().defaults());
        MultiLayerNetwork trained = PairNets.build(a, PairModel.CHANNEL, 4);
        MultiLayerNetwork probe = PairNets.truncated(trained, a, PairModel.CHANNEL, 4, 28, 28, true);
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 2, 28, 28);
        INDArray grad = GradientField.inputGradient(probe, x, 0);
        double base = centreUnit(probe, x);
        // pool2's centre unit (6, 6) sees rows and columns 9–18; (0, 0) and (27, 20) are outside.
        int[][] pixels = {{0, 9, 9}, {1, 13, 14}, {0, 18, 18}, {1, 0, 0}, {0, 27, 20}, {1, 8, 13}};
        for (int[] p : pixels) {
            INDArray moved = x.dup();
            moved.putScalar(new long[] {0, p[0], p[1], p[2]}, x.getDouble(0, p[0], p[1], p[2]) + 1e-3);
            double fd = (centreUnit(probe, moved) - base) / 1e-3;
            double g = grad.getDouble(0, p[0], p[1], p[2]);
            assertEquals(fd, g, 1e-9 + 1e-6 * Math.abs(g), "pixel " + java.util.Arrays.toString(p));
        }
        assertEquals(0.0, grad.getDouble(0, 1, 0, 0));
        assertTrue(grad.getDouble(0, 0, 9, 9) > 0);
    }

    @Test
    void theTrainedNetworksInputGradientMatchesFiniteDifferences() {
        var a = PairNets.architecture(new PairsExperiment().schema().defaults());
        MultiLayerNetwork net = PairNets.truncated(PairNets.build(a, PairModel.CNN, 6), a, PairModel.CNN, 3, 56, 28, false);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, 56, 28);
        INDArray grad = GradientField.inputGradient(net, x, -1);
        // conv2's centre unit (13, 6) sees input rows 23–30 and columns 9–16: pixels in, on the edge of and outside its field.
        int nonZero = 0;
        for (int r = 23; r <= 32; r += 3) {
            for (int c = 9; c <= 18; c += 3) {
                double eps = 1e-3;
                INDArray up = x.dup();
                INDArray down = x.dup();
                up.putScalar(new long[] {0, 0, r, c}, x.getDouble(0, 0, r, c) + eps);
                down.putScalar(new long[] {0, 0, r, c}, x.getDouble(0, 0, r, c) - eps);
                double fd = (centreSum(net, up) - centreSum(net, down)) / (2 * eps);
                assertEquals(fd, grad.getDouble(0, 0, r, c), 1e-3, "pixel (" + r + ", " + c + ")");
                if (grad.getDouble(0, 0, r, c) != 0) nonZero++;
            }
        }
        assertTrue(nonZero >= 4, "the check covers pixels that do change the unit: " + nonZero);
    }

    /** The centre position of the last map, summed over channels, as {@code inputGradient(…, -1)} differentiates. */
    private static double centreSum(MultiLayerNetwork net, INDArray x) {
        INDArray out = net.output(x, false);
        double sum = 0;
        for (long ch = 0; ch < out.size(1); ch++) sum += out.getDouble(0, ch, (out.size(2) - 1) / 2, (out.size(3) - 1) / 2);
        return sum;
    }
}
