package nnlab.kernel.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EtaEstimatorTest {
    private final AtomicLong now = new AtomicLong();
    private final EtaEstimator eta = new EtaEstimator(now::get);

    private double at(double seconds, double fraction) {
        now.set((long) (seconds * 1e9));
        return eta.update(fraction);
    }

    /**
     * The padding run that showed "ETA 2:21" for 47 s: 10 s of start-up (data, models, the first
     * oneDNN epoch) before the first of 16 epochs is reported, then 37 s of steady epochs.
     */
    @Test
    void aSlowStartDoesNotInflateTheEstimate() {
        double startup = 10, total = 47;
        int epochs = 16;
        double perEpoch = (total - startup) / (epochs - 1);
        at(0, 0);
        double first = at(startup, 1.0 / epochs);
        assertTrue(Double.isNaN(first), "one report is no rate yet: " + first);
        double previousError = Double.POSITIVE_INFINITY;
        for (int e = 2; e <= epochs; e++) {
            double t = startup + (e - 1) * perEpoch;
            double left = at(t, (double) e / epochs);
            double truth = total - t;
            assertEquals(truth, left, 0.05 * total, "epoch " + e + ": ETA " + left + " s, truth " + truth + " s");
            double error = Math.abs(left - truth);
            assertTrue(error <= previousError + 1e-6, "the estimate converges: epoch " + e);
            previousError = error;
        }
        // The old formula, elapsed × (1 − f) / f, after epoch 1: 150 s for a run with 37 s left.
        assertEquals(150, startup * (1 - 1.0 / epochs) / (1.0 / epochs), 1e-9);
    }

    @Test
    void aSpeedChangeIsFollowedWithinHalfTheElapsedTime() {
        at(0, 0);
        // 50 s at 1 %/s, then the machine gets busy: 0.5 %/s for the rest.
        for (int s = 1; s <= 50; s++) at(s, s / 100.0);
        double f = 0.5;
        double t = 50;
        double last = Double.NaN;
        while (t < 100) {
            t += 1;
            f += 0.005;
            last = at(t, f);
        }
        double truth = (1 - f) / 0.005;
        assertEquals(truth, last, 0.02 * truth + 1e-9, "after 50 s at the new speed the estimate follows it");
    }

    @Test
    void noProgressMeansNoEstimateAndTheEndIsZero() {
        assertTrue(Double.isNaN(at(0, 0)));
        assertTrue(Double.isNaN(at(30, 0)), "loading data: unknown, not infinite");
        assertTrue(Double.isNaN(at(30.2, 0.001)), "too little progress to judge");
        assertEquals(0, at(40, 1), 0);
    }
}
