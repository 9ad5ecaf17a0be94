package nnlab.gnn;

import java.nio.file.Path;
import nnlab.graph.CoraLoader;
import nnlab.graph.Graph;
import nnlab.graph.SparseRows;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.train.TrainingLoop;
import nnlab.kernel.train.TrainingOptions;
import nnlab.kernel.train.TrainingOutcome;

public class CoraProbe {
    public static void main(String[] a) {
        NativeSetup.initNow();
        Graph g = CoraLoader.load(Path.of("/work/shared/data/cora"), 20, 500, 1000);
        SparseRows x = SparseRows.ofDense(g.features(), g.nodes(), g.featureDim()).rowNormalised();
        int seeds = Integer.parseInt(a[1]);
        for (int s = 0; s < seeds; s++) {
            GnnModel m = a[0].equals("gcn")
                    ? new Gcn(x, SparseRows.normalizedAdjacency(g.nodes(), g.edges()), g.classes(), new Gcn.Architecture(16, 0.5, false), s)
                    : new Gat(x, SparseRows.neighbourhoods(g.nodes(), g.edges()), g.classes(), new Gat.Architecture(8, 8, 1, 0.6, 0.6, 0.2), s);
            FullBatchTraining t = new FullBatchTraining(m, g, a[0].equals("gcn") ? 0.01 : 0.005, 5e-4);
            TrainingOptions o = a[0].equals("gcn") ? TrainingOptions.epochs(200) : TrainingOptions.epochs(1000).earlyStopping(100).keepBestWeights();
            long t0 = System.nanoTime();
            TrainingOutcome<FullBatchTraining.Evaluation> out = TrainingLoop.run(t, o, e -> { });
            double sec = (System.nanoTime() - t0) / 1e9;
            FullBatchTraining.Evaluation ev = t.validate();
            System.out.printf("%s seed %d: epochs %d best %d test %.1f val %.1f  %.1f ms/epoch%n", a[0], s, out.epochsRun(), out.bestEpoch(),
                    ev.testAccuracy(), ev.valAccuracy(), 1000 * sec / out.epochsRun());
        }
    }
}
