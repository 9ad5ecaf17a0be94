package nnlab.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import nnlab.kernel.NativeSetup;
import nnlab.kernel.run.RunCancelledException;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cancel stops every round within the batch it is in (counted in batch progress events, no clock),
 * and a round's ND4J workspaces do not grow from epoch to epoch.
 */
class UNetCancelAndMemoryTest {

    @BeforeAll
    static void natives() {
        NativeSetup.initNow();
    }

    /** Waits for the rounds' threads, which may still be finishing their batch when the run has thrown. */
    private static void joinRoundThreads() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("unet-round")) t.join();
        }
    }

    @Test
    void cancelStopsEveryRoundWithinOneBatch() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<String> batchesAfterCancel = Collections.synchronizedList(new ArrayList<>());
        int cancelAtBatch = 3;
        int[] batches = {0};
        RunContext ctx = new RunContext() {
            @Override public void emit(RunEvent event) { }
            @Override public boolean isCancelled() { return cancelled.get(); }
            @Override public void recordMetrics(Map<String, Object> row) { }

            @Override
            public synchronized void progress(double fraction, String message) {
                if (!message.startsWith("training ")) return;
                // the user presses cancel while the rounds are in the middle of their first epoch
                if (cancelled.get()) batchesAfterCancel.add(message);
                else if (++batches[0] == cancelAtBatch) cancelled.set(true);
            }
        };
        // 20 batches of 4 per model: without a working cancel, dozens of batches would follow
        UNetExperiment unet = new UNetExperiment();
        assertThrows(RunCancelledException.class,
                () -> unet.run(UNetTiny.config(Map.of("train-size", "80", "batch-size", "4", "parallel", "2")), ctx));
        joinRoundThreads();
        assertTrue(cancelled.get());
        // each of the two rounds under way may finish the batch it was in, and no more
        long with = batchesAfterCancel.stream().filter(m -> m.contains(UNetExperiment.WITH)).count();
        long without = batchesAfterCancel.stream().filter(m -> m.contains(UNetExperiment.WITHOUT)).count();
        assertTrue(with <= 1 && without <= 1, "batches after cancel: " + batchesAfterCancel);
    }

    /** Per round thread: workspace count and bytes at each end of epoch. */
    @Test
    void workspacesStayTheSameSizeAcrossEpochs() throws Exception {
        Map<String, List<long[]>> perThread = new HashMap<>();
        RunContext ctx = new RunContext() {
            @Override public boolean isCancelled() { return false; }
            @Override public void progress(double fraction, String message) { }
            @Override public void recordMetrics(Map<String, Object> row) { }

            @Override
            public void emit(RunEvent event) {
                // the val-iou point of an epoch is sent on the round's own thread, after its validation
                if (!(event instanceof RunEvent.Metric m) || !m.chart().equals("val-iou")) return;
                long bytes = 0;
                List<MemoryWorkspace> ws = Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread();
                for (MemoryWorkspace w : ws) bytes += w.getCurrentSize();
                synchronized (perThread) {
                    perThread.computeIfAbsent(m.series(), k -> new ArrayList<>()).add(new long[] {(long) m.x(), ws.size(), bytes});
                }
            }
        };
        // one thread: every point is sent by the round that made it (no reordering between two rounds' threads)
        new UNetExperiment().run(UNetTiny.config(Map.of("epochs", "3", "parallel", "1")), ctx);
        assertEquals(2, perThread.size(), perThread.keySet().toString());
        for (Map.Entry<String, List<long[]>> e : perThread.entrySet()) {
            List<long[]> s = e.getValue();
            assertEquals(3, s.size(), e.getKey());
            long[] first = s.get(0);
            long[] last = s.get(2);
            assertTrue(first[1] > 0 && first[2] > 0, e.getKey() + ": DL4J trains in workspaces, " + first[1] + " found");
            assertEquals(first[1], last[1], e.getKey() + ": workspaces after epoch 1 vs 3");
            // the workspaces learn their size in the first iterations; later epochs reuse them
            assertTrue(last[2] <= first[2] * 1.1, e.getKey() + ": workspace bytes grew from " + first[2] + " to " + last[2]);
        }
    }
}
