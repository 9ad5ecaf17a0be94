package nnlab.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real Cora (from /work/shared, skipped without it): the Planetoid split and one paper-preset GCN in the published range. */
class RealCoraTest {
    static final Path CORA = Path.of("/work/shared/data/cora");

    @Test
    void onePaperGcnOnTheStandardSplitLandsNearThePublished81Point5() {
        Assumptions.assumeTrue(Files.isRegularFile(CORA.resolve("cora.content")), "real Cora is not here");
        NativeSetup.initNow();
        GnnExperimentTest.Recorder r = new GnnExperimentTest.Recorder();
        GnnSummary s = GnnExperimentTest.GNN.run(GnnExperimentTest.GNN.schema().fromText(Map.of("data-dir", CORA.toString(),
                "preset", "paper", "models", "GCN", "seeds", "1")), r);
        assertEquals(2708, s.graph().nodes());
        assertEquals(5278, s.graph().edges(), "5 278 undirected citation edges");
        assertEquals(140, s.graph().train());
        assertEquals(500, s.graph().validation());
        assertEquals(1000, s.graph().test());
        double acc = s.models().get(0).testAccMean();
        assertTrue(acc > 79 && acc < 84, "GCN test accuracy " + acc + " % (Kipf & Welling: 81.5 %)");
    }
}
