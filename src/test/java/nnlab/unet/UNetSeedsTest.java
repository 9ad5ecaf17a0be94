package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several seeds: the per-class table gives mean ± std over the seeds and the gap paired per seed. */
class UNetSeedsTest {

    @BeforeAll
    static void natives() {
        NativeSetup.initNow();
    }

    @Test
    void twoSeedsGiveMeanStdAndAPairedGap() throws Exception {
        UNetExperimentTest.Recorder rec = new UNetExperimentTest.Recorder();
        UNetSummary summary = new UNetExperiment().run(UNetTiny.config(Map.of("seeds", "2", "seed", "5")), rec);

        assertEquals(List.of(5, 6), summary.seeds());
        List<Double> on = summary.models().get(UNetExperiment.WITH).valMeanIou();
        List<Double> off = summary.models().get(UNetExperiment.WITHOUT).valMeanIou();
        assertEquals(2, on.size());
        assertEquals(2, off.size());
        // paired: seed by seed (the rounds of a seed share canvases and initial weights)
        List<Double> gaps = summary.iouGapPerSeed();
        assertEquals(2, gaps.size());
        for (int s = 0; s < 2; s++) assertEquals(on.get(s) - off.get(s), gaps.get(s), 1e-12, "gap of seed " + (5 + s));
        assertEquals((gaps.get(0) + gaps.get(1)) / 2, summary.iouGap(), 1e-12);

        List<RunEvent.Table> tables = rec.of(RunEvent.Table.class).stream().filter(t -> t.id().equals("per-class-iou")).toList();
        RunEvent.Table last = tables.get(tables.size() - 1);
        assertTrue(last.title().contains("mean ± std over 2 seeds"), last.title());
        assertEquals("Gap with − without (paired per seed)", last.columns().get(3));
        int classes = summary.classNames().size();
        assertEquals(classes + 1, last.rows().size(), "every class and the mean");
        List<String> mean = last.rows().get(classes);
        assertEquals(UNetFigures.meanStd(on), mean.get(1));
        assertEquals(UNetFigures.meanStd(off), mean.get(2));
        double gapStd = Math.abs(gaps.get(0) - gaps.get(1)) / Math.sqrt(2);
        assertEquals(String.format(java.util.Locale.ROOT, "%+.3f ± %.3f", summary.iouGap(), gapStd), mean.get(3));
        assertTrue(mean.get(1).contains(" ± "), mean.get(1));
        assertTrue(summary.headline().endsWith("(gap " + mean.get(3) + ", paired over 2 seeds)"), summary.headline());

        // one curve per model and seed, first appearing in the fixed order with skips first, seed by seed
        List<String> order = rec.of(RunEvent.Metric.class).stream().filter(m -> m.chart().equals("loss")).map(RunEvent.Metric::series)
                .distinct().toList();
        List<String> fixed = List.of("with skips, seed 5", "without skips, seed 5", "with skips, seed 6", "without skips, seed 6");
        assertEquals(fixed, order);
        nnlab.kernel.figure.LineFigure exported = (nnlab.kernel.figure.LineFigure) rec.of(RunEvent.FigureUpdate.class).stream()
                .filter(f -> f.id().equals("iou-curves")).reduce((a, b) -> b).orElseThrow().figure();
        assertEquals(fixed, exported.series().stream().map(nnlab.kernel.figure.LineFigure.Series::name).toList());
    }

    @Test
    void seedsOutOfRangeAreRefusedNamingTheSetting() {
        for (String bad : List.of("0", "21")) {
            ConfigException e = assertThrows(ConfigException.class, () -> UNetTiny.config(Map.of("seeds", bad)));
            assertEquals("seeds", e.problems().get(0).key(), e.getMessage());
        }
    }
}
