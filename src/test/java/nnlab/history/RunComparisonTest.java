package nnlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.store.CsvTable;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    @Test
    void onlyDifferingSettingsAreListedWithEveryRunsValue() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("epochs", 3);
        a.put("lr", 0.5);
        a.put("paddings", List.of("zero", "reflect"));
        Map<String, Object> b = new LinkedHashMap<>(a);
        b.put("epochs", 4);
        b.put("extra", true);
        List<RunComparison.SettingDiff> diffs = RunComparison.differingSettings(List.of(a, b));
        assertEquals(List.of(new RunComparison.SettingDiff("epochs", List.of("3", "4")),
                new RunComparison.SettingDiff("extra", List.of(RunComparison.MISSING, "true"))), diffs);
        assertEquals("1", RunComparison.format(1.0));
        assertEquals("zero, reflect", RunComparison.format(List.of("zero", "reflect")));
    }

    @Test
    void cellsAreComparedByRowKeyAndColumnName() {
        CsvTable a = new CsvTable(List.of("net", "padding", "acc"), List.of(
                List.of("Net1", "zero", "0.9"),
                List.of("Net1", "valid", "0.1")));
        // Run b lacks the zero row and has its columns in another order.
        CsvTable b = new CsvTable(List.of("padding", "net", "acc"), List.of(
                List.of("valid", "Net1", "0.2")));
        List<Map<String, String>> marks = RunComparison.differingCells(List.of(a, b), List.of("A", "B"));
        // In a: the whole zero row (b has no such row) and the valid row's accuracy.
        assertEquals(List.of("0:0", "0:1", "0:2", "1:2"), List.copyOf(marks.get(0).keySet()));
        assertEquals(List.of("0:2"), List.copyOf(marks.get(1).keySet()));
        assertTrue(marks.get(1).get("0:2").contains("A: 0.1"), marks.get(1).get("0:2"));
        assertTrue(marks.get(1).get("0:2").contains("B: 0.2"));
    }

    @Test
    void rowsWithoutAUniqueTextKeyAreMatchedByPosition() {
        CsvTable a = new CsvTable(List.of("round", "acc"), List.of(List.of("1", "0.5"), List.of("2", "0.6")));
        CsvTable b = new CsvTable(List.of("round", "acc"), List.of(List.of("1", "0.5"), List.of("2", "0.7")));
        List<Map<String, String>> marks = RunComparison.differingCells(List.of(a, b), List.of("A", "B"));
        assertEquals(List.of("1:1"), List.copyOf(marks.get(0).keySet()));
        assertEquals(List.of("1:1"), List.copyOf(marks.get(1).keySet()));
    }

    @Test
    void aRunWithoutTheTableMarksNothing() {
        CsvTable a = new CsvTable(List.of("padding", "acc"), List.of(List.of("zero", "0.9")));
        List<Map<String, String>> marks = RunComparison.differingCells(java.util.Arrays.asList(a, null), List.of("A", "B"));
        assertEquals(List.of(Map.of(), Map.of()), marks);
    }
}
