package nnlab.compat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14: the rotation study (generated shapes) gives the same numbers as before the plug-in refactor. */
class RotationGoldenTest {

    @Test
    void aShortRunGivesTheNumbersSavedBeforeThePlugInRefactor(@TempDir Path runs) throws Exception {
        // The settings of the command line in fixtures/runs-v1/README.md.
        GoldenRuns.assertSameAsFixture("rotation", Map.ofEntries(
                Map.entry("data", "synthetic"), Map.entry("train-size", "400"), Map.entry("test-size", "80"),
                Map.entry("epochs", "2"), Map.entry("batch-size", "32"), Map.entry("angle-step", "90")), runs);
    }
}
