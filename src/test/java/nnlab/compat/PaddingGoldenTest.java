package nnlab.compat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14: the padding study trains the same numbers as before the plug-in refactor (with the data generator of then). */
class PaddingGoldenTest {

    @Test
    void aShortRunGivesTheNumbersSavedBeforeThePlugInRefactor(@TempDir Path runs) throws Exception {
        // The settings of the command line in fixtures/runs-v1/README.md.
        GoldenRuns.assertSameAsFixture("padding", Map.ofEntries(
                Map.entry("net", "Net1"), Map.entry("padding", "replicate"), Map.entry("rounds", "2"),
                Map.entry("parallel-rounds", "1"), Map.entry("epochs", "3"), Map.entry("train-size", "200"),
                Map.entry("val-size", "100"), Map.entry("test-size", "100"), Map.entry("batch-size", "50"),
                Map.entry("image-size", "16"), Map.entry("box", "2"), Map.entry("offset-top", "3"),
                Map.entry("offset-bottom", "11"), Map.entry("test-shift", "8"),
                // Issue #22 changed two defaults; the fixture's config.json predates both keys, so it
                // means java's draw and no published column, and the fresh run must say so explicitly.
                Map.entry("generator", "java"), Map.entry("published", "false")), runs);
    }
}
