package nnlab.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphDataTest {

    @Test
    void karateClubHas34Members78FriendshipsAndTwoFactionsOf17() {
        Graph g = KarateClub.graph(20, 500, 1000);
        assertEquals(34, g.nodes());
        assertEquals(78, g.edges().length);
        Set<Long> distinct = new HashSet<>();
        int[] degree = new int[34];
        for (int[] e : g.edges()) {
            assertTrue(e[0] != e[1] && e[0] >= 0 && e[1] < 34);
            distinct.add((long) Math.min(e[0], e[1]) * 34 + Math.max(e[0], e[1]));
            degree[e[0]]++;
            degree[e[1]]++;
        }
        assertEquals(78, distinct.size(), "no edge listed twice");
        assertEquals(16, degree[0], "the instructor has 16 friends");
        assertEquals(17, degree[33], "the officer has 17 friends");
        assertEquals(17, java.util.Arrays.stream(g.labels()).filter(y -> y == 0).count());
        assertEquals(0, g.labels()[0]);
        assertEquals(1, g.labels()[33]);
        assertSplitIsDisjoint(g);
        assertTrue(g.split().train().length >= 2 && g.split().validation().length >= 1 && g.split().test().length >= 1);
    }

    @Test
    void planetoidSplitGivesTheStandardCoraSizes() {
        int[] labels = new int[2708];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < labels.length; i++) labels[i] = rnd.nextInt(7);
        Graph.Split s = Graph.planetoidSplit(labels, 7, 20, 500, 1000);
        assertEquals(140, s.train().length);
        assertEquals(500, s.validation().length);
        assertEquals(1000, s.test().length);
        int[] perClass = new int[7];
        for (int i : s.train()) perClass[labels[i]]++;
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20}, perClass);
        // The train nodes are the first of their class in node order.
        for (int c = 0; c < 7; c++) {
            int seen = 0;
            for (int i = 0; i < labels.length && seen < 20; i++) {
                if (labels[i] != c) continue;
                final int node = i;
                assertTrue(java.util.Arrays.stream(s.train()).anyMatch(t -> t == node), "node " + i);
                seen++;
            }
        }
    }

    @Test
    void csbmIsReproducibleAndHomophilousAsAsked() {
        Csbm.Spec spec = new Csbm.Spec(400, 4, 0.05, 0.005, 8, 1.0, 7);
        Graph a = Csbm.generate(spec, 20, 100, 100);
        Graph b = Csbm.generate(spec, 20, 100, 100);
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.features(), b.features());
        assertEquals(a.edges().length, b.edges().length);
        Graph other = Csbm.generate(new Csbm.Spec(400, 4, 0.05, 0.005, 8, 1.0, 8), 20, 100, 100);
        assertNotEquals(java.util.Arrays.toString(a.labels()), java.util.Arrays.toString(other.labels()));
        int same = 0;
        for (int[] e : a.edges()) if (a.labels()[e[0]] == a.labels()[e[1]]) same++;
        // Expected: 4·C(100,2)·0.05 ≈ 990 within, 6·100²·0.005 = 300 between.
        assertEquals(990, same, 120);
        assertEquals(300, a.edges().length - same, 60);
        assertSplitIsDisjoint(a);
    }

    static void assertSplitIsDisjoint(Graph g) {
        Set<Integer> all = new HashSet<>();
        int total = 0;
        for (int[] part : new int[][] {g.split().train(), g.split().validation(), g.split().test()}) {
            for (int i : part) all.add(i);
            total += part.length;
        }
        assertEquals(total, all.size(), "train, validation and test are disjoint");
    }
}
