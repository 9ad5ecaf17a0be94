package nnlab.kernel.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepGridTest {
    @TempDir
    Path tmp;

    @Test
    void everyCombinationTheFirstSettingSlowest() {
        SweepGrid g = SweepGrid.parse("lr=0.1,1.0  data-seed=1,2,3");
        List<Map<String, String>> points = g.points();
        assertEquals(6, points.size());
        assertEquals(Map.of("lr", "0.1", "data-seed", "1"), points.get(0));
        assertEquals(Map.of("lr", "0.1", "data-seed", "3"), points.get(2));
        assertEquals(Map.of("lr", "1.0", "data-seed", "1"), points.get(3));
        assertEquals("point-06", SweepGrid.folderName(5, 6));
        assertEquals("point-006", SweepGrid.folderName(5, 120));
    }

    @Test
    void listSettingsSeparateTheirAlternativesWithBars() {
        assertEquals(List.of("valid", "valid,fconv"), SweepGrid.parse("--padding=valid|valid,fconv").axes().get("padding"));
    }

    @Test
    void aJsonFileGivesTheSameGrid() throws Exception {
        Path f = tmp.resolve("grid.json");
        Files.writeString(f, "{\"lr\": [0.1, 1.0], \"padding\": [[\"valid\"], [\"valid\", \"fconv\"]]}");
        SweepGrid g = SweepGrid.read(f);
        assertEquals(List.of("0.1", "1.0"), g.axes().get("lr"));
        assertEquals(List.of("valid", "valid,fconv"), g.axes().get("padding"));
    }

    @Test
    void badGridsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("lr"));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("lr="));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("lr=1 lr=2"));
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("  "));
    }

    private static Map<String, Object> variant(List<Double> testAcc) {
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("net", "Net1");
        v.put("padding", "valid");
        v.put("test_acc", testAcc);
        v.put("test_acc_mean", testAcc.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        return v;
    }

    @Test
    void theTableHasARowPerPointAndVariantWithMeanAndStdOverRounds() {
        SweepTable t = new SweepTable(List.of("lr"));
        t.add(Map.of("lr", "0.1"), Map.of("experiment", "padding", "variants", List.of(
                variant(List.of(10.0, 20.0)))));
        t.add(Map.of("lr", "1.0"), Map.of("experiment", "padding", "variants", List.of(
                variant(List.of(30.0, 30.0)))));
        assertEquals(List.of("lr", "row", "test_acc (mean ± std)"), t.columns());
        assertEquals(List.of(List.of("0.1", "Net1 · valid", "15.00 ± 5.0"), List.of("1.0", "Net1 · valid", "30.00 ± 0.0")), t.rows());
        var fig = t.figure("lr", "Padding study");
        assertEquals(1, fig.series().size());
        assertEquals(List.of(15.0, 30.0), java.util.Arrays.stream(fig.series().get(0).y()).boxed().toList());
    }
}
