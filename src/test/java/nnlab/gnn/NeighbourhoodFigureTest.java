package nnlab.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The neighbourhood figure's title and key wrap to the figure's width instead of running off it. */
class NeighbourhoodFigureTest {
    /** 8 units per character: a monospaced stand-in for the font's metrics. */
    private static final ToDoubleFunction<String> WIDTH = s -> 8.0 * s.length();

    @Test
    void aTitleTooWideForTheFigureSplitsAfterItsColonAndEveryLineFits() {
        String title = "Node 2345 (Reinforcement_Learning, d̃ = 31) and its neighbours: GAT layer-1 attention vs GCN weights";
        List<String> lines = NeighbourhoodFigure.lines(title, WIDTH, 600);
        assertEquals(List.of("Node 2345 (Reinforcement_Learning, d̃ = 31) and its neighbours:", "GAT layer-1 attention vs GCN weights"), lines);
        assertEquals(List.of("Node 5 (A) and its neighbours: GAT vs GCN"), NeighbourhoodFigure.lines("Node 5 (A) and its neighbours: GAT vs GCN",
                WIDTH, 600), "a title that fits stays on one line");
        List<String> narrow = NeighbourhoodFigure.lines(title, WIDTH, 200);
        assertTrue(narrow.size() > 2, narrow.toString());
        for (String line : narrow) assertTrue(WIDTH.applyAsDouble(line) <= 200, "'" + line + "' fits 200");
        assertEquals(title, String.join(" ", narrow), "word by word, nothing lost");
    }
}
