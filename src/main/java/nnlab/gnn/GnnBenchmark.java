package nnlab.gnn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.graph.CoraLoader;
import nnlab.graph.Graph;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.config.Config;

/**
 * The GNN speed benchmark (a measurement, not a test): {@code java -cp … nnlab.gnn.GnnBenchmark CORA_DIR [EPOCHS]}
 * times EPOCHS epochs (one training step + one evaluation pass, as the study times them) of each
 * model with the paper preset after 10 warm-up epochs, and prints wall-clock and CPU milliseconds
 * per epoch. Compare with {@code bench/torch_gnn_reference.py CORA_DIR --bench EPOCHS} in the same
 * session (docs/GNN.md).
 */
public final class GnnBenchmark {
    private GnnBenchmark() { }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: GnnBenchmark CORA_DIR [EPOCHS]");
            System.exit(2);
        }
        NativeSetup.initNow();
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Config c = Presets.apply(GnnSettings.schema().fromText(Map.of("preset", GnnSettings.PAPER)));
        Graph g = CoraLoader.load(Path.of(args[0]), 20, 500, 1000);
        GnnData.Input in = GnnData.input(g, true);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String model : List.of(GnnSettings.GCN, GnnSettings.GAT)) {
            boolean gcn = model.equals(GnnSettings.GCN);
            FullBatchTraining t = new FullBatchTraining(GnnStudy.build(model, in, c, 0), g, gcn ? 0.01 : 0.005, 5e-4);
            for (int e = 0; e < 10; e++) epoch(t);
            long wall = System.nanoTime(), cpu = mx.getCurrentThreadCpuTime();
            for (int e = 0; e < epochs; e++) epoch(t);
            double wallMs = (System.nanoTime() - wall) / 1e6 / epochs, cpuMs = (mx.getCurrentThreadCpuTime() - cpu) / 1e6 / epochs;
            System.out.printf(Locale.ROOT, "{\"model\": \"%s\", \"ms_per_epoch\": %.2f, \"cpu_ms_per_epoch\": %.2f, \"epochs_timed\": %d}%n",
                    model.toLowerCase(Locale.ROOT), wallMs, cpuMs, epochs);
        }
    }

    private static void epoch(FullBatchTraining t) {
        t.fitBatch(0);
        t.validate();
    }
}
