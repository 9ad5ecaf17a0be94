package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nnlab.SummaryJson;
import nnlab.padding.VariantTrainer.RoundResult;
import org.junit.jupiter.api.Test;

/** The typed padding summary writes the same summary.json as the map-based one did (summaries-v1/padding.json). */
class PaddingSummaryJsonTest {

    /**
     * Rounds finished out of order, a variant without rounds (NaN means, empty lists) and an
     * infinite accuracy: every case the old map-based summary had to write.
     */
    static List<VariantResult> knownResults() {
        VariantResult valid = new VariantResult("Net1", PaddingMode.VALID);
        valid.add(1, new RoundResult(97.5, 12.25, 0.0625, 7, 1.5));
        valid.add(0, new RoundResult(99.0, 10.0, 0.03125, 12, 2.25));
        VariantResult replicate = new VariantResult("Net1", PaddingMode.REPLICATE);
        replicate.add(0, new RoundResult(98.125, Double.POSITIVE_INFINITY, 1e-7, 3, 0.1));
        VariantResult unfinished = new VariantResult("Net2", PaddingMode.FCONV);
        return List.of(valid, replicate, unfinished);
    }

    @Test
    void writesExactlyTheMapBasedSummaryJson() {
        PaddingSummary summary = PaddingExperiment.summary(PaddingSettings.schema().defaults(), knownResults());
        assertEquals(SummaryJson.v1("padding.json"), SummaryJson.written(summary));
        assertEquals("valid 11 % on the switched test set", summary.headline(), "a variant without a finite mean is left out");
    }
}
