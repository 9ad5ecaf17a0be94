package nnlab.gnn;

import java.nio.file.Path;
import java.util.SplittableRandom;
import nnlab.graph.CoraLoader;
import nnlab.graph.Graph;
import nnlab.graph.SparseRows;
import nnlab.kernel.NativeSetup;

public class OpProbe {
    static void time(String name, Runnable r) {
        for (int i = 0; i < 20; i++) r.run();
        long t0 = System.nanoTime();
        int reps = 50;
        for (int i = 0; i < reps; i++) r.run();
        System.out.printf("%-30s %.3f ms%n", name, (System.nanoTime() - t0) / 1e6 / reps);
    }
    public static void main(String[] a) {
        NativeSetup.initNow();
        Graph g = CoraLoader.load(Path.of("/work/shared/data/cora"), 20, 500, 1000);
        SparseRows x = SparseRows.ofDense(g.features(), g.nodes(), g.featureDim()).rowNormalised();
        SparseRows ah = SparseRows.normalizedAdjacency(g.nodes(), g.edges());
        int n = g.nodes();
        double[] w1 = new double[1433 * 16], h = new double[n * 16], w2 = new double[16 * 7], z = new double[n * 7];
        double[] w64 = new double[1433 * 64], h64 = new double[n * 64];
        time("X·W1 (16)", () -> x.times(w1, 16));
        time("Xt·G (16)", () -> x.transposeTimes(h, 16));
        time("Â·H (16)", () -> ah.times(h, 16));
        time("X·W1 (64)", () -> x.times(w64, 64));
        time("Dense H·W2", () -> Dense.times(h, n, 16, w2, 7));
        time("Dense HtG", () -> Dense.transposeTimes(h, n, 16, z, 7));
        time("Dense GW2t", () -> Dense.timesTranspose(z, n, 7, w2, 16));
        double[] w64b = new double[64 * 7];
        time("Dense 64 H·W2", () -> Dense.times(h64, n, 64, w64b, 7));
        time("java H·W2", () -> { double[] o = new double[n * 7]; for (int i = 0; i < n; i++) for (int k = 0; k < 16; k++) { double v = h[i * 16 + k]; for (int c = 0; c < 7; c++) o[i * 7 + c] += v * w2[k * 7 + c]; } });


        SplittableRandom r = new SplittableRandom(1);
        time("dropout mask x", () -> Dropout.mask(r, x.nonZeros(), 0.5));
        Gcn gcn = new Gcn(x, ah, 7, new Gcn.Architecture(16, 0.5, false), 1);
        time("gcn fwd train", () -> gcn.forward(true));
        time("gcn fwd eval", () -> gcn.forward(false));
        GnnModel.Pass p = gcn.forward(true);
        time("gcn bwd", () -> gcn.backward(p, z));
        FullBatchTraining t = new FullBatchTraining(gcn, g, 0.01, 5e-4);
        time("gcn fit", () -> t.fitBatch(0));
        time("gcn validate", () -> t.validate());
        Gat gat = new Gat(x, SparseRows.neighbourhoods(n, g.edges()), 7, new Gat.Architecture(8, 8, 1, 0.6, 0.6, 0.2), 1);
        FullBatchTraining t2 = new FullBatchTraining(gat, g, 0.005, 5e-4);
        time("gat fit", () -> t2.fitBatch(0));
        time("gat validate", () -> t2.validate());
    }
}
