package nnlab.kernel.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nnlab.kernel.NativeSetup;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a study's rounds off one queue on several threads, each round limited to one compute
 * thread. Two single-threaded rounds at once train faster than one round using both cores for
 * every small op: the ops are too small to split well, and oneDNN's OpenMP threads of two rounds
 * would otherwise start four busy threads on two cores and starve the window's render thread.
 */
public final class ParallelRounds {
    private ParallelRounds() { }

    /**
     * Runs the rounds in order: here, one after the other, when {@code parallel} ≤ 1; else on a
     * queue that {@code parallel} threads take from, so a round that stops early never leaves a
     * core idle. The first failure (a cancel, a divergence) ends the rounds under way at their next
     * check, drops those still queued, and is thrown.
     */
    public static void run(int parallel, List<Callable<Void>> rounds, String threadName) throws Exception {
        if (parallel <= 1) {
            for (Callable<Void> round : rounds) round.call();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(() -> {
                // OpenMP's thread count is a per-thread setting: each round's thread sets its own.
                NativeSetup.limitComputeThreadsOfThisThread(1);
                r.run();
            }, threadName);
            t.setDaemon(true);
            return t;
        });
        // libnd4j's own pool is process-wide: one thread per op while the rounds share the cores.
        int threadsBefore = Nd4j.getEnvironment().maxThreads();
        Nd4j.getEnvironment().setMaxThreads(1);
        try {
            awaitAll(pool, rounds);
        } finally {
            Nd4j.getEnvironment().setMaxThreads(threadsBefore);
            pool.shutdownNow();
        }
    }

    private static void awaitAll(ExecutorService pool, List<Callable<Void>> rounds) throws Exception {
        CompletionService<Void> done = new ExecutorCompletionService<>(pool);
        List<Future<Void>> futures = new ArrayList<>();
        for (Callable<Void> round : rounds) futures.add(done.submit(round));
        try {
            for (int i = 0; i < futures.size(); i++) done.take().get();
        } catch (ExecutionException | InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            if (e instanceof ExecutionException ee && ee.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }
}
