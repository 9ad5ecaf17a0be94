package nnlab.attncost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;
import nnlab.kernel.config.ConfigException;
import nnlab.kernel.run.ExperimentCatalog;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import nnlab.kernel.run.ViewSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttentionCostExperimentTest {
    private final AttentionCostExperiment experiment = new AttentionCostExperiment();

    @BeforeAll
    static void init() {
        NativeSetup.initNow();
    }

    static class Recorder implements RunContext {
        final List<RunEvent> events = new ArrayList<>();
        final List<Map<String, Object>> rows = new ArrayList<>();
        double lastFraction = -1;

        @Override public void emit(RunEvent event) { events.add(event); }
        @Override public boolean isCancelled() { return false; }
        @Override public void progress(double fraction, String message) {
            assertTrue(fraction >= lastFraction && fraction <= 1 + 1e-9, "progress moves forward: " + fraction);
            lastFraction = fraction;
        }
        @Override public void recordMetrics(Map<String, Object> row) { rows.add(row); }
    }

    @Test
    void aCancelledRunStopsWithinTheSweep() {
        Config c = experiment.schema().fromText(Map.of("n-min", "16", "n-max", "64", "points", "3", "repeats", "1", "d", "8",
                "k", "4", "small-n", "16"));
        Recorder r = new Recorder() {
            @Override public boolean isCancelled() { return !rows.isEmpty(); }
        };
        assertThrows(nnlab.kernel.run.RunCancelledException.class, () -> experiment.run(c, r));
        assertEquals(1, r.rows.size(), "stopped right after the first measured point");
        // The tiled form stops between query blocks.
        int[] blocks = {0};
        org.nd4j.linalg.api.ndarray.INDArray x = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 10, 3);
        assertThrows(IllegalStateException.class, () -> AttentionMethods.tiled(x, x, x, 3, () -> {
            if (++blocks[0] == 2) throw new IllegalStateException("stop");
        }));
        assertEquals(2, blocks[0]);
    }

    @Test
    void isRegisteredAsAPlugIn() {
        assertTrue(ExperimentCatalog.byId(AttentionCostExperiment.ID).orElseThrow() instanceof AttentionCostExperiment);
    }

    @Test
    void slopeFitRecoversKnownExponents() {
        double[] x = {10, 30, 100, 300, 1000};
        double[] square = new double[x.length], linear = new double[x.length], noisy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            square[i] = 3e-9 * x[i] * x[i];
            linear[i] = 5 * x[i];
            noisy[i] = 2 * Math.pow(x[i], 1.5) * (i % 2 == 0 ? 1.1 : 0.9);
        }
        assertEquals(2, LogLogFit.of(x, square).slope(), 1e-12);
        assertEquals(3e-9 * 500 * 500, LogLogFit.of(x, square).at(500), 1e-12);
        assertEquals(1, LogLogFit.of(x, linear).slope(), 1e-12);
        assertEquals(1.5, LogLogFit.of(x, noisy).slope(), 0.05);
        assertEquals(2, LogLogFit.ofUpperHalf(x, square).slope(), 1e-12);
        // Points a log cannot take are left out; fewer than two give no slope.
        assertEquals(1, LogLogFit.of(new double[] {0, 1, 2, 4}, new double[] {5, 1, 2, 4}).slope(), 1e-12);
        assertTrue(Double.isNaN(LogLogFit.of(new double[] {1, 2}, new double[] {1, Double.NaN}).slope()));
        assertTrue(Double.isNaN(LogLogFit.of(new double[] {3, 3}, new double[] {1, 2}).slope()), "one x value has no slope");
    }

    @Test
    void countedCostsFollowTheWriteUpsArguments() {
        CostModel.Shape s = new CostModel.Shape(1000, 64, 32, 100);
        assertEquals(2.0 * 1000 * 1000 * 64, CostModel.multiplyAdds(CostModel.Method.SOFTMAX, s));
        assertEquals(2.0 * 1000 * 64 * 64 + 2.0 * 1000 * 64, CostModel.multiplyAdds(CostModel.Method.LINEAR, s));
        assertEquals(4.0 * 1000 * 32 * 64, CostModel.multiplyAdds(CostModel.Method.PROJECTED, s));
        assertEquals(2.0 * 1000 * 1000 * 64 + 1000 * 64 * 10, CostModel.multiplyAdds(CostModel.Method.TILED, s));
        // Doubling n: softmax memory ×≈4, the others ×≈2.
        CostModel.Shape small = s.withN(20000), big = s.withN(40000);
        assertEquals(4, CostModel.workingElements(CostModel.Method.SOFTMAX, big) / CostModel.workingElements(CostModel.Method.SOFTMAX, small), 0.05);
        for (CostModel.Method m : List.of(CostModel.Method.LINEAR, CostModel.Method.PROJECTED, CostModel.Method.TILED)) {
            assertEquals(2, CostModel.workingElements(m, big) / CostModel.workingElements(m, small), 0.05, m.id());
        }
        assertEquals(4.0 * 1000 * 64 + 4.0 * 1000 * 1000, CostModel.elementsMoved(false, s));
        assertEquals(2.0 * 1000 * 64 + 2.0 * 1000 * 64 * 10, CostModel.elementsMoved(true, s));
        // The largest n is the last one inside the budget.
        long n = CostModel.largestN(CostModel.Method.SOFTMAX, s, 4, CostModel.GIB);
        assertTrue(CostModel.totalBytes(CostModel.Method.SOFTMAX, s.withN(n), 4) <= CostModel.GIB);
        assertTrue(CostModel.totalBytes(CostModel.Method.SOFTMAX, s.withN(n + 1), 4) > CostModel.GIB);
        assertTrue(n > 16000 && n < 16384, "n² floats alone reach 1 GiB at 16384: " + n);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "n-max=100,n-min=200 | n-max | n-max must be larger than n-min = 200",
            "k=300 | k | k must be at most n-min = 256",
            "k=100 | k | k must be at most small n = 64",
            "d=0 | d | Width d (d) must be a whole number from 1 to 1024",
            "block=0 | block | Block (block) must be",
            "input-scale=0 | input-scale | must be a number from 0.05 to 8",
            "points=1 | points | Lengths (points) must be",
            "projection=random | projection | one of sample, pool, gaussian"})
    void badSettingsAreRefusedNamingTheField(String assignments, String key, String message) {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        for (String a : assignments.split(",")) text.put(a.split("=")[0], a.split("=")[1]);
        ConfigException e = assertThrows(ConfigException.class, () -> experiment.schema().fromText(text));
        assertEquals(key, e.problems().get(0).key(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void lengthsAndRanksAreLogSpacedAndComplete() {
        CostSettings s = CostSettings.of(experiment.schema().defaults());
        assertEquals(List.of(256, 512, 1024, 2048, 4096, 8192), java.util.Arrays.stream(s.lengths()).boxed().toList());
        assertEquals(List.of(1, 2, 4, 8, 16, 24, 32, 40, 48, 56, 64), java.util.Arrays.stream(s.ranks()).boxed().toList());
    }

    @Test
    void aTinyRunEmitsEveryDeclaredViewAndTheSummary() {
        Config c = experiment.schema().fromText(Map.of("n-min", "16", "n-max", "64", "points", "3", "repeats", "1", "d", "8",
                "k", "4", "block", "5", "small-n", "16"));
        Recorder r = new Recorder();
        AttentionCostSummary summary = experiment.run(c, r);
        Set<String> declared = new TreeSet<>();
        for (ViewSpec v : experiment.views(c)) declared.add(v.id());
        Set<String> emitted = new TreeSet<>();
        for (RunEvent e : r.events) {
            if (e instanceof RunEvent.FigureUpdate f) emitted.add(f.id());
            if (e instanceof RunEvent.Table t) emitted.add(t.id());
        }
        assertEquals(declared, emitted);
        assertEquals(3 * 4, r.rows.size(), "a metrics row per method and length");
        assertEquals(1, r.lastFraction, 1e-12);
        assertEquals(List.of(16, 32, 64), summary.lengths());
        for (AttentionCostSummary.MethodResult m : summary.methods()) {
            assertEquals(m.method().equals("softmax") || m.method().equals("tiled") ? 2 : 1, m.multiplyAddSlope(), 0.05, m.method());
            assertTrue(m.largestNIn1Gib() > 0);
        }
        AttentionCostSummary.RankError full = summary.errorVsK().get(summary.errorVsK().size() - 1);
        assertEquals(16, full.k());
        assertEquals(0, full.svdError(), 1e-9, "rank n reproduces P");
        assertEquals(0, full.projectedError(), 1e-9, "sampling all n positions is softmax attention");
        assertTrue(summary.errorVsK().get(0).svdError() > 1e-3, "rank 1 loses something");
        assertTrue(summary.headline().startsWith("time slopes softmax"));
    }
}
