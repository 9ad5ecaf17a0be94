package nnlab.byhand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.config.SettingException;
import org.junit.jupiter.api.Test;

/** Bad numbers are refused naming the field and saying what is wrong. */
class ByHandSettingsTest {
    private final ConfigSchema schema = ByHandSettings.schema();

    private SettingException refusal(String key, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> schema.fromText(Map.of(key, value)));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void eachBadEntryNamesItsField() {
        SettingException e = refusal("conv-input", "3, 0, x, 1");
        assertEquals("conv-input", e.key());
        assertEquals("Input x (conv-input) entry 3: 'x' is not a number", e.getMessage());
        assertEquals("conv-kernel", refusal("conv-kernel", "1, 2, 3, 4, 5, 6").key(), "longer than the input");
        assertTrue(refusal("conv-kernel", "1, 2, 3, 4, 5, 6").getMessage().contains("the kernel has 6 values but the padded input only 5"));
        assertEquals("gnn-h0", refusal("gnn-h0", "1, 1; 0, 1; 1, 0").key(), "a row short for 4 nodes");
        assertTrue(refusal("gnn-h0", "1, 1; 0; 1, 0; 2, 2").getMessage().contains("row 2 has 1 numbers but row 1 has 2"));
        assertEquals("gnn-w", refusal("gnn-w", "1, 2, 3; 0, 1, 0").key(), "3 columns for 2-number features");
        assertEquals("gnn-q", refusal("gnn-q", "1, 1, 1").key());
        assertEquals("gnn-edges", refusal("gnn-edges", "1-2, 2-2").key());
        assertTrue(refusal("gnn-edges", "1-2, 2-2").getMessage().contains("self-loops"));
        assertTrue(refusal("graph-edges", "1-2, 2-1").getMessage().contains("listed twice"));
        assertEquals("graph-x", refusal("graph-edges", "1-2, 2-3, 2-5, 3-4, 4-5, 4-6, 5-6").key(), "6 nodes, X has 5 rows");
        assertEquals("mp-b", refusal("mp-b", "1, 0, 0; 0, 1, 0").key());
        assertEquals("walk-to", refusal("walk-to", "9").key());
    }

    @Test
    void typedFormsAreReadAsAStudentWritesThem() {
        assertArrayEquals(new double[][] {{1, 2}, {0, 1}}, NumberText.matrix("[[1, 2], [0, 1]]", 6, 6));
        assertArrayEquals(new double[][] {{1, 2}, {0, -1}}, NumberText.matrix("1 2\n0 −1;", 6, 6));
        assertArrayEquals(new double[] {3, 0, -1}, NumberText.list("[3, 0, -1]", 1, 9));
        SmallGraph g = NumberText.edges("1–2, 2 - 3, 5", 12);
        assertEquals(5, g.nodes());
        assertEquals("1–2, 2–3", g.describe());
        assertEquals("1.00000", NumberText.format(1 / (1 + Math.exp(-20)), 6), "σ(20) must not read as exactly 1");
        assertEquals("0.333333", NumberText.format(1.0 / 3, 6));
        assertEquals("-3", NumberText.format(-3, 6));
    }
}
