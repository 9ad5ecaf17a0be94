package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import nnlab.datasets.DataSources;

/** A tiny run end to end: the loss falls, IoU beats the all-background guess, every declared view is fed. */
class UNetExperimentTest {

    @BeforeAll
    static void backend() {
        NativeSetup.initNow();
    }

    static final class Recorder implements RunContext {
        final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        @Override public void emit(RunEvent event) { events.add(event); }
        @Override public boolean isCancelled() { return false; }
        @Override public void progress(double fraction, String message) { assertTrue(fraction >= 0 && fraction <= 1 + 1e-9, "progress " + fraction); }
        @Override public void recordMetrics(Map<String, Object> row) { }

        <T extends RunEvent> List<T> of(Class<T> type) {
            synchronized (events) {
                return events.stream().filter(type::isInstance).map(type::cast).toList();
            }
        }
    }

    static Config tiny(UNetExperiment unet) {
        Map<String, String> s = new HashMap<>();
        s.putAll(Map.of("data", "fashion-mnist", "canvas-height", "28", "canvas-width", "28", "min-items", "1", "max-items", "1",
                "train-size", "128", "val-size", "48", "test-size", "16", "epochs", "5", "batch-size", "8"));
        s.putAll(Map.of("down1", "8", "down2", "8", "bottleneck", "8", "up1", "8", "up2", "8", "lr", "0.003", "strip-images", "2"));
        return unet.schema().fromText(s);
    }

    @Test
    @Tag("slow")
    void aTinyTrainingLowersTheLossAndBeatsTheAllBackgroundGuess() throws Exception {
        Assumptions.assumeTrue(DataSources.findIdxDir(null, DataSources.DEBIAN_FASHION_MNIST) != null, "Fashion-MNIST not installed");
        UNetExperiment unet = (UNetExperiment) ExperimentCatalog.byId("unet").orElseThrow();
        Config c = tiny(unet);
        Recorder r = new Recorder();
        UNetSummary summary = unet.run(c, r);

        SegmentationSet val = UNetData.load(c).validation();
        Iou background = new Iou(val.classes());
        background.add(val.masks(), new int[val.masks().length]);
        double guess = background.mean();
        for (String model : List.of(UNetExperiment.WITH, UNetExperiment.WITHOUT)) {
            UNetSummary.Model m = summary.models().get(model);
            List<Double> loss = m.trainLossPerEpoch().get(0);
            assertTrue(loss.get(loss.size() - 1) < loss.get(0), model + ": training loss " + loss + " did not fall");
            double iou = m.valMeanIou().get(0);
            assertTrue(iou > guess + 0.05, model + ": val mean IoU " + iou + " is not above the all-background guess " + guess);
        }
        assertEquals("fashion-mnist", summary.data());
        assertTrue(summary.headline().startsWith("val mIoU with skips"), summary.headline());

        List<RunEvent.Metric> metrics = r.of(RunEvent.Metric.class);
        for (String view : List.of("loss", "val-iou")) {
            for (String series : List.of(UNetExperiment.WITH, UNetExperiment.WITHOUT)) {
                assertEquals(5, metrics.stream().filter(e -> e.chart().equals(view) && e.series().equals(series)).count(), view + " " + series);
            }
        }
        List<String> figures = r.of(RunEvent.FigureUpdate.class).stream().map(RunEvent.FigureUpdate::id).distinct().toList();
        assertTrue(figures.containsAll(List.of("strip", "loss-curves", "iou-curves")), figures.toString());
        List<String> tables = r.of(RunEvent.Table.class).stream().map(RunEvent.Table::id).distinct().toList();
        assertTrue(tables.containsAll(List.of("per-class-iou", "results")), tables.toString());
    }
}
