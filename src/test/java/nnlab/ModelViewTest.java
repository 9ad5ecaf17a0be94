package nnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.ModelSummary;
import nnlab.oversmoothing.GcnModel;
import nnlab.oversmoothing.OversmoothingExperiment;
import nnlab.padding.PaddingExperiment;
import nnlab.padding.PaddingMode;
import nnlab.padding.PaddingNets;
import nnlab.posenc.PosEncExperiment;
import nnlab.rotation.RotationExperiment;
import nnlab.rotation.RotationNet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Every study's model view comes from the networks it trains: the counts equal the built models' numParams(). */
class ModelViewTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void paddingShowsEachNetAsTheRunBuildsIt() {
        PaddingExperiment e = new PaddingExperiment();
        Config c = e.schema().defaults().with("net", List.of("Net1", "Net2")).with("padding", List.of("fconv"));
        List<ModelSummary> models = e.models(c);
        assertEquals(2, models.size());
        for (int i = 0; i < 2; i++) {
            String net = List.of("Net1", "Net2").get(i);
            long built = PaddingNets.build(PaddingExperiment.architecture(c, net, PaddingMode.FCONV), 1, DataType.FLOAT).numParams();
            assertEquals(built, models.get(i).totalParameters(), net);
            assertTrue(models.get(i).name().startsWith(net), models.get(i).name());
        }
        assertEquals("2", models.get(0).layers().get(models.get(0).layers().size() - 1).outputShape(), "two classes out");
    }

    @Test
    void rotationShowsItsCnnForTheDataSource() {
        RotationExperiment e = new RotationExperiment();
        Config c = e.schema().defaults().with("data", "synthetic");
        ModelSummary m = e.models(c).get(0);
        long built = RotationNet.build(1, 28, 28, 8, 1e-3, 1).numParams();
        assertEquals(built, m.totalParameters());
        assertEquals("8", m.layers().get(m.layers().size() - 1).outputShape(), "one output per class");
    }

    @Test
    void oversmoothingShowsOneGcnPerDepthAndPosEncNone() {
        OversmoothingExperiment e = new OversmoothingExperiment();
        Config c = e.schema().defaults().with("graph", "karate").with("depths", List.of(1, 3)).with("hidden", 8);
        List<ModelSummary> models = e.models(c);
        assertEquals(2, models.size());
        assertEquals(3, models.get(1).layers().size(), "one row per layer");
        // Karate: 34 one-hot features, 2 classes; depth 3 = 34→8, 8→8, 8→2 with biases.
        assertEquals(34 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2, models.get(1).totalParameters());
        GcnModel real = GcnModel.build(Nd4j.eye(34).castTo(DataType.FLOAT), new GcnModel.Architecture(34, 8, 2, 3, 0.5), 0, DataType.FLOAT);
        assertEquals(models.get(1).totalParameters(), real.summary("x", 34).totalParameters(), "a one-node stand-in has the same parameters");
        assertEquals("34 × 2", models.get(1).layers().get(2).outputShape());
        assertTrue(new PosEncExperiment().models(new PosEncExperiment().schema().defaults()).isEmpty(), "nothing trained, nothing shown");
    }
}
