package nnlab.kernel.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricCurvesTest {

    @Test
    void paddingMetricsGiveOneChartPerMetricAndOneCurvePerVariantAndRound() {
        CsvTable t = new CsvTable(List.of("net", "padding", "round", "epoch", "train_loss", "val_acc"), List.of(
                List.of("Net1", "zero", "1", "1", "0.9", "0.5"),
                List.of("Net1", "zero", "1", "2", "0.5", "0.75"),
                List.of("Net1", "valid", "1", "1", "0.8", "NaN"),
                List.of("Net1", "valid", "1", "2", "0.4", "1")));
        List<MetricCurves.Chart> charts = MetricCurves.charts(t);
        assertEquals(List.of("train_loss", "val_acc"), charts.stream().map(MetricCurves.Chart::metric).toList());
        MetricCurves.Chart loss = charts.get(0);
        assertEquals("epoch", loss.xColumn());
        assertEquals("Train loss", loss.title());
        assertEquals(List.of("Net1 · zero · round 1", "Net1 · valid · round 1"), loss.curves().stream().map(MetricCurves.Curve::name).toList());
        assertArrayEquals(new double[] {1, 2}, loss.curves().get(0).x());
        assertArrayEquals(new double[] {0.9, 0.5}, loss.curves().get(0).y());
        // The NaN of a diverged epoch is skipped, not plotted.
        assertArrayEquals(new double[] {2}, charts.get(1).curves().get(1).x());
    }

    @Test
    void eachMetricTakesTheXColumnItsRowsFill() {
        // The rotation study writes loss rows per epoch and accuracy rows per angle in one file.
        CsvTable t = new CsvTable(List.of("model", "epoch", "angle", "train_loss", "test_acc"), List.of(
                List.of("A", "1", "", "0.7", ""),
                List.of("A", "2", "", "0.4", ""),
                List.of("A", "", "0", "", "0.9"),
                List.of("A", "", "90", "", "0.3")));
        Map<String, String> x = new java.util.LinkedHashMap<>();
        for (MetricCurves.Chart c : MetricCurves.charts(t)) x.put(c.metric(), c.xColumn());
        assertEquals(Map.of("train_loss", "epoch", "test_acc", "angle"), x);
    }

    @Test
    void withoutAnXColumnTheRowNumberIsUsed() {
        CsvTable t = new CsvTable(List.of("loss"), List.of(List.of("3"), List.of("2.5")));
        MetricCurves.Chart c = MetricCurves.charts(t).get(0);
        assertEquals("row", c.xColumn());
        assertEquals("", c.curves().get(0).name());
        assertArrayEquals(new double[] {1, 2}, c.curves().get(0).x());
    }

    @Test
    void anEmptyFileGivesNoCharts() {
        assertEquals(List.of(), MetricCurves.charts(new CsvTable(List.of(), List.of())));
        assertEquals(List.of(), MetricCurves.charts(null));
    }
}
