package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.ModelSummary;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The model view is read off the built graphs: every vertex once, the graph's parameter count, the shapes that flow. */
class UNetModelViewTest {

    @BeforeAll
    static void natives() {
        NativeSetup.initNow();
    }

    private static Map<String, ModelSummary.Layer> byName(ModelSummary m) {
        return m.layers().stream().collect(Collectors.toMap(ModelSummary.Layer::name, Function.identity()));
    }

    @Test
    void theDefaultModelsListEveryVertexWithTheGraphsParameters() {
        UNetExperiment unet = new UNetExperiment();
        Config c = unet.schema().defaults();
        List<ModelSummary> models = unet.models(c);
        assertEquals(2, models.size());
        ModelSummary on = models.get(0);
        ModelSummary off = models.get(1);
        assertTrue(on.name().contains(UNetExperiment.WITH) && off.name().contains(UNetExperiment.WITHOUT), on.name() + " / " + off.name());

        for (ModelSummary m : models) {
            boolean skips = m == on;
            ComputationGraph net = UNetModel.build(UNetSettings.spec(c, 64, 84, 11, skips, 0), DataType.FLOAT);
            // every vertex but the input
            assertEquals(net.getVertices().length - 1, m.layers().size(), m.name() + " rows");
            assertEquals(net.numParams(), m.totalParameters(), m.name() + " parameters");
            assertEquals(253_195, m.totalParameters(), "the write-up's U-Net at 64×84, 11 classes");
            Map<String, ModelSummary.Layer> rows = byName(m);
            assertEquals("64 × 16 × 21", rows.get("bottleneck-relu").outputShape(), "bottleneck: a quarter of 64 × 84");
            assertEquals("11 × 64 × 84", rows.get("head").outputShape(), "final 1×1 conv: one score per class and pixel");
            assertEquals("192 × 32 × 42", rows.get("up1-cat").outputShape(), "64 upsampled + 128 skip channels");
            assertEquals(64 * 128 * 9, rows.get("down2-conv").parameters(), "3×3 conv 64→128 without bias");
            assertEquals(11 * 32 + 11, rows.get("head").parameters());
            if (skips) assertFalse(rows.containsKey("up2-zero-skip"), "no zero vertex with skips");
            else assertEquals("64 × 64 × 84", rows.get("up2-zero-skip").outputShape(), "zeros of skip 1's shape");
            assertEquals(0, rows.get("up1-cat").parameters());
        }
        assertEquals(on.layers().size() + 2, off.layers().size(), "without skips: two zero vertices more");
        assertEquals("Conv 3×3, stride 1, pad same, no bias", byName(on).get("down1-conv").type());
    }

    @Test
    void theViewFollowsTheWidthSettings() {
        UNetExperiment unet = new UNetExperiment();
        Config c = unet.schema().fromText(Map.of("down1", "8", "down2", "8", "bottleneck", "4", "up1", "4", "up2", "4",
                "canvas-height", "32", "canvas-width", "28"));
        ModelSummary on = unet.models(c).get(0);
        assertEquals("4 × 8 × 7", byName(on).get("bottleneck-relu").outputShape());
        ComputationGraph net = UNetModel.build(UNetSettings.spec(c, 32, 28, 11, true, 0), DataType.FLOAT);
        assertEquals(net.numParams(), on.totalParameters());
    }
}
