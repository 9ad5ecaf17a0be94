package nnlab.oversmoothing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nnlab.graph.Graph;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The expected finding of spec §4 on the default generated graph with the default settings. */
@Tag("slow") // trains real models; ./mvnw -Pfast verify leaves it out
class OversmoothingStudyTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    @Test
    void twentyLayersCollapseTheFeaturesAndLoseToTwoLayers() {
        Config c = OversmoothingSettings.schema().defaults();
        Graph g = OversmoothingSettings.graph(c);
        GcnTrainer.Hyper h = OversmoothingExperiment.hyper(c);
        GcnTrainer.Result shallow;
        GcnTrainer.Result deep;
        try (OneDnn ignored = OneDnn.off()) {
            GcnTrainer trainer = new GcnTrainer(g, DataType.FLOAT);
            shallow = trainer.train(2, h, e -> { }, () -> { }, null);
            deep = trainer.train(20, h, e -> { }, () -> { }, null);
        }
        double stdShallow = shallow.featureStd()[2];
        double stdDeep = deep.featureStd()[20];
        assertTrue(stdDeep < 0.05 * stdShallow, "last-layer feature std: depth 20 " + stdDeep + " vs depth 2 " + stdShallow);
        assertTrue(deep.dirichletEnergy()[20] < 0.05 * shallow.dirichletEnergy()[2],
                "Dirichlet energy: depth 20 " + deep.dirichletEnergy()[20] + " vs depth 2 " + shallow.dirichletEnergy()[2]);
        assertTrue(shallow.valAccuracy() > deep.valAccuracy() + 20,
                "val accuracy: depth 2 " + shallow.valAccuracy() + " %, depth 20 " + deep.valAccuracy() + " %");
        assertTrue(deep.last().trainLoss() > 0.8 * deep.epochs().get(0).trainLoss(), "depth 20 barely trains");
        assertEquals(21, deep.featureStd().length, "input plus 20 layers");
    }
}
