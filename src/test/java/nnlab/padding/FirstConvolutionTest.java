package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnlab.kernel.NativeSetup;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The first convolution without an input gradient must train exactly like DL4J's ConvolutionLayer. */
class FirstConvolutionTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    private static final List<String[]> VARIANTS = List.of(new String[] {"Net1", "fconv"}, new String[] {"Net1", "replicate"},
            new String[] {"Net2", "fconv"}, new String[] {"Net2", "reflect"});

    private static MultiLayerNetwork net(PaddingNets.Architecture a, PaddingNets.FirstLayer first) {
        return PaddingNets.build(a, 5, DataType.FLOAT, new NoOp(), CacheMode.DEVICE, first);
    }

    private static PaddingNets.Architecture studyArchitecture(String net, String padding) {
        return PaddingExperiment.architecture(PaddingSettings.schema().fromText(Map.of()), net, PaddingMode.fromId(padding));
    }

    @Test
    void startsFromTheSameSeededWeightsAsDl4jsConvolution() {
        for (String[] v : VARIANTS) {
            PaddingNets.Architecture a = studyArchitecture(v[0], v[1]);
            MultiLayerNetwork ours = net(a, PaddingNets.FirstLayer.WEIGHT_GRADIENT_ONLY);
            MultiLayerNetwork dl4j = net(a, PaddingNets.FirstLayer.DL4J_CONVOLUTION);
            int firstConv = v[1].equals("fconv") ? 0 : 1;
            assertInstanceOf(FirstConvolutionImpl.class, ours.getLayer(firstConv), v[0] + " " + v[1]);
            assertEquals(dl4j.params(), ours.params(), v[0] + " " + v[1] + ": initial parameters differ");
        }
    }

    /** Study-sized layers on the oneDNN path: same scores, same gradient of every parameter. */
    @Test
    void givesDl4jsGradientsOnTheStudysNets() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 3, 32, 32);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 2);
        for (int i = 0; i < 16; i++) y.putScalar(i, i % 2, 1);
        for (String[] v : VARIANTS) {
            PaddingNets.Architecture a = studyArchitecture(v[0], v[1]);
            List<Map<String, INDArray>> grads = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (PaddingNets.FirstLayer first : PaddingNets.FirstLayer.values()) {
                MultiLayerNetwork net = net(a, first);
                net.setInput(x);
                net.setLabels(y);
                net.computeGradientAndScore();
                Gradient g = net.gradient();
                Map<String, INDArray> copy = new java.util.LinkedHashMap<>();
                g.gradientForVariable().forEach((k, arr) -> copy.put(k, arr.dup()));
                grads.add(copy);
                scores.add(net.score());
            }
            assertEquals(scores.get(1), scores.get(0), 1e-6, v[0] + " " + v[1] + " score");
            assertEquals(grads.get(1).keySet(), grads.get(0).keySet());
            for (String key : grads.get(0).keySet()) {
                INDArray ours = grads.get(0).get(key);
                INDArray dl4j = grads.get(1).get(key);
                double scale = dl4j.amaxNumber().doubleValue();
                double diff = ours.sub(dl4j).amaxNumber().doubleValue();
                assertTrue(scale > 0, key + " has a zero gradient: the comparison would prove nothing");
                assertTrue(diff <= 1e-5 * scale, v[0] + " " + v[1] + " " + key + ": max diff " + diff + " of max " + scale);
            }
        }
    }

    @Test
    void passesNoInputGradient() {
        MultiLayerNetwork net = net(studyArchitecture("Net1", "replicate"), PaddingNets.FirstLayer.WEIGHT_GRADIENT_ONLY);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
        net.setInput(x);
        net.setLabels(Nd4j.create(new float[][] {{1, 0}, {0, 1}}));
        net.computeGradientAndScore();
        var layer = net.getLayer(1);
        INDArray eps = Nd4j.rand(DataType.FLOAT, 2, 32, 34, 34);
        layer.setInput(net.feedForward(x, true).get(1), LayerWorkspaceMgr.noWorkspaces());
        layer.activate(true, LayerWorkspaceMgr.noWorkspaces());
        assertNull(layer.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getSecond());
    }

    /** Bias, stride 2, a non-square kernel and zero padding: the parts the study does not use, against finite differences. */
    @ParameterizedTest
    @EnumSource(value = CacheMode.class, names = {"NONE", "DEVICE"})   // DEVICE: the im2col forward pass and its reuse
    void generalLayerGradientsMatchFiniteDifferences(CacheMode cacheMode) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                    .seed(3).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new NoOp())
                    .convolutionMode(ConvolutionMode.Truncate).cacheMode(cacheMode).list()
                    .layer(FirstConvolution.of(new ConvolutionLayer.Builder(3, 2).stride(2, 1).padding(1, 1)
                            .nIn(2).nOut(3).hasBias(true).biasInit(0.1).activation(Activation.TANH)))
                    .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                    .setInputType(InputType.convolutional(7, 6, 2)).build());
            net.init();
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                    .net(net).input(Nd4j.rand(DataType.DOUBLE, 3, 2, 7, 6)).labels(Nd4j.create(new double[][] {{1, 0}, {0, 1}, {1, 0}}))
                    .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
            assertTrue(ok, "gradient check failed with cache mode " + cacheMode);
        } finally {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        }
    }

    /** A short training with the real updater: the same losses and test accuracy as with DL4J's layer. */
    @Test
    @Tag("slow")
    void trainsLikeDl4jsConvolution() {
        var config = PaddingSettings.schema().fromText(Map.of("train-size", "200", "val-size", "100", "test-size", "100"));
        PaddingExperiment.Data data = PaddingExperiment.data(config);
        for (String padding : List.of("fconv", "replicate")) {
            PaddingNets.Architecture a = PaddingExperiment.architecture(config, "Net1", PaddingMode.fromId(padding));
            List<double[]> runs = new ArrayList<>();
            for (PaddingNets.FirstLayer first : PaddingNets.FirstLayer.values()) {
                var net = PaddingNets.build(a, 3, DataType.FLOAT, new ScaledAdaDelta(a.lr(), a.rho(), a.eps()), CacheMode.DEVICE, first);
                runs.add(PaddingStudyTest.threeEpochTrace(net, data));
            }
            for (int i = 0; i < 7; i++) {
                assertEquals(runs.get(1)[i], runs.get(0)[i], 1e-5, padding + " value " + i + " (losses per epoch, then test acc)");
            }
            assertTrue(runs.get(0)[4] < runs.get(0)[0], padding + ": the train loss fell, so the comparison covers learning");
        }
    }
}
