package nnlab.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnlab.gradients.GradientChain.Activation;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.figure.HeatmapFigure;
import nnlab.kernel.figure.LineFigure;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientsExperimentTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    static final class Recorder implements RunContext {
        final List<RunEvent> events = new ArrayList<>();
        final List<Map<String, Object>> rows = new ArrayList<>();

        @Override public void emit(RunEvent event) { events.add(event); }
        @Override public boolean isCancelled() { return false; }
        @Override public void progress(double fraction, String message) { assertTrue(fraction >= 0 && fraction <= 1 + 1e-9, "" + fraction); }
        @Override public void recordMetrics(Map<String, Object> row) { rows.add(row); }

        List<RunEvent.FigureUpdate> figures(String id) {
            return events.stream().filter(e -> e instanceof RunEvent.FigureUpdate f && f.id().equals(id))
                    .map(e -> (RunEvent.FigureUpdate) e).toList();
        }
    }

    @Test
    void mlpGradientsMatchFiniteDifferences() {
        for (boolean residual : new boolean[] {false, true}) {
            // Sigmoid without and ReLU with the shortcut, then the other way round: each code path once per activation.
            for (Activation act : residual ? List.of(Activation.RELU) : List.of(Activation.SIGMOID)) {
                GradientMlp mlp = new GradientMlp(4, 3, 3, 2, act, residual, 5, DataType.DOUBLE);
                INDArray x = Nd4j.createFromArray(new double[][] {{0.2, -0.4, 0.9, 0.1}, {-0.7, 0.3, 0.5, -0.2}, {0.4, 0.8, -0.6, 0.3}});
                INDArray y = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {1, 0}});
                List<INDArray[]> g = mlp.gradients(x, y, new double[1]);
                double h = 1e-6;
                for (int l = 0; l < mlp.layers(); l++) {
                    for (INDArray p : List.of(mlp.weights().get(l), mlp.biases().get(l))) {
                        INDArray analytic = p == mlp.weights().get(l) ? g.get(l)[0] : g.get(l)[1];
                        // Three entries of every parameter (first, middle, last): each check costs two forward passes.
                        for (long i : new long[] {0, p.length() / 2, p.length() - 1}) {
                            double v = p.getDouble(i);
                            p.putScalar(i, v + h);
                            double up = GradientMlp.loss(mlp.logits(x), y);
                            p.putScalar(i, v - h);
                            double down = GradientMlp.loss(mlp.logits(x), y);
                            p.putScalar(i, v);
                            assertEquals((up - down) / (2 * h), analytic.getDouble(i), 1e-7, act + " residual " + residual + " layer " + l);
                        }
                    }
                }
            }
        }
    }

    @Test
    void logSoftmaxIsStableForLargeLogits() {
        INDArray logits = Nd4j.createFromArray(new double[][] {{1000, 0, -1000}});
        INDArray l = GradientMlp.logSoftmax(logits);
        assertEquals(0, l.getDouble(0), 1e-12);
        assertEquals(-2000, l.getDouble(2), 1e-9);
    }

    @Test
    void settingsAreValidatedNamingTheField() {
        GradientsExperiment e = new GradientsExperiment();
        ConfigException ex = assertThrows(ConfigException.class, () -> e.schema().fromText(Map.of("depth", "0")));
        assertEquals("depth", ex.problems().get(0).key());
        assertTrue(ex.getMessage().contains("Depth n (depth) must be a whole number from 1 to 200"), ex.getMessage());
        assertEquals("weight", assertThrows(ConfigException.class, () -> e.schema().fromText(Map.of("weight", "-1"))).problems().get(0).key());
        assertEquals("variants", assertThrows(ConfigException.class, () -> e.schema().fromText(Map.of("variants", "tanh"))).problems().get(0).key());
    }

    @Test
    void aSmallRunDrawsTheChainAndTheLiveHeatmaps() throws Exception {
        GradientsExperiment e = (GradientsExperiment) ExperimentCatalog.byId("gradients").orElseThrow();
        Config c = e.schema().fromText(Map.ofEntries(Map.entry("depth", "12"), Map.entry("width", "6"),
                Map.entry("train-depth", "6"), Map.entry("train-width", "16"), Map.entry("epochs", "2"), Map.entry("train-size", "200"),
                Map.entry("test-size", "100"), Map.entry("batch", "50"), Map.entry("variants", "sigmoid,relu+residual"),
                Map.entry("data", "synthetic"), Map.entry("learning-rate", "0.5")));
        Recorder r = new Recorder();
        GradientsSummary s = e.run(c, r);
        assertTrue(s.boundHolds());
        LineFigure chain = (LineFigure) r.figures(GradientsExperiment.CHAIN.id()).get(0).figure();
        assertEquals(12, chain.series().get(0).x().length);
        assertTrue(chain.series().stream().anyMatch(x -> x.name().startsWith("bound (¼·σ_max(W))")), "the sigmoid bound on the same axes");
        // One heatmap per epoch and variant (epoch 0 included), growing a column each time.
        List<RunEvent.FigureUpdate> maps = r.figures(GradientsExperiment.heatmapView("sigmoid").id());
        assertEquals(3, maps.size());
        HeatmapFigure last = (HeatmapFigure) maps.get(2).figure();
        assertEquals(7, last.values().length, "6 hidden layers + the output layer");
        assertEquals(3, last.values()[0].length);
        assertEquals(2 * 3, r.rows.size());
        // Sigmoid without a shortcut: the first layer's gradient is far below the output layer's.
        GradientTraining.VariantResult sig = s.training().get(0);
        assertTrue(sig.firstToOutputRatio() < 0.1, "sigmoid first/output gradient ratio " + sig.firstToOutputRatio());
        GradientTraining.VariantResult res = s.training().get(1);
        assertTrue(res.firstToOutputRatio() > 10 * sig.firstToOutputRatio(), "residual ReLU keeps the gradient: " + res.firstToOutputRatio());
        assertEquals(e.views(c).size(), e.views(c).stream().map(v -> v.id()).distinct().count());
    }
}
