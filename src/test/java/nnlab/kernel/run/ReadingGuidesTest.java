package nnlab.kernel.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every experiment's description and "How to read this" read as prose: a student sees them as written. */
class ReadingGuidesTest {

    @Test
    void everyGuideAndDescriptionIsProseWithoutRunsOfSpaces() {
        // The test fixtures (echo, fake) register themselves too; the app's experiments are those of target/classes.
        List<Experiment> all = ExperimentCatalog.all().stream()
                .filter(e -> !e.getClass().getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes")).toList();
        assertTrue(all.size() >= 10, "the catalog lists the experiments: " + all.size());
        for (Experiment e : all) {
            String guide = e.howToRead();
            assertTrue(guide != null && guide.strip().length() > 80, e.id() + " has a reading guide");
            // A text block joined by hand once left runs of 17 spaces in the middle of sentences (posenc).
            for (String text : List.of(guide, e.description())) {
                assertFalse(text.matches("(?s).*\\S {2,}\\S.*"), e.id() + ": a run of spaces in \"" + text + "\"");
                assertFalse(text.contains("\t"), e.id() + ": a tab in \"" + text + "\"");
            }
        }
    }
}
