package nnlab.compat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14: the positional-encoding study computes the same matrices and numbers as before the plug-in refactor. */
class PosEncGoldenTest {

    @Test
    void aShortRunGivesTheNumbersSavedBeforeThePlugInRefactor(@TempDir Path runs) throws Exception {
        // The settings of the command line in fixtures/runs-v1/README.md.
        GoldenRuns.assertSameAsFixture("posenc", Map.ofEntries(
                Map.entry("p", "32"), Map.entry("n", "16"), Map.entry("draws", "2"), Map.entry("length", "16")), runs);
    }
}
