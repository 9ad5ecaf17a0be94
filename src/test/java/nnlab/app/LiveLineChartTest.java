package nnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LiveLineChartTest {
    private LiveLineChart chart;
    private StackPane holder;

    @Start
    void start(Stage stage) {
        chart = new LiveLineChart("loss", "Loss", "epoch", "cross-entropy");
        holder = new StackPane(chart);
        holder.setMaxWidth(600);
        Fx.showInStage(stage, new StackPane(holder));
    }

    @Test
    void pointsAreDrawnAtTheCardsWidthOffTheJavaFxThread() {
        Fx.run(() -> chart.addMetrics(List.of(new RunEvent.Metric("loss", "train", 1, 0.9),
                new RunEvent.Metric("loss", "train", 2, 0.5), new RunEvent.Metric("loss", "validation", 1, 1.0))));
        Fx.waitUntil("the points drawn", 5000, chart::upToDate);
        Image image = Fx.get(chart::image);
        double plotWidth = Fx.get(() -> chart.getWidth() - chart.snappedLeftInset() - chart.snappedRightInset());
        assertTrue(Math.abs(image.getWidth() - Math.floor(plotWidth)) <= 2, image.getWidth() + " px drawn for " + plotWidth);
        // The drawing has lines in it, not just a white canvas.
        int coloured = 0;
        for (int y = 0; y < (int) image.getHeight(); y += 2) {
            for (int x = 0; x < (int) image.getWidth(); x += 2) {
                int argb = image.getPixelReader().getArgb(x, y);
                int r = argb >> 16 & 0xff, g = argb >> 8 & 0xff, b = argb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) coloured++;
            }
        }
        assertTrue(coloured > 20, "coloured pixels of the curves: " + coloured);
    }

    @Test
    void aBurstOfUpdatesIsDrawnAFewTimesWithEveryPoint() {
        Fx.waitUntil("laid out and drawn", 5000, chart::upToDate);
        int before = Fx.get(chart::renderCount);
        Fx.run(() -> {
            for (int epoch = 1; epoch <= 200; epoch++) chart.addMetric(new RunEvent.Metric("loss", "train", epoch, 1.0 / epoch));
        });
        Fx.waitUntil("the last point drawn", 5000, chart::upToDate);
        int drawnAfterBurst = Fx.get(chart::renderCount) - before;
        assertTrue(drawnAfterBurst >= 1 && drawnAfterBurst <= 3, "200 updates in one go were drawn " + drawnAfterBurst + " times");
        assertEquals(200, Fx.get(() -> chart.toFigure().series().get(0).x().length), "what is exported holds every point");
    }

    @Test
    void aNewPhaseStartsFromNoCurvesAndIsNamedInTheExport() {
        Fx.run(() -> {
            chart.addMetric(new RunEvent.Metric("loss", "train", 1, 0.9));
            chart.startPhase("Net1 · fconv · rounds 1–2/10");
            chart.addMetric(new RunEvent.Metric("loss", "train · round 1", 1, 0.7));
            chart.addMetric(new RunEvent.Metric("other-chart", "train", 1, 0.7));
        });
        assertEquals(List.of("train · round 1"), Fx.get(chart::seriesNames));
        assertEquals("Loss — Net1 · fconv · rounds 1–2/10", Fx.get(() -> chart.toFigure().title()));
    }

    @Test
    void aRoundOnTheQueueRetiresOnlyItsOwnCurves() {
        Fx.run(() -> {
            chart.setPhaseTitle("Net1 · fconv · rounds 1, 2/10");
            chart.addMetrics(List.of(new RunEvent.Metric("loss", "train loss · round 1", 1, 0.9),
                    new RunEvent.Metric("loss", "train loss · round 2", 1, 0.8),
                    new RunEvent.Metric("loss", "validation loss · round 1", 1, 1.0)));
            chart.retire(" · round 1");
            chart.setPhaseTitle("Net1 · fconv · rounds 2, 3/10");
            chart.addMetric(new RunEvent.Metric("loss", "train loss · round 3", 1, 0.95));
        });
        assertEquals(List.of("train loss · round 2", "train loss · round 3"), Fx.get(chart::seriesNames));
        assertEquals("Net1 · fconv · rounds 2, 3/10", Fx.get(chart::subtitle));
        Fx.waitUntil("drawn", 5000, chart::upToDate);
    }

    /** Every chart hears every phase; only one that draws a point of it is subtitled by it. */
    @Test
    void aPhaseNamesOnlyTheChartsThatDrawIt() {
        Fx.run(() -> chart.setPhaseTitle("Net1 · replicate · rounds 1, 2/2"));
        assertEquals("", Fx.get(chart::subtitle), "no point of Net1's phase here yet");
        Fx.run(() -> chart.addMetric(new RunEvent.Metric("loss", "replicate · round 1", 1, 0.7)));
        assertEquals("Net1 · replicate · rounds 1, 2/2", Fx.get(chart::subtitle));
        Fx.run(() -> chart.setPhaseTitle("Net2 · valid · rounds 1, 2/2"));
        assertEquals("Net1 · replicate · rounds 1, 2/2", Fx.get(chart::subtitle), "the curves on it are still Net1's");
        Fx.run(() -> chart.addMetric(new RunEvent.Metric("other-chart", "valid · round 1", 1, 0.7)));
        assertEquals("Net1 · replicate · rounds 1, 2/2", Fx.get(chart::subtitle), "a point of another chart changes nothing here");
    }

    @Test
    void clearingTheCurvesKeepsTheCardsHeightSoTheViewsBelowStayPut() {
        Fx.run(() -> {
            for (String name : List.of("train loss · round 1", "validation loss · round 1", "train loss · round 2", "validation loss · round 2")) {
                chart.addMetrics(List.of(new RunEvent.Metric("loss", name, 1, 0.9), new RunEvent.Metric("loss", name, 2, 0.6)));
            }
        });
        Fx.waitUntil("drawn with its legend", 5000, chart::upToDate);
        double withLegend = Fx.get(() -> chart.prefHeight(-1));
        double imageWithLegend = Fx.get(() -> chart.image().getHeight());
        Fx.run(chart::clear);
        Fx.waitUntil("drawn empty", 5000, () -> chart.upToDate() && chart.image().getHeight() < imageWithLegend);
        assertEquals(withLegend, Fx.get(() -> chart.prefHeight(-1)), 0.5, "the card keeps its height when its legend goes");
    }

    @Test
    void aPhaseTitleComingOrGoingKeepsTheCardsHeight() {
        Fx.waitUntil("drawn", 5000, chart::upToDate);
        double withoutTitle = Fx.get(() -> chart.prefHeight(-1));
        // A run's start clears the title and its first phase sets one: neither may move the views below.
        Fx.run(() -> chart.setPhaseTitle("Net1 · fconv · rounds 1, 2/10"));
        assertEquals(withoutTitle, Fx.get(() -> chart.prefHeight(-1)), 0.5);
        Fx.run(chart::clear);
        assertEquals(withoutTitle, Fx.get(() -> chart.prefHeight(-1)), 0.5);
    }
}
