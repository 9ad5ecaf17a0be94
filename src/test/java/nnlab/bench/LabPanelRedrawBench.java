package nnlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import nnlab.app.widgets.InteractiveFigures;
import nnlab.gradients.GradientsExperiment;
import nnlab.jl.JlExperiment;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigSchema;
import nnlab.kernel.figure.Figure;
import nnlab.kernel.run.ViewSpec;

/**
 * Slider change to pixels, measured in a real (headless Monocle) window: a lab's controls and
 * figure views at their default sizes, one slider moved between two values, and the time until
 * every figure view shows a new image. Not a test: run by hand (see docs/LABS.md).
 */
public final class LabPanelRedrawBench {
    private LabPanelRedrawBench() { }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        NativeSetup.initNow();
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        GradientsExperiment g = new GradientsExperiment();
        measure("gradients (chain tab)", g.schema(), List.of("depth", "width", "activation", "weights", "scaling", "weight", "inputs",
                "seed"), List.of(GradientsExperiment.CHAIN, GradientsExperiment.DEAD), GradientsExperiment::chainFigures, "depth", 30, 31, reps);
        JlExperiment j = new JlExperiment();
        List<String> keys = new ArrayList<>();
        j.schema().settings().forEach(s -> keys.add(s.key()));
        measure("jl (five figures)", j.schema(), keys, j.views(j.schema().defaults()), JlExperiment::figures, "k", 100, 101, reps);
        Platform.exit();
    }

    private static void measure(String name, ConfigSchema schema, List<String> keys, List<ViewSpec> views,
                                Function<Config, Map<String, Figure>> compute, String slider, double a, double b, int reps) throws Exception {
        InteractiveFigures lab = new InteractiveFigures("bench", schema, keys, Map::of, views, compute);
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene((Parent) lab.view(), 1280, 800));
            stage.show();
            lab.backendReady();
            shown.complete(null);
        });
        shown.get();
        waitForImages(lab, views, new Image[views.size()]);
        double[] ms = new double[reps];
        for (int i = -2; i < reps; i++) {
            Image[] before = images(lab, views);
            Object[] figuresBefore = figures(lab, views);
            long redrawsBefore = lab.redrawsProperty().get();
            double v = (i & 1) == 0 ? b : a;
            long t0 = System.nanoTime();
            Platform.runLater(() -> lab.controls().slider(slider).setValue(v));
            // Views whose content did not change keep their image (InteractiveFigures skips them).
            while (lab.redrawsProperty().get() == redrawsBefore) Thread.sleep(1);
            Object[] figuresAfter = figures(lab, views);
            for (int j = 0; j < before.length; j++) if (figuresAfter[j] == figuresBefore[j]) before[j] = null;
            waitForImages(lab, views, before);
            if (i >= 0) ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s: slider change to every figure redrawn on screen: median %.0f ms, p90 %.0f ms, min %.0f ms (%d changes)%n",
                name, s[s.length / 2], s[(int) Math.round(0.9 * (s.length - 1))], s[0], reps);
    }

    private static Image[] images(InteractiveFigures lab, List<ViewSpec> views) throws Exception {
        CompletableFuture<Image[]> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            Image[] out = new Image[views.size()];
            for (int i = 0; i < out.length; i++) out[i] = lab.figureView(views.get(i).id()).image();
            f.complete(out);
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    private static Object[] figures(InteractiveFigures lab, List<ViewSpec> views) throws Exception {
        CompletableFuture<Object[]> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(views.stream().map(v -> (Object) lab.figureView(v.id()).figure()).toArray()));
        return f.get(10, TimeUnit.SECONDS);
    }

    private static void waitForImages(InteractiveFigures lab, List<ViewSpec> views, Image[] before) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Image[] now = images(lab, views);
            boolean all = true;
            for (int i = 0; i < now.length; i++) all &= now[i] != null && (before[i] == null || now[i] != before[i]);
            if (all) return;
            Thread.sleep(2);
        }
        throw new IllegalStateException("the figures were not redrawn within 2 minutes");
    }

}
