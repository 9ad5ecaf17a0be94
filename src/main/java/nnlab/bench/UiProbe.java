package nnlab.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import nnlab.app.ExperimentPanel;
import nnlab.app.NnLabApp;
import nnlab.app.Shell;
import nnlab.app.ShellExtension;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.Run;
import nnlab.kernel.run.RunEngine;
import nnlab.kernel.store.Json;
import nnlab.posenc.PosEncExperiment;
import nnlab.posenc.PosEncPanel;

/**
 * Measures the window the way a user meets it, for {@code nnlab bench}: started with
 * {@code -Dnnlab.probe=FILE}, the app records when its window was shown and ND4J was ready,
 * runs a short padding study while timing every JavaFX pulse (the longest gap is the UI's worst
 * freeze), then the same run again (keys {@code second_run_*}: what a user's next run meets, with
 * the code compiled and the views built), times EᵀE recompute and redraw at p = N = 512, writes
 * FILE as JSON and exits. It watches the window as a {@link ShellExtension} (registered in
 * META-INF/services), idle unless the property is set.
 */
public final class UiProbe implements ShellExtension {
    static final String PROPERTY = "nnlab.probe";
    /** Settings of the padding run streamed into the charts while pulses are timed. */
    static final String RUN_ARGS_PROPERTY = "nnlab.probe.args";
    private static final String DEFAULT_RUN_ARGS =
            "--net Net1 --padding fconv,replicate --rounds 2 --epochs 3 --train-size 1000 --val-size 500 --test-size 500";
    private static final int EET_SIZE = 512;
    private static final int EET_REPEATS = 6;

    private Path output;
    private RunEngine engine;
    private Function<String, ExperimentPanel> showExperiment;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<Long> pulses = new ArrayList<>();
    private final List<Double> redrawMillis = new ArrayList<>();
    private final List<Double> computeMillis = new ArrayList<>();
    private AnimationTimer pulseTimer;
    private boolean settled;

    static double secondsSinceJvmStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    }

    @Override
    public void windowShown(Shell shell) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) return;
        output = Paths.get(file);
        engine = shell.engine();
        showExperiment = shell::showExperiment;
        results.put("first_window_seconds", secondsSinceJvmStart());
    }

    /** Once ND4J is loaded: starts the measured padding run. */
    @Override
    public void backendReady(Shell shell, Throwable error) {
        if (output == null) return;
        results.put("nd4j_ready_seconds", secondsSinceJvmStart());
        if (error != null) {
            finish("ND4J failed to load: " + error);
            return;
        }
        try {
            Config config = nnlab.cli.SettingsOptions.parse(new nnlab.padding.PaddingExperiment(),
                    System.getProperty(RUN_ARGS_PROPERTY, DEFAULT_RUN_ARGS));
            results.put("padding_run_settings", config.values());
            startPaddingRun(config, 1);
        } catch (RuntimeException e) {
            finish("could not start the padding run: " + e);
        }
    }

    /** Run 1 meets a fresh JVM (cold code, first views); run 2 is the same run again, as a user's next one. */
    private void startPaddingRun(Config config, int number) {
        ExperimentPanel panel = showExperiment.apply("padding");
        if (number == 1 && panel.loadSettings(config)) {
            // As a user does: the settings go into the form first, then Start is pressed. The
            // form and the views that follow it (preview, planned results) settle before timing.
            PauseTransition settle = new PauseTransition(javafx.util.Duration.seconds(1));
            settle.setOnFinished(e -> timePaddingRun(panel, config, number));
            settle.play();
        } else {
            timePaddingRun(panel, config, number);
        }
    }

    private void timePaddingRun(ExperimentPanel panel, Config config, int number) {
        pulses.clear();
        startPulseTimer();
        long before = engine.runs().size();
        if (!panel.startRun(config)) {
            finish("the padding panel did not start the run");
            return;
        }
        Run run = engine.runs().get((int) before);
        Thread waiter = new Thread(() -> {
            try {
                run.await(30, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Let the last batched chart updates land before the pulse timing stops.
            sleep(300);
            Platform.runLater(() -> {
                paddingRunDone(run, number == 1 ? "" : "second_run_");
                if (number < 2) startPaddingRun(config, number + 1);
                else measureEtE();
            });
        }, "nnlab-probe");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void startPulseTimer() {
        pulseTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.add(now);
            }
        };
        pulseTimer.start();
    }

    private void paddingRunDone(Run run, String prefix) {
        pulseTimer.stop();
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("padding_run_status", run.status().name().toLowerCase());
        long[] gaps = new long[Math.max(0, pulses.size() - 1)];
        for (int i = 1; i < pulses.size(); i++) gaps[i - 1] = pulses.get(i) - pulses.get(i - 1);
        Arrays.sort(gaps);
        measured.put("pulses", pulses.size());
        measured.put("run_seconds", pulses.size() < 2 ? 0 : (pulses.get(pulses.size() - 1) - pulses.get(0)) / 1e9);
        measured.put("longest_pulse_gap_ms", gaps.length == 0 ? Double.NaN : gaps[gaps.length - 1] / 1e6);
        measured.put("pulse_gap_p99_ms", gaps.length == 0 ? Double.NaN : gaps[(int) Math.floor(0.99 * (gaps.length - 1))] / 1e6);
        long over = Arrays.stream(gaps).filter(g -> g > 50_000_000L).count();
        measured.put("pulse_gaps_over_50ms", over);
        // Where the worst gaps fell (seconds after the run started), to tell start-up from steady state.
        List<Map<String, Double>> worst = new ArrayList<>();
        for (int i = 1; i < pulses.size(); i++) {
            long gap = pulses.get(i) - pulses.get(i - 1);
            if (gap > 50_000_000L) worst.add(Map.of("at_seconds", (pulses.get(i - 1) - pulses.get(0)) / 1e9, "gap_ms", gap / 1e6));
        }
        worst.sort((x, y) -> Double.compare(y.get("gap_ms"), x.get("gap_ms")));
        measured.put("longest_gaps", worst.subList(0, Math.min(8, worst.size())));
        measured.forEach((key, value) -> results.put(prefix + key, value));
    }

    /** EᵀE at p = N = 512: set once, then alternate N 511/512 so each change is one full recompute and redraw. */
    private void measureEtE() {
        ExperimentPanel panel = showExperiment.apply(PosEncExperiment.ID);
        if (!(panel instanceof PosEncPanel posenc)) {
            finish(null);
            return;
        }
        Config config = new PosEncExperiment().schema().defaults().with("p", EET_SIZE).with("n", EET_SIZE);
        posenc.redrawsProperty().addListener((o, a, b) -> {
            boolean atSize = posenc.shownP() == EET_SIZE && posenc.shownN() >= EET_SIZE - 1;
            if (!atSize) return;
            // The first redraw at this size settles the panel; each later one answers one slider change.
            if (settled) {
                redrawMillis.add(posenc.lastRedrawMillis());
                computeMillis.add(posenc.lastComputeMillis());
            }
            settled = true;
            if (redrawMillis.size() >= EET_REPEATS) {
                results.put("ete_p_and_n", EET_SIZE);
                results.put("ete_redraw_ms", redrawMillis);
                results.put("ete_compute_ms", computeMillis);
                results.put("ete_redraw_median_ms", median(redrawMillis));
                results.put("ete_compute_median_ms", median(computeMillis));
                finish(null);
            } else {
                // The next change on a later pulse, so the previous image has really been drawn.
                Platform.runLater(() -> posenc.setPositions(posenc.shownN() == EET_SIZE ? EET_SIZE - 1 : EET_SIZE));
            }
        });
        posenc.startRun(config);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private void finish(String error) {
        if (error != null) results.put("error", error);
        try {
            Json.writeFile(output, results);
        } catch (Exception e) {
            System.err.println("nnlab probe: cannot write " + output + ": " + e.getMessage());
        }
        Platform.exit();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
