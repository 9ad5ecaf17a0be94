package nnlab.compat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14: the oversmoothing study (generated graph) trains the same numbers as before the plug-in refactor. */
class OversmoothingGoldenTest {

    @Test
    void aShortRunGivesTheNumbersSavedBeforeThePlugInRefactor(@TempDir Path runs) throws Exception {
        // The settings of the command line in fixtures/runs-v1/README.md.
        GoldenRuns.assertSameAsFixture("oversmoothing", Map.ofEntries(
                Map.entry("graph", "csbm"), Map.entry("nodes", "200"), Map.entry("depths", "1,2,4"),
                Map.entry("epochs", "10"), Map.entry("hidden", "16"), Map.entry("train-per-class", "10"),
                Map.entry("val-size", "40"), Map.entry("test-size", "100")), runs);
    }
}
