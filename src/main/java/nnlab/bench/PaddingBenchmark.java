package nnlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nnlab.padding.PaddingExperiment;
import nnlab.padding.PaddingMode;
import nnlab.padding.PaddingNets;
import nnlab.padding.PaddingSettings;
import nnlab.padding.VariantTrainer;
import nnlab.kernel.config.Config;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures the padding study's training speed: seconds per epoch (train + validation, as the
 * study runs it), images per second, and achieved GFLOP/s against this machine's ND4J
 * matrix-multiply peak.
 */
public final class PaddingBenchmark {
    private PaddingBenchmark() { }

    public record Result(String net, String padding, int epochs, double secondsPerEpoch, double trainImagesPerSecond,
                         double gflopPerEpoch, double gflops) { }

    /**
     * Times {@code epochs} epochs after one warm-up epoch. With {@code roundsAtOnce} > 1 that many
     * rounds train concurrently on one thread each, as the study schedules them, and the
     * reported seconds per epoch is the wall time divided by the rounds: the study's throughput.
     */
    public static List<Result> run(List<String> nets, List<String> paddings, int trainSize, int valSize, int epochs,
                                   int roundsAtOnce) throws Exception {
        Config c = PaddingSettings.schema().fromText(Map.of("train-size", String.valueOf(trainSize), "val-size", String.valueOf(valSize),
                "test-size", String.valueOf(valSize), "epochs", String.valueOf(epochs + 1), "patience", "1000"));
        PaddingExperiment.Data data = PaddingExperiment.data(c);
        List<Result> results = new ArrayList<>();
        int threadsBefore = Nd4j.getEnvironment().maxThreads();
        ExecutorService pool = Executors.newFixedThreadPool(roundsAtOnce);
        try {
            if (roundsAtOnce > 1) Nd4j.getEnvironment().setMaxThreads(1);
            for (String net : nets) {
                for (String padding : paddings) {
                    PaddingNets.Architecture a = PaddingExperiment.architecture(c, net, PaddingMode.fromId(padding));
                    List<Future<double[]>> rounds = new ArrayList<>();
                    for (int r = 0; r < roundsAtOnce; r++) {
                        long seed = r;
                        rounds.add(pool.submit(() -> {
                            if (roundsAtOnce > 1) nnlab.kernel.NativeSetup.limitComputeThreadsOfThisThread(1);
                            return epochEndTimes(a, seed, data, c, epochs);
                        }));
                    }
                    // Wall time from the slowest round's warm-up end to the slowest round's last epoch end.
                    double start = 0;
                    double end = 0;
                    for (Future<double[]> f : rounds) {
                        double[] t = f.get();
                        start = Math.max(start, t[0]);
                        end = Math.max(end, t[epochs]);
                    }
                    double perEpoch = (end - start) / epochs / roundsAtOnce;
                    double forward = forwardFlopsPerImage(a);
                    // Training costs about 3 forward passes (forward, input gradient, weight gradient).
                    double gflop = (3 * forward * trainSize + forward * valSize) / 1e9;
                    results.add(new Result(net, padding, epochs, perEpoch, trainSize / perEpoch, gflop, gflop / perEpoch));
                }
            }
        } finally {
            Nd4j.getEnvironment().setMaxThreads(threadsBefore);
            pool.shutdownNow();
        }
        return results;
    }

    /** Nano-time (as seconds) at the end of each epoch, the warm-up epoch first. */
    private static double[] epochEndTimes(PaddingNets.Architecture a, long seed, PaddingExperiment.Data data, Config c, int epochs) {
        MultiLayerNetwork model = PaddingNets.build(a, seed, DataType.FLOAT);
        double[] ends = new double[epochs + 1];
        new VariantTrainer(epochs + 1, 1000, c.getInt(PaddingSettings.BATCH_SIZE)).train(model, data.train(),
                data.validation(), data.test(), "benchmark",
                e -> ends[e.epoch() - 1] = System.nanoTime() / 1e9, () -> { }, null);
        return ends;
    }

    /** Multiply-adds ×2 of the conv and linear layers for one image. */
    public static double forwardFlopsPerImage(PaddingNets.Architecture a) {
        double flops = 0;
        long size = a.imageSize();
        int in = 3;
        for (int i = 0; i < a.widths().size(); i++) {
            size = PaddingNets.convOutputSize(size, a.kernel(), a.strides().get(i), a.padding().amount());
            int out = a.widths().get(i);
            flops += 2.0 * a.kernel() * a.kernel() * in * out * size * size;
            in = out;
        }
        if (a.net().equals("Net2")) flops += 2.0 * in * size * size * a.hidden() + 2.0 * a.hidden() * 2;
        else flops += 2.0 * in * 2;
        return flops;
    }

    /** Single-precision matrix-multiply throughput of ND4J here, the practical ceiling. */
    public static double matmulPeakGflops(int n, int repeats) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        for (int i = 0; i < 3; i++) Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return 2.0 * n * n * n / best / 1e9;
    }

    public static Map<String, Object> toJson(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("net", r.net());
        m.put("padding", r.padding());
        m.put("epochs_timed", r.epochs());
        m.put("seconds_per_epoch", r.secondsPerEpoch());
        m.put("train_images_per_second", r.trainImagesPerSecond());
        m.put("gflop_per_epoch", r.gflopPerEpoch());
        m.put("achieved_gflops", r.gflops());
        return m;
    }

}
