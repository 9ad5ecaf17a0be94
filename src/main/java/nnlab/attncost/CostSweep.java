package nnlab.attncost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The measuring run: for every sequence length, float32 inputs drawn from the seed, each method
 * called once to warm up, then {@code repeats} timed calls (the median is kept) and one call whose
 * peak resident memory is measured. Cancelling throws out of checkCancelled between calls, and
 * between the tiled form's query blocks (one tiled call at n = 8192 took 8 s on a busy machine).
 */
public final class CostSweep {
    static final DataType TYPE = DataType.FLOAT;
    static final int BYTES = 4;

    /** One method at one n: median seconds per call, measured peak bytes (NaN if not measurable), and the counted costs. */
    public record Point(CostModel.Method method, int n, double seconds, double measuredBytes, double modelBytes, double multiplyAdds) { }

    /** Told after each method and length: the fraction done, the new point, and the points so far (per method, in n order). */
    public interface Listener {
        void after(double fraction, Point latest, Map<CostModel.Method, List<Point>> pointsSoFar);
    }

    private CostSweep() { }

    /** Q, K (scaled by input-scale) and V of one length, the same for every method. */
    record Inputs(INDArray q, INDArray k, INDArray v, INDArray e, INDArray f) {
        static Inputs draw(CostSettings s, int n, DataType type) {
            org.nd4j.linalg.api.rng.Random rng = Nd4j.getRandomFactory().getNewRandomInstance(nnlab.kernel.Seeds.nd4jSeed(s.seed() * 31 + n));
            INDArray q = Nd4j.randn(0, s.inputScale(), Nd4j.create(type, n, s.d()), rng);
            INDArray k = Nd4j.randn(0, s.inputScale(), Nd4j.create(type, n, s.d()), rng);
            INDArray v = Nd4j.randn(0, 1, Nd4j.create(type, n, s.d()), rng);
            int rank = Math.min(s.k(), n);
            INDArray e = AttentionMethods.projection(s.projection(), rank, n, type, s.seed() * 31 + n + 1);
            // Sampling and pooling take the same positions for keys and values (a key and its value belong together).
            INDArray f = s.projection() == AttentionMethods.Projection.GAUSSIAN
                    ? AttentionMethods.projection(s.projection(), rank, n, type, s.seed() * 31 + n + 2) : e;
            return new Inputs(q, k, v, e, f);
        }
    }

    static INDArray call(CostModel.Method m, Inputs in, int block) {
        return call(m, in, block, () -> { });
    }

    /** @param checkpoint called between the tiled form's query blocks, so a long call can be cancelled */
    static INDArray call(CostModel.Method m, Inputs in, int block, Runnable checkpoint) {
        return switch (m) {
            case SOFTMAX -> AttentionMethods.softmax(in.q(), in.k(), in.v());
            case LINEAR -> AttentionMethods.linear(in.q(), in.k(), in.v());
            case PROJECTED -> AttentionMethods.projected(in.q(), in.k(), in.v(), in.e(), in.f());
            case TILED -> AttentionMethods.tiled(in.q(), in.k(), in.v(), block, checkpoint);
        };
    }

    public static Map<CostModel.Method, List<Point>> run(CostSettings s, Listener listener, Runnable checkCancelled) {
        int[] lengths = s.lengths();
        CostModel.Method[] methods = CostModel.Method.values();
        Map<CostModel.Method, List<Point>> points = new EnumMap<>(CostModel.Method.class);
        for (CostModel.Method m : methods) points.put(m, new ArrayList<>());
        // Work grows like n² for two of the methods: weigh progress by n² so the ETA is not fooled by the fast start.
        double total = 0;
        for (int n : lengths) total += (double) n * n;
        int blasThreads = Nd4j.factory().blas().getMaxThreads();
        Nd4j.factory().blas().setMaxThreads(s.threads());
        nnlab.kernel.NativeSetup.limitComputeThreadsOfThisThread(s.threads());
        try {
            return sweep(s, lengths, methods, points, total, listener, checkCancelled);
        } finally {
            Nd4j.factory().blas().setMaxThreads(blasThreads);
        }
    }

    private static Map<CostModel.Method, List<Point>> sweep(CostSettings s, int[] lengths, CostModel.Method[] methods,
            Map<CostModel.Method, List<Point>> points, double total, Listener listener, Runnable checkCancelled) {
        double done = 0;
        for (int n : lengths) {
            Inputs in = Inputs.draw(s, n, TYPE);
            CostModel.Shape shape = s.shape(n);
            for (CostModel.Method m : methods) {
                checkCancelled.run();
                call(m, in, s.block(), checkCancelled); // warm-up: JIT, first-touch of ND4J's buffers
                double[] times = new double[s.repeats()];
                for (int r = 0; r < times.length; r++) {
                    checkCancelled.run();
                    long t0 = System.nanoTime();
                    call(m, in, s.block(), checkCancelled);
                    times[r] = (System.nanoTime() - t0) / 1e9;
                }
                double measured = PeakResidentMemory.measure(() -> call(m, in, s.block(), checkCancelled));
                Arrays.sort(times);
                Point point = new Point(m, n, times[times.length / 2], measured,
                        CostModel.workingBytes(m, shape, BYTES), CostModel.multiplyAdds(m, shape));
                points.get(m).add(point);
                done += (double) n * n / methods.length;
                listener.after(done / total, point, points);
            }
        }
        return points;
    }
}
