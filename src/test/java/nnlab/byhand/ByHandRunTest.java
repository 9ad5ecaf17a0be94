package nnlab.byhand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nnlab.cli.Cli;
import nnlab.kernel.run.ViewSpec;
import nnlab.kernel.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nnlab run by-hand` writes every declared view as PNG + CSV, and the summary carries the hand-checkable numbers. */
class ByHandRunTest {
    @TempDir
    Path tmp;

    @Test
    void theCommandLineWritesEveryTableAndDrawing() throws Exception {
        Path out = tmp.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "by-hand", "--conv-bias", "1", "--gnn-self", "false", "--out", out.toString(),
                "--runs-dir", tmp.resolve("runs").toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        for (ViewSpec v : ByHandExperiment.VIEWS) {
            assertTrue(Files.size(out.resolve(v.id() + ".png")) > 0, v.id() + ".png");
            assertTrue(Files.exists(out.resolve(v.id() + ".csv")), v.id() + ".csv");
        }
        // Bias 1: windows −2, −3, 5 become −1, −2, 6 → ReLU 0, 0, 6.
        List<String> conv = Files.readAllLines(out.resolve("conv-steps.csv"));
        assertEquals("Total,Σ of the ReLU column,,,,,6,", conv.get(conv.size() - 1));
        Map<String, Object> summary = Json.readMap(out.resolve("summary.json"));
        assertEquals(6.0, summary.get("conv_sum"));
        // Neighbours only: Σ_v h⁽¹⁾ = (9, 4), s = 13, y = σ(13).
        assertEquals(1 / (1 + Math.exp(-13)), (Double) summary.get("gnn_y"), 1e-15);
        assertTrue((Double) summary.get("gnn_max_abs_diff_autodiff_vs_finite_difference") < 1e-6);
        assertEquals(true, summary.get("walk_counts_match_adjacency_power"));
        assertEquals(0.0, summary.get("laplacian_max_abs_row_sum"));
    }

    @Test
    void aBadSettingIsRefusedNamingTheOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"run", "by-hand", "--gnn-q", "1, 1, 1", "--runs-dir", tmp.resolve("runs").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertEquals("nnlab run by-hand: --gnn-q: q (gnn-q) does not fit: q has 3 numbers but W has 2 rows (qᵀ h⁽¹⁾ must be defined)",
                err.toString(StandardCharsets.UTF_8).strip());
    }
}
