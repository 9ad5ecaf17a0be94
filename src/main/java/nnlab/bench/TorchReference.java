package nnlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnlab.kernel.store.Json;

/**
 * Runs the PyTorch peers in bench/ and reads their timings. The padding peer runs in two
 * schedules: one process on {@code threads} threads (rounds in turn, PyTorch's slowest way to
 * run a study) and — the fair peer of NN Lab's study schedule — as many single-thread processes
 * at once as NN Lab trains rounds at once, each its own round.
 */
final class TorchReference {
    private TorchReference() { }

    /** Seconds per epoch of one round of {@code epochs} epochs on {@code threads} threads (the script prints total seconds). */
    static double secondsPerEpoch(String python, Path script, String net, String padding, int epochs, int threads)
            throws IOException, InterruptedException {
        Map<String, Object> r = json(start(python, script, net, padding, epochs, threads, 0), net + " " + padding);
        return seconds(r) / epochsRun(r);
    }

    /**
     * The study's throughput with {@code processes} single-thread processes at once, one round
     * each: the slowest process's seconds, divided by all the epochs they trained together.
     */
    static double bestScheduleSecondsPerEpoch(String python, Path script, String net, String padding, int epochs, int processes)
            throws IOException, InterruptedException {
        List<Process> running = new ArrayList<>();
        for (int k = 0; k < processes; k++) running.add(start(python, script, net, padding, epochs, 1, k));
        double slowest = 0;
        double epochsTotal = 0;
        for (Process p : running) {
            Map<String, Object> r = json(p, net + " " + padding);
            slowest = Math.max(slowest, seconds(r));
            epochsTotal += epochsRun(r);
        }
        return slowest / epochsTotal;
    }

    /** Runs a peer script with arguments and returns the JSON object on its last output line. */
    static Map<String, Object> run(String python, Path script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        int threads = args.contains("--threads") ? Integer.parseInt(args.get(args.indexOf("--threads") + 1)) : 2;
        return json(blasThreads(pb, threads).start(), script.getFileName().toString());
    }

    private static Process start(String python, Path script, String net, String padding, int epochs, int threads, int firstRound)
            throws IOException {
        return blasThreads(new ProcessBuilder(List.of(python, script.toString(), net, padding, "1", String.valueOf(epochs),
                "--threads", String.valueOf(threads), "--first-round", String.valueOf(firstRound)))
                .redirectError(ProcessBuilder.Redirect.INHERIT), threads).start();
    }

    /** OpenBLAS (PyTorch's BLAS here) would otherwise start a thread per core beside PyTorch's own. */
    private static ProcessBuilder blasThreads(ProcessBuilder pb, int threads) {
        pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        return pb;
    }

    private static Map<String, Object> json(Process p, String what) throws IOException, InterruptedException {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) throw new IOException("the PyTorch peer failed for " + what + ": " + output);
        return Json.readMap(output.substring(output.lastIndexOf('\n') + 1));
    }

    private static double seconds(Map<String, Object> r) {
        return ((Number) r.get("seconds")).doubleValue();
    }

    private static double epochsRun(Map<String, Object> r) {
        @SuppressWarnings("unchecked")
        List<Number> epochsRun = (List<Number>) r.get("epochs_run");
        return epochsRun.get(0).doubleValue();
    }
}
