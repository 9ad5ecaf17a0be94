package nnlab.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.padding.PaddingExperiment;
import nnlab.padding.PaddingMode;
import nnlab.padding.PaddingNets;
import nnlab.padding.PaddingSettings;
import nnlab.kernel.config.Config;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training half of {@code bench}: the padding study's variants in NN Lab's study schedule
 * (as many rounds at once as cores, one thread each) and as a single round on all cores, next
 * to PyTorch in its best schedule (as many single-thread processes at once) and one process on
 * all cores; achieved GFLOP/s per layer and pass; the rotation and oversmoothing epochs beside
 * their PyTorch peers. Every figure is the minimum of {@code repeats} measurements.
 */
final class TrainingComparison {
    private TrainingComparison() { }

    record Settings(boolean quick, int repeats, Path torchScript, String python, Path peers, Path cora, java.util.Set<String> parts) { }

    static Map<String, Object> run(Settings s, double peak, PrintStream out, PrintStream err) throws Exception {
        int trainSize = s.quick() ? 400 : 2000;
        int valSize = s.quick() ? 200 : 1000;
        int epochs = s.quick() ? 1 : 3;
        int torchEpochs = s.quick() ? 2 : 6;
        int cores = Runtime.getRuntime().availableProcessors();
        List<Object> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        if (s.parts().contains("padding")) {
        out.printf(Locale.ROOT, "Padding study, s/epoch (train %d + validate %d images), minimum of %d; %d cores, GEMM peak %.1f GFLOP/s%n",
                trainSize, valSize, s.repeats(), cores, peak);
        out.printf(Locale.ROOT, "%-5s %-10s %12s %12s %7s %7s | %12s %12s %7s%n", "net", "padding", "NN Lab study", "PyTorch best",
                "ratio", "of peak", "NN Lab 1×" + cores, "PyTorch 1×" + cores, "ratio");
        for (String net : List.of("Net1", "Net2")) {
            for (String padding : List.of("fconv", "replicate")) {
                err.println("measuring " + net + " " + padding + " (" + s.repeats() + "×: NN Lab " + cores + " rounds at once, one round; PyTorch)…");
                PaddingBenchmark.Result study = null;
                PaddingBenchmark.Result single = null;
                double torchBest = Double.NaN;
                double torchOne = Double.NaN;
                for (int r = 0; r < s.repeats(); r++) {
                    study = min(study, PaddingBenchmark.run(List.of(net), List.of(padding), trainSize, valSize, epochs, cores).get(0));
                    single = min(single, PaddingBenchmark.run(List.of(net), List.of(padding), trainSize, valSize, epochs, 1).get(0));
                    if (s.torchScript() != null) {
                        torchBest = Math.min(nanToMax(torchBest),
                                TorchReference.bestScheduleSecondsPerEpoch(s.python(), s.torchScript(), net, padding, torchEpochs, cores));
                        torchOne = Math.min(nanToMax(torchOne),
                                TorchReference.secondsPerEpoch(s.python(), s.torchScript(), net, padding, torchEpochs, cores));
                    }
                }
                out.printf(Locale.ROOT, "%-5s %-10s %12.3f %12.3f %7.2f %6.0f%% | %12.3f %12.3f %7.2f%n", net, padding,
                        study.secondsPerEpoch(), torchBest, study.secondsPerEpoch() / torchBest, 100 * study.gflops() / peak,
                        single.secondsPerEpoch(), torchOne, single.secondsPerEpoch() / torchOne);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("net", net);
                row.put("padding", padding);
                row.put("nnlab_study_schedule", PaddingBenchmark.toJson(study));
                row.put("nnlab_single_round", PaddingBenchmark.toJson(single));
                row.put("study_fraction_of_matmul_peak", study.gflops() / peak);
                if (s.torchScript() != null) {
                    row.put("pytorch_best_schedule_seconds_per_epoch", torchBest);
                    row.put("pytorch_one_process_seconds_per_epoch", torchOne);
                    row.put("ratio_study_to_pytorch_best", study.secondsPerEpoch() / torchBest);
                    row.put("ratio_study_to_pytorch_one_process", study.secondsPerEpoch() / torchOne);
                    row.put("ratio_single_round_to_pytorch_one_process", single.secondsPerEpoch() / torchOne);
                }
                rows.add(row);
            }
        }
        out.println("(ratio = NN Lab ÷ PyTorch: below 1 is faster; left: the study schedule against PyTorch's best, "
                + "right: one round on all cores against one PyTorch process on all cores)");
        json.put("padding_study", rows);
        }
        if (s.parts().contains("layers")) json.put("padding_layers", layerTables(s.quick(), peak, out));
        if (s.parts().contains("others")) json.put("other_studies", otherStudies(s, out, err));
        return json;
    }

    /** Per layer and pass, one batch of 200 on one thread, as each of the study's rounds trains. */
    private static List<Object> layerTables(boolean quick, double peak, PrintStream out) throws Exception {
        Config c = PaddingSettings.schema().fromText(Map.of("train-size", "200", "val-size", "200", "test-size", "200"));
        PaddingExperiment.Data data = PaddingExperiment.data(c);
        var x = data.train().features().get(NDArrayIndex.interval(0, 200));
        var y = data.train().labels().get(NDArrayIndex.interval(0, 200));
        List<Object> tables = new ArrayList<>();
        int threadsBefore = org.nd4j.linalg.factory.Nd4j.getEnvironment().maxThreads();
        try {
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(1);
            nnlab.kernel.NativeSetup.limitComputeThreadsOfThisThread(1);
            for (String net : List.of("Net1", "Net2")) {
                for (String padding : List.of("fconv", "replicate")) {
                    var a = PaddingExperiment.architecture(c, net, PaddingMode.fromId(padding));
                    LayerTimings.Report r = LayerTimings.measure(PaddingNets.build(a, 0, DataType.FLOAT), x, y, quick ? 2 : 5);
                    LayerTimings.print(out, net + " " + padding + ", one batch of 200 on one thread:", r, peak);
                    Map<String, Object> m = LayerTimings.toJson(r, peak);
                    m.put("net", net);
                    m.put("padding", padding);
                    tables.add(m);
                }
            }
        } finally {
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(threadsBefore);
            nnlab.kernel.NativeSetup.limitComputeThreadsOfThisThread(threadsBefore);
        }
        return tables;
    }

    private static Map<String, Object> otherStudies(Settings s, PrintStream out, PrintStream err) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        int images = s.quick() ? 1000 : 10_000;
        int cores = Runtime.getRuntime().availableProcessors();
        double rotation = Double.MAX_VALUE;
        double rotationTorch = Double.NaN;
        Path rotationPeer = s.peers() == null ? null : s.peers().resolve("torch_rotation_reference.py");
        for (int r = 0; r < s.repeats(); r++) {
            err.println("measuring the rotation study's epoch (" + images + " Fashion-MNIST images)…");
            rotation = Math.min(rotation, OtherStudiesBenchmark.rotationSecondsPerEpoch(images, 2));
            if (rotationPeer != null && Files.isRegularFile(rotationPeer) && !Double.isNaN(rotation)) {
                Map<String, Object> t = TorchReference.run(s.python(), rotationPeer, List.of("--train-size", String.valueOf(images),
                        "--epochs", "2", "--threads", String.valueOf(cores)));
                @SuppressWarnings("unchecked")
                List<Number> perEpoch = (List<Number>) t.get("seconds_per_epoch");
                for (Number e : perEpoch) rotationTorch = Math.min(nanToMax(rotationTorch), e.doubleValue());
            }
        }
        out.printf(Locale.ROOT, "Rotation study, one training epoch of %d images (batch 64, Adam), %d threads: NN Lab %.2f s, PyTorch %.2f s, ratio %.2f%n",
                images, cores, rotation, rotationTorch, rotation / rotationTorch);
        m.put("rotation_seconds_per_epoch", rotation);
        m.put("rotation_pytorch_seconds_per_epoch", rotationTorch);
        int depth = 20;
        double gcn = Double.MAX_VALUE;
        double gcnTorch = Double.NaN;
        Path gcnPeer = s.peers() == null ? null : s.peers().resolve("torch_oversmoothing_reference.py");
        for (int r = 0; r < s.repeats() && s.cora() != null; r++) {
            err.println("measuring the oversmoothing GCN at depth " + depth + " on " + s.cora() + "…");
            gcn = Math.min(gcn, OtherStudiesBenchmark.gcnMillisPerEpoch(s.cora(), depth, s.quick() ? 5 : 20));
            if (gcnPeer != null && Files.isRegularFile(gcnPeer)) {
                Map<String, Object> t = TorchReference.run(s.python(), gcnPeer, List.of(s.cora().toString(), "--depth", String.valueOf(depth),
                        "--epochs", s.quick() ? "5" : "20", "--threads", String.valueOf(cores)));
                gcnTorch = Math.min(nanToMax(gcnTorch), ((Number) t.get("ms_per_epoch")).doubleValue());
            }
        }
        if (s.cora() != null) {
            out.printf(Locale.ROOT, "Oversmoothing GCN, depth %d on Cora (dense Â, hidden 64), %d threads: NN Lab %.0f ms/epoch, PyTorch %.0f ms, ratio %.2f%n",
                    depth, cores, gcn, gcnTorch, gcn / gcnTorch);
            m.put("gcn_depth", depth);
            m.put("gcn_ms_per_epoch", gcn);
            m.put("gcn_pytorch_ms_per_epoch", gcnTorch);
        }
        return m;
    }

    private static PaddingBenchmark.Result min(PaddingBenchmark.Result best, PaddingBenchmark.Result r) {
        return best == null || r.secondsPerEpoch() < best.secondsPerEpoch() ? r : best;
    }

    private static double nanToMax(double v) {
        return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }
}
