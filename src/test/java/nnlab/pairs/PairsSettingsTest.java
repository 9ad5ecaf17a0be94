package nnlab.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PairsSettingsTest {
    private final ConfigSchema schema = new PairsExperiment().schema();

    @BeforeAll
    static void backend() {
        nnlab.kernel.NativeSetup.initNow();
    }

    private ConfigException refused(Map<String, String> values) {
        return assertThrows(ConfigException.class, () -> schema.fromText(values));
    }

    @Test
    void aKernelLargerThanSomeLayersFeatureMapIsRefusedNamingTheKernelAndTheLayer() {
        // Same padding keeps 28 → 14 → 7 → 3: CNN's conv4 slides over 7×3 (CNNChannel's over 3×3), so k = 5 does not fit.
        ConfigException e = refused(Map.of("kernel", "5"));
        assertEquals("kernel", e.problems().get(0).key());
        assertTrue(e.getMessage().contains("conv4") && e.getMessage().contains("7×3"), e.getMessage());
        assertNull(PairNets.architecture(schema.fromText(Map.of("kernel", "3"))).kernelProblem(PairModel.CNN));
        assertTrue(new PairNets.Architecture(4, 4, 10, 28, 28, 1e-3).kernelProblem(PairModel.CHANNEL).contains("conv4 of CNNChannel"),
                "CNNChannel's conv4 map is 3×3");
    }

    @Test
    void widthsOfZeroOrLessAreRefusedNamingTheWidth() {
        for (String w : List.of("0", "-3")) {
            ConfigException e = refused(Map.of("width", w));
            assertEquals("width", e.problems().get(0).key(), e.getMessage());
        }
        assertEquals(List.of(8, 16, 32, 64) , java.util.Arrays.stream(PairNets.architecture(schema.defaults()).widths()).boxed().toList());
    }

    @Test
    void aClassListWithoutFootwearIsRefusedWhenFootwearIsChosenButAllowedAsAList() {
        ConfigException e = refused(Map.of("classes", "footwear", "class-list", "0,1"));
        assertEquals("class-list", e.problems().get(0).key());
        assertTrue(e.getMessage().contains("footwear"), e.getMessage());
        assertEquals(List.of(0, 1), PairsSettings.classes(schema.fromText(Map.of("classes", "list", "class-list", "0,1"))));
        assertEquals(10, PairsSettings.classes(schema.fromText(Map.of("classes", "all"))).size());
        assertEquals(List.of(5, 7, 9), PairsSettings.classes(schema.defaults()));
    }

    @Test
    void theGradientPairMustBeATestPair() {
        assertEquals("rf-pair", refused(Map.of("test-items", "10", "rf-pair", "20")).problems().get(0).key());
    }

    @Test
    void bothModelsShowTheirParameterCountsFromTheBuiltNetworks() {
        var a = PairNets.architecture(schema.defaults());
        // By hand for n = 8, k = 3: conv 80 or 152, then 1168 + 4640 + 18496; linear 64·3·1 or 64 → 100 → 2.
        assertEquals(80 + 1168 + 4640 + 18496 + (192 * 100 + 100) + 202, PairNets.build(a, PairModel.CNN, 0).numParams());
        assertEquals(152 + 1168 + 4640 + 18496 + (64 * 100 + 100) + 202, PairNets.build(a, PairModel.CHANNEL, 0).numParams());
    }
}
