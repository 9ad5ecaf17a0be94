package nnlab.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary.json of every shipped experiment (the saved fixtures of summaries-v1) flattened to rows. */
class SummaryRowsTest {

    private static Map<String, Object> fixture(String name) throws Exception {
        try (InputStream in = SummaryRowsTest.class.getResourceAsStream("/summaries-v1/" + name + ".json")) {
            return Json.readMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void paddingGivesOneRowPerVariantWithItsRoundsJoinedAndEveryDigit() throws Exception {
        List<Map<String, String>> rows = SummaryRows.flatten(fixture("padding"));
        assertEquals(3, rows.size());
        assertEquals(List.of("experiment", "net", "padding", "val_acc", "test_acc", "val_acc_mean", "val_acc_std", "test_acc_mean",
                "test_acc_std", "epochs_run", "seconds"), List.copyOf(rows.get(0).keySet()));
        Map<String, String> valid = rows.get(0);
        assertEquals("padding", valid.get("experiment"));
        assertEquals("Net1", valid.get("net"));
        assertEquals("valid", valid.get("padding"));
        assertEquals("99;97.5", valid.get("val_acc"));
        assertEquals("11.125", valid.get("test_acc_mean"));
        assertEquals("12;7", valid.get("epochs_run"));
        // Non-finite values stay as summary.json writes them; an empty list is an empty cell.
        assertEquals("Infinity", rows.get(1).get("test_acc_mean"));
        assertEquals("NaN", rows.get(1).get("test_acc_std"));
        assertEquals("", rows.get(2).get("val_acc"));
        assertEquals("Net2", rows.get(2).get("net"));
    }

    @Test
    void rotationGivesOneRowPerModelNamedByItsKeyWithNestedMapsAsDottedColumns() throws Exception {
        List<Map<String, String>> rows = SummaryRows.flatten(fixture("rotation"));
        assertEquals(2, rows.size());
        assertEquals("A", rows.get(0).get("model"));
        assertEquals("B", rows.get(1).get("model"));
        assertEquals("0;90;180;270;360", rows.get(0).get("angles"), "top-level values repeat on every row");
        assertEquals("0;90;180;270;360", rows.get(1).get("angles"));
        assertEquals("T-shirt/top;Ankle \"boot\";empty", rows.get(0).get("class_names"));
        assertEquals("100;33.333333333333336;0;66.66666666666667;100", rows.get(0).get("accuracy_per_angle"));
        assertEquals("66.66666666666667", rows.get(0).get("per_class_accuracy_at_class_angle.T-shirt/top"));
        assertEquals("", rows.get(0).get("per_class_accuracy_at_class_angle.empty"), "null is an empty cell");
        assertEquals("1.5;NaN", rows.get(1).get("train_loss_per_epoch"));
    }

    @Test
    void oversmoothingGivesOneRowPerDepthWithTheGraphRepeated() throws Exception {
        List<Map<String, String>> rows = SummaryRows.flatten(fixture("oversmoothing"));
        assertEquals(List.of("1", "3"), rows.stream().map(r -> r.get("depth")).toList());
        for (Map<String, String> r : rows) {
            assertEquals("four \"nodes\"", r.get("graph.name"));
            assertEquals("4", r.get("graph.nodes"));
            assertTrue(r.get("note").startsWith("layer 0"));
        }
        assertEquals("1;0.001;1.0E-9;0", rows.get(1).get("feature_std_per_layer"));
        assertEquals("Infinity", rows.get(1).get("final_train_loss"));
    }

    @Test
    void posencGivesOneRowPerPointOfItsListAndNestedListsOfObjectsAsJson() throws Exception {
        Map<String, Object> summary = fixture("posenc");
        List<Map<String, String>> rows = SummaryRows.flatten(summary);
        assertEquals(((List<?>) summary.get("maxpool_error_vs_c")).size(), rows.size());
        Map<String, String> first = rows.get(0);
        assertEquals("8", first.get("p"));
        assertEquals("4.440892098500626E-16", first.get("diagonal_max_deviation"));
        assertEquals("true", first.get("added_vs_concatenated.concatenated_EtE_block_equals_EtE"));
        String perDraw = first.get("added_vs_concatenated.per_draw");
        assertTrue(perDraw.startsWith("[ {") && perDraw.contains("\"draw\" : 0"), perDraw);
        assertFalse(perDraw.contains("\n"), "one line per cell");
        assertTrue(first.containsKey("c") && first.containsKey("max_abs_error"), first.keySet().toString());
    }

    @Test
    void aSummaryWithoutAListOfObjectsIsOneRow() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("points", 4);
        summary.put("last", 16.0);
        summary.put("xs", List.of(1, 2));
        assertEquals(List.of(Map.of("points", "4", "last", "16", "xs", "1;2")), SummaryRows.flatten(summary));
    }
}
