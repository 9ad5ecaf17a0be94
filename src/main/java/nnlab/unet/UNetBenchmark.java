package nnlab.unet;

import java.util.Locale;
import nnlab.kernel.NativeSetup;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seconds per training epoch of both U-Nets on random data of the study's shape, the DL4J side of
 * {@code bench/torch_unet_reference.py} (same model, sizes and thread count):
 * {@code java … nnlab.unet.UNetBenchmark [images] [batch] [threads] [epochs]}.
 * Prints one line per model and epoch: {@code dl4j skips=on epoch=1 seconds=… images_per_s=…}.
 */
public final class UNetBenchmark {
    private UNetBenchmark() { }

    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        NativeSetup.initNow();
        NativeSetup.limitComputeThreadsOfThisThread(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        UNetModel.Spec spec = new UNetModel.Spec(1, 64, 84, 11, 64, 128, 64, 32, 32, 1e-3, true, 0);
        System.out.printf(Locale.ROOT, "forward GFLOP per image: %.3f; %d images, batch %d, %d threads%n",
                UNetModel.forwardFlops(spec) / 1e9, images, batch, threads);
        for (boolean skips : new boolean[] {true, false}) {
            ComputationGraph net = UNetModel.build(spec.withSkips(skips), DataType.FLOAT);
            Nd4j.getRandom().setSeed(1);
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, 1, 64, 84);
            INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 11, 64, 84);
            // The timing needs only valid one-hot pixels: all background.
            y.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(1);
            net.fit(new INDArray[] {x}, new INDArray[] {y});
            for (int e = 1; e <= epochs; e++) {
                long t0 = System.nanoTime();
                for (int b = 0; b < images / batch; b++) net.fit(new INDArray[] {x}, new INDArray[] {y});
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "dl4j skips=%s epoch=%d seconds=%.2f images_per_s=%.1f%n", skips ? "on" : "off", e, s,
                        (images / batch) * batch / s);
            }
        }
    }
}
