package nnlab.posenc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import nnlab.SummaryJson;
import nnlab.kernel.config.Config;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.Test;

/** The typed posenc summary writes the same summary.json as the map-based one did (summaries-v1/posenc.json). */
class PosEncSummaryJsonTest {

    /** A small study: its summary is built inside the run, so the known values are the ones this config computes. */
    static Config knownConfig() {
        return new PosEncExperiment().schema().fromText(Map.of("p", "8", "n", "6", "row", "2", "draws", "2", "draw", "1",
                "seed", "7", "signal", "1, 2, 0.5, 3, 0", "k", "1", "c", "3"));
    }

    /** Drops the figures and rows: only the returned summary matters here. */
    static final RunContext QUIET = new RunContext() {
        @Override public void emit(RunEvent event) { }
        @Override public boolean isCancelled() { return false; }
        @Override public void progress(double fraction, String message) { }
        @Override public void recordMetrics(Map<String, Object> row) { }
    };

    @Test
    void writesTheMapBasedSummaryJson() {
        PosEncSummary summary = new PosEncExperiment().run(knownConfig(), QUIET);
        SummaryJson.assertSameJson(SummaryJson.v1("posenc.json"), SummaryJson.written(summary), 1e-9);
        assertEquals(String.format(java.util.Locale.ROOT, "cross terms %.3g of the sum, max-pool error 1.50",
                summary.addedVsConcatenated().crossTermsRelativeNormMean()), summary.headline());
    }

}
