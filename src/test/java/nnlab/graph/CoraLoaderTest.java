package nnlab.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoraLoaderTest {
    @TempDir
    Path dir;

    private static final String CONTENT = String.join("\n",
            "31336\t0\t1\t0\t1\tNeural_Networks",
            "1061127\t1\t0\t0\t0\tRule_Learning",
            "1106406\t0\t0\t1\t0\tReinforcement_Learning",
            "13195\t0\t0\t1\t1\tNeural_Networks") + "\n";
    private static final String CITES = String.join("\n",
            "31336\t1061127",
            "1061127\t31336",
            "13195\t13195",
            "1106406\t13195",
            "");

    private void write(String content, String cites) throws IOException {
        Files.writeString(dir.resolve(CoraLoader.CONTENT), content);
        Files.writeString(dir.resolve(CoraLoader.CITES), cites);
    }

    @Test
    void readsPapersFeaturesClassesAndUndirectedCitations() throws IOException {
        write(CONTENT, CITES);
        Graph g = CoraLoader.load(dir, 1, 1, 1);
        assertEquals(4, g.nodes());
        assertEquals(4, g.featureDim());
        assertEquals(List.of("Neural_Networks", "Reinforcement_Learning", "Rule_Learning"), g.classNames());
        assertArrayEquals(new int[] {0, 2, 1, 0}, g.labels());
        assertArrayEquals(new float[] {0, 1, 0, 1}, java.util.Arrays.copyOfRange(g.features(), 0, 4));
        // The pair cited both ways is one edge; the self-citation is dropped.
        assertEquals(2, g.edges().length);
        assertArrayEquals(new int[] {0, 1}, g.edges()[0]);
        assertArrayEquals(new int[] {2, 3}, g.edges()[1]);
    }

    private GraphFormatException refused(String content, String cites) throws IOException {
        write(content, cites);
        return assertThrows(GraphFormatException.class, () -> CoraLoader.load(dir, 1, 1, 1));
    }

    private static void assertNames(GraphFormatException e, String file, int line, String reason) {
        assertTrue(e.getMessage().contains(file), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("line " + line) || line == 0, e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void refusesANonBinaryFeature() throws IOException {
        assertNames(refused(CONTENT.replace("13195\t0\t0\t1\t1", "13195\t0\t0.5\t1\t1"), CITES),
                "cora.content", 4, "feature 2 is '0.5'");
    }

    @Test
    void refusesAnInconsistentFeatureCount() throws IOException {
        assertNames(refused(CONTENT.replace("1061127\t1\t0\t0\t0", "1061127\t1\t0\t0"), CITES),
                "cora.content", 2, "has 3 features but line 1 has 4");
    }

    @Test
    void refusesADuplicatePaperAndATruncatedLine() throws IOException {
        assertNames(refused(CONTENT + "31336\t0\t0\t0\t0\tRule_Learning\n", CITES), "cora.content", 5, "appears twice");
        assertNames(refused(CONTENT + "99\tNeural_Networks\n", CITES), "cora.content", 5, "found 2 fields");
    }

    @Test
    void refusesCitationsOfUnknownPapersAndBadCitationLines() throws IOException {
        assertNames(refused(CONTENT, CITES + "31336\t4242\n"), "cora.cites", 5, "'4242' is not in cora.content");
        assertNames(refused(CONTENT, "31336\t1061127\textra\n"), "cora.cites", 1, "found 3 fields");
    }

    @Test
    void refusesAMissingOrEmptyFile() throws IOException {
        Files.writeString(dir.resolve(CoraLoader.CONTENT), CONTENT);
        GraphFormatException missing = assertThrows(GraphFormatException.class, () -> CoraLoader.load(dir, 1, 1, 1));
        assertNames(missing, "cora.cites", 0, "file not found");
        assertNames(refused("\n\n", CITES), "cora.content", 0, "no papers");
    }

    @Test
    void readsAnotherDataSetInTheSameFormatByItsOwnFileNames() throws IOException {
        Files.writeString(dir.resolve("citeseer.content"), CONTENT);
        Files.writeString(dir.resolve("citeseer.cites"), CITES + "31336	4242\n");
        GraphFormatException e = assertThrows(GraphFormatException.class, () -> CoraLoader.load(dir, 1, 1, 1));
        assertNames(e, "citeseer.cites", 5, "'4242' is not in citeseer.content");
        Files.writeString(dir.resolve("citeseer.cites"), CITES);
        assertEquals(4, CoraLoader.load(dir, 1, 1, 1).nodes());
    }
}
