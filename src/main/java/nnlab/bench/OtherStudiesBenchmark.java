package nnlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import nnlab.datasets.DataSources;
import nnlab.datasets.ImageSet;
import nnlab.graph.CoraLoader;
import nnlab.graph.Graph;
import nnlab.kernel.train.TrainingListener;
import nnlab.oversmoothing.GcnTrainer;
import nnlab.rotation.RotationNet;
import nnlab.rotation.RotationStudy;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times the rotation study's training epoch (model A: upright images, the study's batch 64 and
 * Adam 1e-3) and the oversmoothing GCN's epoch (one step + one evaluation, full batch) with the
 * studies' own code on both cores, for the same comparison with PyTorch as the padding study.
 */
final class OtherStudiesBenchmark {
    private OtherStudiesBenchmark() { }

    /** Best seconds of {@code epochs} training epochs on the first {@code images} Fashion-MNIST images; NaN without the data. */
    static double rotationSecondsPerEpoch(int images, int epochs) throws Exception {
        if (!Files.isDirectory(DataSources.DEBIAN_FASHION_MNIST)) return Double.NaN;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        DataSources.Loaded data = DataSources.load(DataSources.FASHION_MNIST, "", images, 100, 0);
        ImageSet train = data.train();
        MultiLayerNetwork net = RotationNet.build(train.channels(), train.height(), train.width(), train.classes(), 1e-3, 0);
        double[] ends = new double[epochs + 1];
        ends[0] = System.nanoTime() / 1e9;
        TrainingListener<nnlab.kernel.train.Scores> listener = e -> ends[e.epoch()] = System.nanoTime() / 1e9;
        RotationStudy.train(net, train, epochs, 64, false, 0, "benchmark", listener, () -> { }, null);
        double best = Double.MAX_VALUE;
        for (int e = 1; e <= epochs; e++) best = Math.min(best, ends[e] - ends[e - 1]);
        return best;
    }

    /** Milliseconds per epoch of a {@code depth}-layer GCN (hidden 64, dropout 0.5, Adam 0.01) on Cora; NaN without it. */
    static double gcnMillisPerEpoch(Path cora, int depth, int epochs) {
        if (cora == null || !Files.isDirectory(cora)) return Double.NaN;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph graph = CoraLoader.load(cora, 20, 500, 1000);
        GcnTrainer trainer = new GcnTrainer(graph, DataType.FLOAT);
        // A few epochs first: the graph's first runs compile and allocate.
        trainer.train(depth, new GcnTrainer.Hyper(64, 0.5, 0.01, 1e-5, 3, 0), e -> { }, () -> { }, null);
        GcnTrainer.Result r = trainer.train(depth, new GcnTrainer.Hyper(64, 0.5, 0.01, 1e-5, epochs, 0), e -> { }, () -> { }, null);
        return 1e3 * r.secondsPerEpoch();
    }
}
