package nnlab.graph;

import java.util.List;

/**
 * Zachary's karate club (Zachary 1977): 34 members, 78 friendships, and the faction each member
 * joined after the split (as in networkx's karate_club_graph: "Mr. Hi" or "Officer"). There are
 * no node attributes, so every node gets a one-hot identity feature, as in Kipf &amp; Welling's demo.
 */
public final class KarateClub {
    private KarateClub() { }

    public static final int NODES = 34;

    static final int[][] EDGES = {
        {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11},
        {0, 12}, {0, 13}, {0, 17}, {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13},
        {1, 17}, {1, 19}, {1, 21}, {1, 30}, {2, 3}, {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27},
        {2, 28}, {2, 32}, {3, 7}, {3, 12}, {3, 13}, {4, 6}, {4, 10}, {5, 6}, {5, 10}, {5, 16},
        {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33}, {14, 32}, {14, 33}, {15, 32}, {15, 33},
        {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32}, {22, 33}, {23, 25}, {23, 27}, {23, 29},
        {23, 32}, {23, 33}, {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31},
        {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33}, {32, 33},
    };

    /** Members who followed the instructor, Mr. Hi (node 0); the others followed the officer (node 33). */
    static final int[] MR_HI = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21};

    public static Graph graph(int trainPerClass, int valSize, int testSize) {
        int[] labels = new int[NODES];
        java.util.Arrays.fill(labels, 1);
        for (int i : MR_HI) labels[i] = 0;
        float[] identity = new float[NODES * NODES];
        for (int i = 0; i < NODES; i++) identity[i * NODES + i] = 1;
        int[][] edges = new int[EDGES.length][];
        for (int i = 0; i < EDGES.length; i++) edges[i] = EDGES[i].clone();
        return new Graph("Zachary's karate club", NODES, edges, NODES, identity, labels, List.of("Mr. Hi", "Officer"),
                Graph.planetoidSplit(labels, 2, trainPerClass, valSize, testSize));
    }
}
