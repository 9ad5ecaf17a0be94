package nnlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nnlab.kernel.NativeSetup;
import org.junit.jupiter.api.Test;

/** The redraw benchmark at a small size: every step is timed and printed. It judges no speed. */
class RedrawBenchmarkTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyStepIsTimedAndPrinted() {
        NativeSetup.initNow();
        Map<String, Object> redraw = RedrawBenchmark.run(32, 24, 2);
        assertEquals(32, redraw.get("ete_p"));
        assertEquals(24, redraw.get("ete_n"));
        Map<String, Object> steps = (Map<String, Object>) redraw.get("ete_steps_median_ms");
        assertEquals(List.of("encode E", "gemm EᵀE", "copy out", "Toeplitz check", "colour map", "whole encoding view"), List.copyOf(steps.keySet()));
        for (Object ms : steps.values()) assertTrue((Double) ms >= 0 && Double.isFinite((Double) ms), steps.toString());
        assertTrue((Double) redraw.get("heatmap_render_2x_median_ms") > 0);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        RedrawBenchmark.print(new PrintStream(printed, true, StandardCharsets.UTF_8), redraw);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("p = 32, N = 24") && text.contains("gemm EᵀE") && text.contains("1024 × 1024 heatmap"), text);
    }
}
