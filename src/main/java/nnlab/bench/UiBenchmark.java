package nnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnlab.kernel.store.Json;

/**
 * Starts the app in a fresh JVM with its UI probe on (see UiProbe) and reads back what
 * it measured: first window, ND4J ready, the longest JavaFX pulse gap while a padding run
 * streams into the charts, and EᵀE recompute + redraw at p = N = 512.
 */
public final class UiBenchmark {
    /** Properties handed to the child so it runs the same way as this JVM (e.g. headless Monocle in tests). */
    private static final List<String> PASSED_PREFIXES = List.of("glass.", "monocle.", "prism.", "testfx.", "java.awt.headless");

    private UiBenchmark() { }

    /** Why the window cannot be measured here, or null if it can. */
    public static String unavailableReason() {
        boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
        boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if (!monocle && linux && (display == null || display.isBlank()) && (wayland == null || wayland.isBlank())) {
            return "no display: run under a desktop session or xvfb-run";
        }
        return null;
    }

    public static Map<String, Object> run(Path workDir, String paddingRunArgs, int timeoutSeconds) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path result = workDir.resolve("ui-probe.json");
        Files.deleteIfExists(result);
        Path runs = Files.createTempDirectory(workDir, "ui-probe-runs");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String key : System.getProperties().stringPropertyNames()) {
            if (PASSED_PREFIXES.stream().anyMatch(key::startsWith)) command.add("-D" + key + "=" + System.getProperty(key));
        }
        command.add("-Dnnlab.probe=" + result.toAbsolutePath());
        command.add("-Dnnlab.probe.args=" + paddingRunArgs);
        command.add("-Dnnlab.runs.dir=" + runs.toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("nnlab.Main");
        Path log = workDir.resolve("ui-probe.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                out.put("error", "the app did not finish the probe within " + timeoutSeconds + " s (log: " + log + ")");
                return out;
            }
        } finally {
            child.destroyForcibly();
            deleteTree(runs);
        }
        if (!Files.exists(result)) {
            out.put("error", "the app exited with code " + child.exitValue() + " without writing its measurements (log: " + log + ")");
            return out;
        }
        out.putAll(Json.readMap(result));
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
