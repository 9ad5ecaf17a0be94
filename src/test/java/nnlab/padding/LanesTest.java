package nnlab.padding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nnlab.kernel.run.RunContext;
import nnlab.kernel.run.RunEvent;
import org.junit.jupiter.api.Test;

/**
 * Which round of a variant draws its curve must not depend on which thread reaches its first
 * line first (a CI run once drew round 2 because its thread won the race).
 */
class LanesTest {

    private static final RunContext QUIET = new RunContext() {
        @Override public void emit(RunEvent event) { }
        @Override public boolean isCancelled() { return false; }
        @Override public void progress(double fraction, String message) { }
        @Override public void recordMetrics(Map<String, Object> row) { }
    };

    @Test
    void aLaterRoundWaitsForTheEarlierOnesToBegin() throws Exception {
        PaddingExperiment.Lanes lanes = new PaddingExperiment.Lanes(QUIET, 2, false);
        VariantResult valid = new VariantResult("Net1", PaddingMode.VALID);
        Thread second = new Thread(() -> {
            try {
                lanes.begin(1, valid, 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        // The second round's thread is first at the gate, and must stay there.
        while (second.getState() != Thread.State.WAITING) Thread.onSpinWait();
        assertFalse(lanes.shown(valid, 1), "round 2 must not take the curve before round 1 has begun");
        lanes.begin(0, valid, 0);
        second.join();
        assertTrue(lanes.shown(valid, 0), "the round queued first draws the variant's curve");
        assertFalse(lanes.shown(valid, 1));
    }

    @Test
    void aWaitingRoundCanBeInterrupted() throws Exception {
        PaddingExperiment.Lanes lanes = new PaddingExperiment.Lanes(QUIET, 2, false);
        VariantResult valid = new VariantResult("Net1", PaddingMode.VALID);
        Throwable[] thrown = new Throwable[1];
        Thread second = new Thread(() -> {
            try {
                lanes.begin(1, valid, 1);
            } catch (InterruptedException e) {
                thrown[0] = e;
            }
        });
        second.start();
        while (second.getState() != Thread.State.WAITING) Thread.onSpinWait();
        second.interrupt();
        second.join();
        assertEquals(InterruptedException.class, thrown[0].getClass(), "a cancelled run's queued rounds must not hang");
    }
}
