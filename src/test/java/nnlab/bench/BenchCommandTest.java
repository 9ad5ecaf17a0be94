package nnlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's smoke test of {@code bench --quick}: it completes and writes valid JSON with every
 * measurement present, including the window probe (a child JVM on headless Monocle here). It
 * checks no speed: benchmarks report, they do not fail on a slow machine.
 */
@Tag("slow") // times real training and opens the app in a child JVM (~50 s); ./mvnw -Pfast verify leaves it out
class BenchCommandTest {

    @Test
    @SuppressWarnings("unchecked")
    void quickBenchCompletesAndWritesValidJson(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = nnlab.cli.Cli.run(new String[] {"bench", "--quick", "--out", dir.toString()}, new PrintStream(table, true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(0, code, log.toString(StandardCharsets.UTF_8));

        Map<String, Object> json = Json.readMap(dir.resolve("bench.json"));
        assertEquals("quick", json.get("mode"));
        assertTrue(((Number) json.get("matmul_peak_gflops")).doubleValue() > 0);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("padding_study");
        assertEquals(4, rows.size(), "Net1/Net2 × fconv/replicate");
        for (Map<String, Object> row : rows) {
            for (String schedule : List.of("nnlab_study_schedule", "nnlab_single_round")) {
                double s = ((Number) ((Map<String, Object>) row.get(schedule)).get("seconds_per_epoch")).doubleValue();
                assertTrue(s > 0 && Double.isFinite(s), row.toString());
            }
        }
        List<Map<String, Object>> layers = (List<Map<String, Object>>) json.get("padding_layers");
        assertEquals(4, layers.size());
        List<Map<String, Object>> net1 = (List<Map<String, Object>>) layers.get(0).get("layers");
        assertTrue(((Number) net1.get(0).get("forward_gflops")).doubleValue() > 0, "the first convolution's FLOPs are counted");

        Map<String, Object> ui = (Map<String, Object>) json.get("ui");
        assertFalse(ui.containsKey("error"), "window probe: " + ui.get("error"));
        assertFalse(ui.containsKey("skipped"), "the tests run on headless Monocle, so the window can be measured");
        assertEquals("finished", ui.get("padding_run_status"));
        assertTrue(((Number) ui.get("first_window_seconds")).doubleValue() > 0);
        assertTrue(((Number) ui.get("nd4j_ready_seconds")).doubleValue() > 0);
        assertTrue(((Number) ui.get("pulses")).intValue() > 10, "pulses were timed during the run");
        assertTrue(((Number) ui.get("longest_pulse_gap_ms")).doubleValue() > 0);
        assertTrue(((Number) ui.get("second_run_longest_pulse_gap_ms")).doubleValue() > 0, "the probe times a second run too");
        assertEquals(6, ((List<?>) ui.get("ete_redraw_ms")).size());

        Map<String, Object> redraw = (Map<String, Object>) json.get("redraw");
        assertEquals(512, redraw.get("ete_n"));
        assertEquals(6, ((Map<?, ?>) redraw.get("ete_steps_median_ms")).size(), redraw.toString());
        assertTrue(((Number) redraw.get("heatmap_render_2x_median_ms")).doubleValue() > 0);

        Map<String, Object> memory = (Map<String, Object>) json.get("memory");
        assertEquals(20, ((List<?>) memory.get("rss_mb_after_each_run")).size());
        assertTrue(((Number) memory.get("rss_after_first_run_mb")).doubleValue() > 0);

        String printed = table.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Net2  replicate"), printed);
        assertTrue(printed.contains("longest JavaFX pulse gap"), printed);
        assertTrue(printed.contains("gemm EᵀE"), printed);
        assertTrue(printed.contains("Resident memory"), printed);
    }
}
